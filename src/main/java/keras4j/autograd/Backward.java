package keras4j.autograd;

import keras4j.tensor.Tensor;

/**
 * The vector-Jacobian product of one recorded operation: given the gradient of the loss with
 * respect to the operation's output, returns the gradient with respect to each input (same
 * shapes as the inputs), or {@code null} for an input that is not differentiable.
 */
@FunctionalInterface
public interface Backward {
    Tensor[] apply(Tensor outputGradient);
}
