package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Element-wise difference {@code inputs[0] - inputs[1]} of exactly two inputs, Keras's {@code keras.layers.Subtract()}.
 *
 * <p>Shapes: two tensors whose shapes broadcast (see {@link Merge}), e.g. {@code [(b, 8), (b, 8)] -> (b, 8)}.
 * The output mask is the OR of the two input masks.
 */
public class Subtract extends Merge<Subtract> {

    public Subtract() {}

    /** Keras's Subtract takes exactly two inputs (checked before the general merge checks). */
    @Override
    protected void checkInputCount(List<int[]> inputShapes) {
        if (inputShapes.size() != 2) {
            throw error("A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=" + formatShapes(inputShapes));
        }
    }

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        return Ops.subtract(inputs.get(0), inputs.get(1));
    }

    /** Rebuilds from Keras's config ({@code name}, {@code trainable}, {@code dtype}). */
    public static Subtract fromConfig(Map<String, Object> config) {
        Subtract layer = new Subtract();
        layer.applyBaseConfig(config);
        return layer;
    }
}
