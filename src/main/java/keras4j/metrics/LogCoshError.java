package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.LogCoshError}: the mean of {@code mean(log(cosh(y_pred - y_true)), axis=-1)} over samples.
 * Default name {@code logcosh}; direction {@code "down"}.
 */
public final class LogCoshError extends MeanMetricWrapper {

    public LogCoshError() {
        this("logcosh");
    }

    public LogCoshError(String name) {
        super(keras4j.losses.LossFunctions::logCosh, name);
        setDirection("down");
    }

    public static LogCoshError fromConfig(Map<String, Object> config) {
        return withName(new LogCoshError(), config);
    }
}
