package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;

/** {@code keras.initializers.Ones()} (name {@code "ones"}): all ones. Config {@code {}}. */
public final class Ones extends Initializer {
    @Override
    public Tensor call(int... shape) {
        return Tensor.ones(shape);
    }

    public static Ones fromConfig(Map<String, Object> config) {
        return new Ones();
    }
}
