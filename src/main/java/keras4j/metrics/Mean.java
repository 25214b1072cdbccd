package keras4j.metrics;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.metrics.Mean}: the weighted mean of the values given to {@link #updateState(Tensor, Tensor)},
 * {@code sum(w v) / sum(w)}. Values of shape {@code (batch, ...)} are first averaged to one value per sample.
 * Default name {@code mean}.
 */
public final class Mean extends MeanBase {

    public Mean() {
        this("mean");
    }

    public Mean(String name) {
        super(name);
    }

    /** Keras's {@code update_state(values)}. */
    public void updateState(Tensor values) {
        updateState(null, values, null);
    }

    /** Keras's {@code update_state(values, sample_weight)}. */
    public void updateState(Tensor values, Tensor sampleWeight) {
        updateState(null, values, sampleWeight);
    }

    /** Averages {@code yPred}; the labels are ignored. */
    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        accumulate(yPred, sampleWeight, null);
    }

    public static Mean fromConfig(Map<String, Object> config) {
        return withName(new Mean(), config);
    }
}
