package keras4j.activations;

import java.util.function.UnaryOperator;
import keras4j.tensor.Tensor;

/** A function paired with its Keras name. */
record NamedActivation(String name, UnaryOperator<Tensor> f) implements ActivationFunction {
    @Override
    public Tensor apply(Tensor x) {
        return f.apply(x);
    }

    @Override
    public String toString() {
        return "<activation " + name + ">";
    }
}
