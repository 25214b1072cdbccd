package keras4j.initializers;

import keras4j.tensor.Tensor;

/** All zeros ({@code keras.initializers.Zeros}, {@code "zeros"}). */
public final class Zeros extends Initializer {
    @Override
    public Tensor call(int... shape) {
        return Tensor.zeros(shape);
    }
}
