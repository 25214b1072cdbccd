package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.MeanSquaredError}: the mean of {@code mean((y_true - y_pred)^2, axis=-1)} over samples.
 * Default name {@code mean_squared_error}; direction {@code "down"}.
 */
public final class MeanSquaredError extends MeanMetricWrapper {

    public MeanSquaredError() {
        this("mean_squared_error");
    }

    public MeanSquaredError(String name) {
        super(keras4j.losses.LossFunctions::meanSquaredError, name);
        setDirection("down");
    }

    public static MeanSquaredError fromConfig(Map<String, Object> config) {
        return withName(new MeanSquaredError(), config);
    }
}
