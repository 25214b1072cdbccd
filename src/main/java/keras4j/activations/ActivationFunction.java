package keras4j.activations;

import keras4j.tensor.Tensor;

/**
 * An element-wise (or axis-wise) activation, like a function of {@code keras.activations}: differentiable
 * (written in {@code keras4j.ops}) and serialised by its Keras name ({@code "relu"}).
 */
public interface ActivationFunction {
    Tensor apply(Tensor x);

    /** The Keras name used in configs, e.g. {@code relu}. */
    String name();

    /** An activation with a name, from a function. */
    static ActivationFunction of(String name, java.util.function.UnaryOperator<Tensor> f) {
        return new ActivationFunction() {
            @Override
            public Tensor apply(Tensor x) {
                return f.apply(x);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "<activation " + name + ">";
            }
        };
    }
}
