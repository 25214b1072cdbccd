package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Element-wise mean of a list of inputs, Keras's {@code keras.layers.Average()}: {@code (x1 + ... + xn) / n}.
 *
 * <p>Shapes: a list of at least two tensors whose shapes broadcast (see {@link Merge}), e.g.
 * {@code [(b, 8), (b, 8)] -> (b, 8)}. The output mask is the OR of the input masks.
 */
public class Average extends Merge<Average> {

    public Average() {}

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        Tensor output = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) output = Ops.add(output, inputs.get(i));
        return Ops.divide(output, (float) inputs.size());
    }

    /** Rebuilds from Keras's config ({@code name}, {@code trainable}, {@code dtype}). */
    public static Average fromConfig(Map<String, Object> config) {
        Average layer = new Average();
        layer.applyBaseConfig(config);
        return layer;
    }
}
