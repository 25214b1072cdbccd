package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;

/** {@code keras.initializers.Zeros()} (name {@code "zeros"}): all zeros. Config {@code {}}. */
public final class Zeros extends Initializer {
    @Override
    public Tensor call(int... shape) {
        return Tensor.zeros(shape);
    }

    public static Zeros fromConfig(Map<String, Object> config) {
        return new Zeros();
    }
}
