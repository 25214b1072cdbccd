package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.FalsePositives(thresholds=None)}: the (weighted) number of negative labels predicted positive, a prediction being
 * positive when it exceeds the threshold (default 0.5). With several thresholds the result is a vector, one count per
 * threshold. Default name {@code false_positives} (made unique).
 */
public final class FalsePositives extends ConfusionMatrixConditionCount {

    public FalsePositives() {
        this((double[]) null);
    }

    /** Keras's {@code thresholds=}: one or more values in [0, 1]. */
    public FalsePositives(double... thresholds) {
        super(null, thresholds);
    }

    @Override
    ConfusionMatrix.Counts counts(float[] a) {
        return new ConfusionMatrix.Counts(null, a, null, null);
    }

    public static FalsePositives fromConfig(Map<String, Object> config) {
        return withName(new FalsePositives(thresholdsFromConfig(config.get("thresholds"))), config);
    }
}
