package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.MeanSquaredLogarithmicError}: the mean of {@code mean((log(1 + y_pred) - log(1 + y_true))^2, axis=-1)} over samples.
 * Default name {@code mean_squared_logarithmic_error}; direction {@code "down"}.
 */
public final class MeanSquaredLogarithmicError extends MeanMetricWrapper {

    public MeanSquaredLogarithmicError() {
        this("mean_squared_logarithmic_error");
    }

    public MeanSquaredLogarithmicError(String name) {
        super(keras4j.losses.LossFunctions::meanSquaredLogarithmicError, name);
        setDirection("down");
    }

    public static MeanSquaredLogarithmicError fromConfig(Map<String, Object> config) {
        return withName(new MeanSquaredLogarithmicError(), config);
    }
}
