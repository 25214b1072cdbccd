package keras4j.metrics;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.TopKCategoricalAccuracy(k=5)}: how often the true class is among the {@code k} highest predictions,
 * for one-hot labels {@code (batch, classes)} (ties with the k-th score count as hits). Default name {@code top_k_categorical_accuracy}; direction up.
 */
public final class TopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    public TopKCategoricalAccuracy() {
        this(5);
    }

    public TopKCategoricalAccuracy(int k) {
        this(k, "top_k_categorical_accuracy");
    }

    public TopKCategoricalAccuracy(int k, String name) {
        super(name);
        if (k < 1) throw new IllegalArgumentException("TopKCategoricalAccuracy: k must be a positive integer. Received: k=" + k);
        this.k = k;
        setDirection("up");
    }

    public int k() {
        return k;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        return AccuracyFunctions.topKCategoricalAccuracy(yTrue, yPred, k);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("k", k);
        return c;
    }

    public static TopKCategoricalAccuracy fromConfig(Map<String, Object> config) {
        return withName(new TopKCategoricalAccuracy(Config.getInt(config, "k", 5)), config);
    }
}
