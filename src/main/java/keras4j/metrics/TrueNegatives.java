package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.TrueNegatives(thresholds=None)}: the (weighted) number of negative labels predicted negative, a prediction being
 * positive when it exceeds the threshold (default 0.5). With several thresholds the result is a vector, one count per
 * threshold. Default name {@code true_negatives} (made unique).
 */
public final class TrueNegatives extends ConfusionMatrixConditionCount {

    public TrueNegatives() {
        this((double[]) null);
    }

    /** Keras's {@code thresholds=}: one or more values in [0, 1]. */
    public TrueNegatives(double... thresholds) {
        super(null, thresholds);
    }

    @Override
    ConfusionMatrix.Counts counts(float[] a) {
        return new ConfusionMatrix.Counts(null, null, a, null);
    }

    public static TrueNegatives fromConfig(Map<String, Object> config) {
        return withName(new TrueNegatives(thresholdsFromConfig(config.get("thresholds"))), config);
    }
}
