package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * The shared body of Keras's {@code Cropping1D/2D/3D}: removes {@code (before, after)} elements from each spatial axis.
 * {@code (batch, *spatial, channels)} → {@code (batch, *(spatial − before − after), channels)} (channels_last).
 */
public abstract class BaseCropping<T extends BaseCropping<T>> extends AbstractLayer<T> {
    private final int rank;
    private final int[][] cropping;
    private String dataFormat = "channels_last";

    protected BaseCropping(int rank, Object cropping) {
        this.rank = rank;
        this.cropping = SpatialPairs.parse(cropping, rank, "cropping");
        this.inputSpec = InputSpec.ndim(rank + 2);
    }

    /** Keras's {@code data_format=}: {@code "channels_last"} (default) or {@code "channels_first"}. */
    public T dataFormat(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
        return self();
    }

    /** The {@code (before, after)} cropping of each spatial axis. */
    public int[][] cropping() {
        int[][] p = new int[rank][];
        for (int i = 0; i < rank; i++) p[i] = cropping[i].clone();
        return p;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        computeOutputShape(inputs.shape());
        Tensor x = inputs;
        int first = SpatialPairs.firstSpatial(dataFormat);
        for (int i = 0; i < rank; i++) {
            int axis = first + i;
            if (cropping[i][0] > 0 || cropping[i][1] > 0) x = Ops.slice(x, axis, cropping[i][0], x.dim(axis) - cropping[i][1]);
        }
        return x;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = inputShape.clone();
        int first = SpatialPairs.firstSpatial(dataFormat);
        for (int i = 0; i < rank; i++) {
            int d = out[first + i];
            if (d < 0) continue;
            int left = d - cropping[i][0] - cropping[i][1];
            if (left <= 0) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape="
                        + formatShape(inputShape) + ", cropping=" + SpatialPairs.str(cropping, rank));
            }
            out[first + i] = left;
        }
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("cropping", SpatialPairs.toConfig(cropping));
        if (rank > 1) c.put("data_format", dataFormat);
        return c;
    }

    protected static <L extends BaseCropping<L>> L configure(L layer, Map<String, Object> c) {
        layer.applyBaseConfig(c);
        if (c.get("data_format") != null) layer.dataFormat((String) c.get("data_format"));
        return layer;
    }
}
