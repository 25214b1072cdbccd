package keras4j.metrics;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.SparseTopKCategoricalAccuracy(k=5)}: how often the true class is among the {@code k} highest predictions,
 * for class-index labels {@code (batch,)} or {@code (batch, 1)} (ties with the k-th score count as hits). Default name {@code sparse_top_k_categorical_accuracy}; direction up.
 */
public final class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
    private final int k;

    public SparseTopKCategoricalAccuracy() {
        this(5);
    }

    public SparseTopKCategoricalAccuracy(int k) {
        this(k, "sparse_top_k_categorical_accuracy");
    }

    public SparseTopKCategoricalAccuracy(int k, String name) {
        super(name);
        if (k < 1) throw new IllegalArgumentException("SparseTopKCategoricalAccuracy: k must be a positive integer. Received: k=" + k);
        this.k = k;
        setDirection("up");
    }

    public int k() {
        return k;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        return AccuracyFunctions.sparseTopKCategoricalAccuracy(yTrue, yPred, k);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("k", k);
        return c;
    }

    public static SparseTopKCategoricalAccuracy fromConfig(Map<String, Object> config) {
        return withName(new SparseTopKCategoricalAccuracy(Config.getInt(config, "k", 5)), config);
    }
}
