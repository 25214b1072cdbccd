package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Element-wise sum of a list of inputs, Keras's {@code keras.layers.Add()}.
 *
 * <p>Shapes: a list of at least two tensors whose shapes broadcast (see {@link Merge}), e.g.
 * {@code [(b, 8), (b, 8)] -> (b, 8)}. The output mask is the OR of the input masks.
 * <pre>{@code
 * KerasTensor y = new Add().apply(x1, x2);      // or Merging.add(x1, x2)
 * }</pre>
 */
public class Add extends Merge<Add> {

    public Add() {}

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        Tensor output = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) output = Ops.add(output, inputs.get(i));
        return output;
    }

    /** Rebuilds from Keras's config ({@code name}, {@code trainable}, {@code dtype}). */
    public static Add fromConfig(Map<String, Object> config) {
        Add layer = new Add();
        layer.applyBaseConfig(config);
        return layer;
    }
}
