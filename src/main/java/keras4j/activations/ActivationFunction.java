package keras4j.activations;

import java.util.Objects;
import java.util.function.UnaryOperator;
import keras4j.tensor.Tensor;

/**
 * An element-wise (or per-axis) activation with the name Keras uses for it in configs, like the
 * functions of {@code keras.activations}: {@code Activations.get("relu").apply(x)}.
 * Implementations compute with {@link keras4j.ops.Ops}, so they are differentiable under a
 * {@link keras4j.autograd.GradientTape}.
 */
public interface ActivationFunction extends UnaryOperator<Tensor> {

    /** Applies the activation; the output has the input's shape (except {@code glu}, which halves {@code axis}). */
    @Override
    Tensor apply(Tensor x);

    /** The Keras name written in configs, e.g. {@code "relu"}. */
    String name();

    /** A named activation from a function, e.g. {@code ActivationFunction.of("my_act", x -> Ops.tanh(x))}. */
    static ActivationFunction of(String name, UnaryOperator<Tensor> f) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(f, "f");
        return new NamedActivation(name, f);
    }
}
