package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.MeanAbsolutePercentageError}: the mean of {@code 100 mean(|(y_true - y_pred) / max(|y_true|, 1e-7)|, axis=-1)} over samples.
 * Default name {@code mean_absolute_percentage_error}; direction {@code "down"}.
 */
public final class MeanAbsolutePercentageError extends MeanMetricWrapper {

    public MeanAbsolutePercentageError() {
        this("mean_absolute_percentage_error");
    }

    public MeanAbsolutePercentageError(String name) {
        super(keras4j.losses.LossFunctions::meanAbsolutePercentageError, name);
        setDirection("down");
    }

    public static MeanAbsolutePercentageError fromConfig(Map<String, Object> config) {
        return withName(new MeanAbsolutePercentageError(), config);
    }
}
