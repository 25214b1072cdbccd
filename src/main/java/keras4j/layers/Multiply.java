package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Element-wise product of a list of inputs, Keras's {@code keras.layers.Multiply()}.
 *
 * <p>Shapes: a list of at least two tensors whose shapes broadcast (see {@link Merge}), e.g.
 * {@code [(b, 8), (b, 8)] -> (b, 8)}.
 *
 * <p>Masks as in Keras 3: a masked-out entry counts as 1 (the identity of the product); when every input has a
 * mask, entries masked out in all inputs are 0 in the output and the output mask is the OR of the input masks.
 */
public class Multiply extends Merge<Multiply> {

    public Multiply() {}

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        boolean hasOutputMask = true;
        for (Tensor m : masks) hasOutputMask &= m != null;
        Tensor output = null;
        Tensor outputMask = null;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            if (masks.get(i) != null) {
                Tensor mask = maskLike(masks.get(i), x);
                x = Ops.where(mask, x, Tensor.scalar(1f));
                if (hasOutputMask) outputMask = outputMask == null ? mask : or(outputMask, mask);
            }
            output = output == null ? x : Ops.multiply(output, x);
        }
        if (hasOutputMask) output = Ops.where(outputMask, output, Tensor.scalar(0f));
        return output;
    }

    /** Rebuilds from Keras's config ({@code name}, {@code trainable}, {@code dtype}). */
    public static Multiply fromConfig(Map<String, Object> config) {
        Multiply layer = new Multiply();
        layer.applyBaseConfig(config);
        return layer;
    }
}
