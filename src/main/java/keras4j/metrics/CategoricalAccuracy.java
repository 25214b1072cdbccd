package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.CategoricalAccuracy}: how often {@code argmax(y_pred) == argmax(y_true)} for one-hot labels {@code (batch, classes)}.
 * Default name {@code categorical_accuracy}; direction {@code "up"}.
 */
public final class CategoricalAccuracy extends MeanMetricWrapper {

    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    public CategoricalAccuracy(String name) {
        super(AccuracyFunctions::categoricalAccuracy, name);
        setDirection("up");
    }

    public static CategoricalAccuracy fromConfig(Map<String, Object> config) {
        return withName(new CategoricalAccuracy(), config);
    }
}
