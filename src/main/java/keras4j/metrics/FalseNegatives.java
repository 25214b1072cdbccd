package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.FalseNegatives(thresholds=None)}: the (weighted) number of positive labels predicted negative, a prediction being
 * positive when it exceeds the threshold (default 0.5). With several thresholds the result is a vector, one count per
 * threshold. Default name {@code false_negatives} (made unique).
 */
public final class FalseNegatives extends ConfusionMatrixConditionCount {

    public FalseNegatives() {
        this((double[]) null);
    }

    /** Keras's {@code thresholds=}: one or more values in [0, 1]. */
    public FalseNegatives(double... thresholds) {
        super(null, thresholds);
    }

    @Override
    ConfusionMatrix.Counts counts(float[] a) {
        return new ConfusionMatrix.Counts(null, null, null, a);
    }

    public static FalseNegatives fromConfig(Map<String, Object> config) {
        return withName(new FalseNegatives(thresholdsFromConfig(config.get("thresholds"))), config);
    }
}
