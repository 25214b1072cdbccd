package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.SparseCategoricalAccuracy}: how often {@code argmax(y_pred) == y_true} for class-index labels {@code (batch,)} or {@code (batch, 1)}.
 * Default name {@code sparse_categorical_accuracy}; direction {@code "up"}.
 */
public final class SparseCategoricalAccuracy extends MeanMetricWrapper {

    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    public SparseCategoricalAccuracy(String name) {
        super(AccuracyFunctions::sparseCategoricalAccuracy, name);
        setDirection("up");
    }

    public static SparseCategoricalAccuracy fromConfig(Map<String, Object> config) {
        return withName(new SparseCategoricalAccuracy(), config);
    }
}
