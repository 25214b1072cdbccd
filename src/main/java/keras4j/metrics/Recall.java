package keras4j.metrics;

import java.util.Map;
import keras4j.tensor.Internal;

/**
 * Keras's {@code keras.metrics.Recall(thresholds=None, top_k=None, class_id=None)}: how many of the positives are predicted positive,
 * {@code tp / (tp + fn)} (0 when undefined), with predictions positive above the threshold (default 0.5). {@code topK}
 * keeps only the k highest scores of each sample as candidates; {@code classId} restricts to one class column.
 * Default name {@code recall} (made unique); direction up.
 */
public final class Recall extends PrecisionRecallBase {

    public Recall() {
        this((double[]) null);
    }

    /** Keras's {@code thresholds=}: one or more values in [0, 1]; the result is a vector for several. */
    public Recall(double... thresholds) {
        super(thresholds, "false_negatives");
    }

    /** Keras's {@code top_k=}. */
    public Recall topK(int k) {
        setTopK(k);
        return this;
    }

    /** Keras's {@code class_id=}: compute the metric for this class only. */
    public Recall classId(int classId) {
        setClassId(classId);
        return this;
    }

    @Override
    ConfusionMatrix.Counts counts() {
        return new ConfusionMatrix.Counts(Internal.array(truePositives.peek()), null, null, Internal.array(other.peek()));
    }

    public static Recall fromConfig(Map<String, Object> config) {
        return fromConfig(new Recall(ConfusionMatrixConditionCount.thresholdsFromConfig(config.get("thresholds"))), config);
    }
}
