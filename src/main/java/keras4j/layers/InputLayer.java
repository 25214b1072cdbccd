package keras4j.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The entry point of a model: holds the input's batch shape and produces the symbolic input tensor
 * (Keras's {@code keras.layers.InputLayer}; usually made through {@link Input}).
 * Shape {@code (None, *shape)}; calling it on data returns the data unchanged.
 */
public final class InputLayer extends Layer {
    private final int[] batchShape;
    private final KerasTensor output;

    /** An input layer for samples of {@code shape} (no batch axis) and an unknown batch size. */
    public InputLayer(int... shape) {
        this(null, withBatch(-1, shape));
    }

    /** An input layer with a full batch shape (batch axis first, -1 for None) and an optional name. */
    public InputLayer(String name, int[] batchShape) {
        for (int i = 1; i < batchShape.length; i++) {
            if (batchShape[i] <= 0 && batchShape[i] != -1) {
                throw new IllegalArgumentException("InputLayer: shape dimensions must be positive or None (-1). Received: batch_shape=" + formatShape(batchShape));
            }
        }
        if (batchShape.length == 0) throw new IllegalArgumentException("InputLayer: batch_shape must include the batch axis. Received: batch_shape=()");
        if (name != null) setName(name);
        this.batchShape = batchShape.clone();
        setBatchInputShape(batchShape);
        markBuilt(batchShape);
        this.output = newNode(batchShape);
    }

    static int[] withBatch(int batch, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = batch;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /** The symbolic tensor this layer produces. */
    public KerasTensor output() {
        return output;
    }

    /** The batch shape, batch axis first (-1 for None). */
    public int[] batchShape() {
        return batchShape.clone();
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return batchShape.clone();
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return inputs;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("batch_shape", Config.shape(batchShape));
        c.put("dtype", "float32");
        c.put("sparse", false);
        c.put("ragged", false);
        c.put("name", name());
        return c;
    }

    /** Rebuilds from Keras's config ({@code batch_shape}, or Keras 2's {@code batch_input_shape}). */
    public static InputLayer fromConfig(Map<String, Object> config) {
        Object shape = config.containsKey("batch_shape") ? config.get("batch_shape") : config.get("batch_input_shape");
        if (shape == null) throw new IllegalArgumentException("InputLayer config needs batch_shape (or batch_input_shape); received keys " + config.keySet());
        return new InputLayer((String) config.get("name"), Config.toShape(shape));
    }
}
