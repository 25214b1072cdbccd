package keras4j.layers;

import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * The tail of Keras's Dense and convolution {@code call}: {@code activation(outputs + bias)}. A bias on the last
 * axis goes through {@link Ops#biasAdd}, and with {@code relu} through {@link Ops#biasAddRelu}, which computes
 * the same values in one pass (and both gradients in one pass); anything else is {@code activation(add(...))}.
 */
public final class BiasActivation {
    private BiasActivation() {}

    private static final ActivationFunction RELU = Activations.get("relu");

    /** Whether {@link #apply} adds a last-axis bias and applies {@code activation} in one pass (relu). */
    public static boolean fuses(ActivationFunction activation) {
        return activation == RELU;
    }

    /**
     * {@code activation(outputs + bias)}, the bias (shape {@code (channels,)}) added along {@code axis} of
     * {@code outputs} (negative counts from the end); a null bias adds nothing.
     */
    public static Tensor apply(Tensor outputs, Tensor bias, int axis, ActivationFunction activation) {
        if (bias == null) return activation.apply(outputs);
        int rank = outputs.rank();
        int a = axis < 0 ? axis + rank : axis;
        if (a == rank - 1 && bias.rank() == 1) {
            return fuses(activation) ? Ops.biasAddRelu(outputs, bias) : activation.apply(Ops.biasAdd(outputs, bias));
        }
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, 1);
        shape[a] = bias.size();
        return activation.apply(Ops.add(outputs, Ops.reshape(bias, shape)));
    }
}
