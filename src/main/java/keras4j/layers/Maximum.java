package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Element-wise maximum of a list of inputs, Keras's {@code keras.layers.Maximum()}.
 *
 * <p>Shapes: a list of at least two tensors whose shapes broadcast (see {@link Merge}), e.g.
 * {@code [(b, 8), (b, 8)] -> (b, 8)}.
 *
 * <p>Masks as in Keras 3: a masked-out entry of one input is replaced by the other operand, so it never wins;
 * the output mask is the OR of the input masks. Where two inputs are equal the gradient goes to the first.
 */
public class Maximum extends Merge<Maximum> {

    public Maximum() {}

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        return applyMergeOpAndOrMask(Ops::maximum, inputs, masks);
    }

    /** Rebuilds from Keras's config ({@code name}, {@code trainable}, {@code dtype}). */
    public static Maximum fromConfig(Map<String, Object> config) {
        Maximum layer = new Maximum();
        layer.applyBaseConfig(config);
        return layer;
    }
}
