package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.Accuracy}: how often predictions equal labels exactly, {@code mean(y_true == y_pred)}.
 * Default name {@code accuracy}; direction {@code "up"}.
 */
public final class Accuracy extends MeanMetricWrapper {

    public Accuracy() {
        this("accuracy");
    }

    public Accuracy(String name) {
        super(AccuracyFunctions::accuracy, name);
        setDirection("up");
    }

    public static Accuracy fromConfig(Map<String, Object> config) {
        return withName(new Accuracy(), config);
    }
}
