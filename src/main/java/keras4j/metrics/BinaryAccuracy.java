package keras4j.metrics;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.BinaryAccuracy(threshold=0.5)}: how often {@code (y_pred > threshold) == y_true},
 * averaged over all elements of each sample, then over samples. Default name {@code binary_accuracy}; direction up.
 */
public final class BinaryAccuracy extends MeanMetricWrapper {
    private double threshold = 0.5;

    public BinaryAccuracy() {
        this("binary_accuracy");
    }

    public BinaryAccuracy(String name) {
        super(name);
        setDirection("up");
    }

    /** Keras's {@code threshold=}: predictions above it count as 1. */
    public BinaryAccuracy threshold(double threshold) {
        this.threshold = threshold;
        return this;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        return AccuracyFunctions.binaryAccuracy(yTrue, yPred, threshold);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("threshold", threshold);
        return c;
    }

    public static BinaryAccuracy fromConfig(Map<String, Object> config) {
        return withName(new BinaryAccuracy(), config).threshold(Config.getDouble(config, "threshold", 0.5));
    }
}
