package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The shared body of Keras's {@code GlobalMax/AveragePooling1D/2D/3D}
 * ({@code keras/src/layers/pooling/base_global_pooling.py}): reduces every spatial axis.
 * {@code (batch, *spatial, channels)} → {@code (batch, channels)}, or {@code (batch, 1, ..., 1, channels)} with keepdims.
 */
public abstract class BaseGlobalPooling<T extends BaseGlobalPooling<T>> extends AbstractLayer<T> {
    private final int rank;
    private final boolean max;
    private String dataFormat = "channels_last";
    private boolean keepdims;

    protected BaseGlobalPooling(int rank, boolean max) {
        this.rank = rank;
        this.max = max;
        this.inputSpec = InputSpec.ndim(rank + 2);
    }

    /** Keras's {@code data_format=}: {@code "channels_last"} (default) or {@code "channels_first"}. */
    public T dataFormat(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
        return self();
    }

    /** Keras's {@code keepdims=}: keep the reduced spatial axes with size 1. */
    public T keepdims(boolean keepdims) {
        this.keepdims = keepdims;
        return self();
    }

    public String dataFormat() {
        return dataFormat;
    }

    public boolean keepdims() {
        return keepdims;
    }

    /** The spatial axes of an input of this layer's rank. */
    protected int[] spatialAxes() {
        int[] axes = new int[rank];
        int start = dataFormat.equals("channels_first") ? 2 : 1;
        for (int i = 0; i < rank; i++) axes[i] = start + i;
        return axes;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return max ? Ops.max(inputs, keepdims, spatialAxes()) : Ops.mean(inputs, keepdims, spatialAxes());
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length != rank + 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects inputs of rank " + (rank + 2) + ". Received: input_shape=" + formatShape(inputShape));
        }
        boolean first = dataFormat.equals("channels_first");
        int channels = first ? inputShape[1] : inputShape[inputShape.length - 1];
        if (!keepdims) return new int[] {inputShape[0], channels};
        int[] out = inputShape.clone();
        for (int a : spatialAxes()) out[a] = 1;
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", dataFormat);
        c.put("keepdims", keepdims);
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a new layer. */
    protected static <L extends BaseGlobalPooling<L>> L configure(L layer, Map<String, Object> c) {
        layer.applyBaseConfig(c);
        if (c.get("data_format") != null) layer.dataFormat((String) c.get("data_format"));
        layer.keepdims(Config.getBool(c, "keepdims", false));
        return layer;
    }
}
