package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** {@code keras.initializers.Constant(value=0.0)}: every element equals {@code value}. Config {@code {"value"}}. */
public final class Constant extends Initializer {
    private final double value;

    public Constant() {
        this(0.0);
    }

    public Constant(double value) {
        this.value = value;
    }

    public double value() {
        return value;
    }

    @Override
    public Tensor call(int... shape) {
        return Tensor.full((float) value, shape);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("value", value);
    }

    public static Constant fromConfig(Map<String, Object> config) {
        Object v = config.get("value");
        if (v != null && !(v instanceof Number)) {
            throw new IllegalArgumentException("Constant: `value` must be a number. Received: value=" + v);
        }
        return new Constant(Config.getDouble(config, "value", 0.0));
    }
}
