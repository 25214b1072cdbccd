package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** A constant value ({@code keras.initializers.Constant(value=0.0)}). */
public final class Constant extends Initializer {
    private final float value;

    public Constant(float value) {
        this.value = value;
    }

    public Constant() {
        this(0f);
    }

    @Override
    public Tensor call(int... shape) {
        return Tensor.full(value, shape);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("value", (double) value);
    }
}
