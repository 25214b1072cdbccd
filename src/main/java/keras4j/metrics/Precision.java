package keras4j.metrics;

import java.util.Map;
import keras4j.tensor.Internal;

/**
 * Keras's {@code keras.metrics.Precision(thresholds=None, top_k=None, class_id=None)}: how many of the predicted positives are positive,
 * {@code tp / (tp + fp)} (0 when undefined), with predictions positive above the threshold (default 0.5). {@code topK}
 * keeps only the k highest scores of each sample as candidates; {@code classId} restricts to one class column.
 * Default name {@code precision} (made unique); direction up.
 */
public final class Precision extends PrecisionRecallBase {

    public Precision() {
        this((double[]) null);
    }

    /** Keras's {@code thresholds=}: one or more values in [0, 1]; the result is a vector for several. */
    public Precision(double... thresholds) {
        super(thresholds, "false_positives");
    }

    /** Keras's {@code top_k=}. */
    public Precision topK(int k) {
        setTopK(k);
        return this;
    }

    /** Keras's {@code class_id=}: compute the metric for this class only. */
    public Precision classId(int classId) {
        setClassId(classId);
        return this;
    }

    @Override
    ConfusionMatrix.Counts counts() {
        return new ConfusionMatrix.Counts(Internal.array(truePositives.peek()), Internal.array(other.peek()), null, null);
    }

    public static Precision fromConfig(Map<String, Object> config) {
        return fromConfig(new Precision(ConfusionMatrixConditionCount.thresholdsFromConfig(config.get("thresholds"))), config);
    }
}
