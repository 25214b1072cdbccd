package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.MeanAbsoluteError}: the mean of {@code mean(|y_true - y_pred|, axis=-1)} over samples.
 * Default name {@code mean_absolute_error}; direction {@code "down"}.
 */
public final class MeanAbsoluteError extends MeanMetricWrapper {

    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }

    public MeanAbsoluteError(String name) {
        super(keras4j.losses.LossFunctions::meanAbsoluteError, name);
        setDirection("down");
    }

    public static MeanAbsoluteError fromConfig(Map<String, Object> config) {
        return withName(new MeanAbsoluteError(), config);
    }
}
