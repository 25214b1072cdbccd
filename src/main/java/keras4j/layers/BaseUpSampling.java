package keras4j.layers;

import java.util.Locale;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * The shared body of Keras's {@code UpSampling1D/2D/3D}: each spatial axis grows {@code size} times, by repeating
 * elements ({@code nearest}) or, for 2-D, by {@code bilinear} interpolation (TensorFlow's half-pixel rule).
 */
public abstract class BaseUpSampling<T extends BaseUpSampling<T>> extends AbstractLayer<T> {
    private final int rank;
    private final int[] size;
    private String dataFormat = "channels_last";
    private String interpolation = "nearest";

    protected BaseUpSampling(int rank, int[] size) {
        this.rank = rank;
        this.size = TupleArgs.tuple(size, rank, "size");
        this.inputSpec = InputSpec.ndim(rank + 2);
    }

    /** Keras's {@code data_format=} (2-D and 3-D): {@code "channels_last"} (default) or {@code "channels_first"}. */
    protected void setDataFormat(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
    }

    protected void setInterpolation(String interpolation) {
        String i = interpolation == null ? "" : interpolation.toLowerCase(Locale.ROOT);
        if (!i.equals("nearest") && !i.equals("bilinear")) {
            throw new IllegalArgumentException("`interpolation` argument should be one of: {'nearest', 'bilinear'}. Received: interpolation=" + interpolation);
        }
        this.interpolation = i;
    }

    public int[] size() {
        return size.clone();
    }

    public String dataFormat() {
        return dataFormat;
    }

    public String interpolation() {
        return interpolation;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        int first = SpatialPairs.firstSpatial(dataFormat);
        for (int i = 0; i < rank; i++) {
            if (size[i] == 1) continue;
            int axis = first + i;
            x = interpolation.equals("bilinear") ? linear(x, axis, size[i]) : nearest(x, axis, size[i]);
        }
        return x;
    }

    private static Tensor nearest(Tensor x, int axis, int factor) {
        int n = x.dim(axis);
        int[] idx = new int[n * factor];
        for (int j = 0; j < idx.length; j++) idx[j] = j / factor;
        return Ops.take(x, idx, axis);
    }

    /** Linear interpolation along one axis with half-pixel centres: source {@code (j + 0.5)/factor − 0.5}, clamped. */
    private static Tensor linear(Tensor x, int axis, int factor) {
        int n = x.dim(axis), m = n * factor;
        int[] lo = new int[m], hi = new int[m];
        float[] w = new float[m];
        for (int j = 0; j < m; j++) {
            float src = (j + 0.5f) / factor - 0.5f;
            float fl = (float) Math.floor(src);
            lo[j] = Math.max((int) fl, 0);
            hi[j] = Math.min((int) Math.ceil(src), n - 1);
            w[j] = src - fl;
        }
        int[] wShape = new int[x.rank()];
        java.util.Arrays.fill(wShape, 1);
        wShape[axis] = m;
        Tensor wt = Tensor.wrap(w, wShape);
        Tensor a = Ops.take(x, lo, axis), b = Ops.take(x, hi, axis);
        return Ops.add(a, Ops.multiply(Ops.subtract(b, a), wt));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = inputShape.clone();
        int first = SpatialPairs.firstSpatial(dataFormat);
        for (int i = 0; i < rank; i++) if (out[first + i] >= 0) out[first + i] *= size[i];
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        if (rank == 1) {
            c.put("size", size[0]);
        } else {
            c.put("size", SpatialPairs.ints(size));
            c.put("data_format", dataFormat);
        }
        if (rank == 2) c.put("interpolation", interpolation);
        return c;
    }
}
