package keras4j.layers;

import java.util.Map;
import keras4j.ops.PoolOps;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The shared body of Keras's {@code MaxPooling1D/2D/3D} and {@code AveragePooling1D/2D/3D}
 * ({@code keras/src/layers/pooling/base_pooling.py}): {@code pool_size}, {@code strides} (None → pool_size),
 * {@code padding} ({@code valid}/{@code same}) and {@code data_format}. Input rank is spatial rank + 2.
 */
public abstract class BasePooling<T extends BasePooling<T>> extends AbstractLayer<T> {
    private final int rank;
    private final boolean max;
    private final int[] poolSize;
    private int[] strides;
    private String padding = "valid";
    private String dataFormat = "channels_last";

    protected BasePooling(int rank, boolean max, int[] poolSize) {
        this.rank = rank;
        this.max = max;
        this.poolSize = TupleArgs.tuple(poolSize, rank, "pool_size");
        this.inputSpec = InputSpec.ndim(rank + 2);
    }

    /** Keras's {@code strides=} (one value for every axis, or one per axis); null means {@code pool_size}. */
    public T strides(int... strides) {
        this.strides = strides == null ? null : TupleArgs.tuple(strides, rank, "strides");
        return self();
    }

    /** Keras's {@code padding=}: {@code "valid"} or {@code "same"} (case-insensitive). */
    public T padding(String padding) {
        this.padding = PoolOps.checkPadding(padding);
        return self();
    }

    /** Keras's {@code data_format=}: {@code "channels_last"} (default) or {@code "channels_first"}. */
    public T dataFormat(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
        return self();
    }

    public int[] poolSize() {
        return poolSize.clone();
    }

    public int[] strides() {
        return strides == null ? poolSize.clone() : strides.clone();
    }

    public String padding() {
        return padding;
    }

    public String dataFormat() {
        return dataFormat;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return max ? PoolOps.maxPool(inputs, poolSize, strides(), padding, dataFormat)
                : PoolOps.averagePool(inputs, poolSize, strides(), padding, dataFormat);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length != rank + 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects inputs of rank " + (rank + 2) + ". Received: input_shape=" + formatShape(inputShape));
        }
        return PoolOps.outputShape(inputShape, poolSize, strides(), padding, dataFormat);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("pool_size", Config.ints(poolSize));
        c.put("padding", padding);
        c.put("strides", Config.ints(strides()));
        c.put("data_format", dataFormat);
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config's options (other than pool_size) to a new layer. */
    protected static <L extends BasePooling<L>> L configure(L layer, Map<String, Object> c) {
        layer.applyBaseConfig(c);
        if (c.get("strides") != null) layer.strides(TupleArgs.ints(c.get("strides")));
        if (c.get("padding") != null) layer.padding((String) c.get("padding"));
        if (c.get("data_format") != null) layer.dataFormat((String) c.get("data_format"));
        return layer;
    }

    /** {@code pool_size} of a config, or {@code dflt} when absent. */
    protected static int[] poolSizeOf(Map<String, Object> c, int[] dflt, String className) {
        Object p = c.get("pool_size");
        if (p == null) {
            if (dflt == null) throw new IllegalArgumentException(className + ": the config has no `pool_size`, which is required.");
            return dflt;
        }
        return TupleArgs.ints(p);
    }
}
