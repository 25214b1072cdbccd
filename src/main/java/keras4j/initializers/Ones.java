package keras4j.initializers;

import keras4j.tensor.Tensor;

/** All ones ({@code keras.initializers.Ones}, {@code "ones"}). */
public final class Ones extends Initializer {
    @Override
    public Tensor call(int... shape) {
        return Tensor.ones(shape);
    }
}
