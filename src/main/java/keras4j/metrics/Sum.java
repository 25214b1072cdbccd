package keras4j.metrics;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.metrics.Sum}: the running weighted sum {@code sum(w v)} of the values given to
 * {@link #updateState(Tensor, Tensor)}. Default name {@code sum}.
 */
public final class Sum extends Metric {
    private final Variable total;

    public Sum() {
        this("sum");
    }

    public Sum(String name) {
        super(name);
        total = addVariable("total");
    }

    /** Keras's {@code update_state(values)}. */
    public void updateState(Tensor values) {
        updateState(null, values, null);
    }

    /** Keras's {@code update_state(values, sample_weight)}. */
    public void updateState(Tensor values, Tensor sampleWeight) {
        updateState(null, values, sampleWeight);
    }

    /** Sums {@code yPred}; the labels are ignored. */
    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Internal.array(total.peek())[0] += SampleReduction.samplewise(yPred, sampleWeight, null, false)[0].sum().item();
    }

    @Override
    public Tensor resultTensor() {
        return Tensor.scalar(total.peek().item());
    }

    public static Sum fromConfig(Map<String, Object> config) {
        return withName(new Sum(), config);
    }
}
