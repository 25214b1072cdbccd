package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.TruePositives(thresholds=None)}: the (weighted) number of positive labels predicted positive, a prediction being
 * positive when it exceeds the threshold (default 0.5). With several thresholds the result is a vector, one count per
 * threshold. Default name {@code true_positives} (made unique).
 */
public final class TruePositives extends ConfusionMatrixConditionCount {

    public TruePositives() {
        this((double[]) null);
    }

    /** Keras's {@code thresholds=}: one or more values in [0, 1]. */
    public TruePositives(double... thresholds) {
        super(null, thresholds);
    }

    @Override
    ConfusionMatrix.Counts counts(float[] a) {
        return new ConfusionMatrix.Counts(a, null, null, null);
    }

    public static TruePositives fromConfig(Map<String, Object> config) {
        return withName(new TruePositives(thresholdsFromConfig(config.get("thresholds"))), config);
    }
}
