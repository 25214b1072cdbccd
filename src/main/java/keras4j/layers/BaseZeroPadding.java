package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * The shared body of Keras's {@code ZeroPadding1D/2D/3D}: adds {@code (before, after)} zeros on each spatial axis.
 * {@code (batch, *spatial, channels)} → {@code (batch, *(spatial + before + after), channels)} (channels_last).
 */
public abstract class BaseZeroPadding<T extends BaseZeroPadding<T>> extends AbstractLayer<T> {
    private final int rank;
    private final int[][] padding;
    private String dataFormat = "channels_last";

    protected BaseZeroPadding(int rank, Object padding) {
        this.rank = rank;
        this.padding = SpatialPairs.parse(padding, rank, "padding");
        this.inputSpec = InputSpec.ndim(rank + 2);
    }

    /** Keras's {@code data_format=}: {@code "channels_last"} (default) or {@code "channels_first"}. */
    public T dataFormat(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
        return self();
    }

    /** The {@code (before, after)} padding of each spatial axis. */
    public int[][] padding() {
        int[][] p = new int[rank][];
        for (int i = 0; i < rank; i++) p[i] = padding[i].clone();
        return p;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        int first = SpatialPairs.firstSpatial(dataFormat);
        for (int i = 0; i < rank; i++) {
            int axis = first + i;
            int[] s = x.shape();
            Tensor[] parts = new Tensor[3];
            int n = 0;
            if (padding[i][0] > 0) { s[axis] = padding[i][0]; parts[n++] = Tensor.zeros(s); }
            parts[n++] = x;
            if (padding[i][1] > 0) { s[axis] = padding[i][1]; parts[n++] = Tensor.zeros(s); }
            if (n > 1) x = Ops.concatenate(axis, java.util.Arrays.copyOf(parts, n));
        }
        return x;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = inputShape.clone();
        int first = SpatialPairs.firstSpatial(dataFormat);
        for (int i = 0; i < rank; i++) if (out[first + i] >= 0) out[first + i] += padding[i][0] + padding[i][1];
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("padding", SpatialPairs.toConfig(padding));
        c.put("data_format", dataFormat);
        return c;
    }

    protected static <L extends BaseZeroPadding<L>> L configure(L layer, Map<String, Object> c) {
        layer.applyBaseConfig(c);
        if (c.get("data_format") != null) layer.dataFormat((String) c.get("data_format"));
        return layer;
    }
}
