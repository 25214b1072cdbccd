package keras4j.metrics;

import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/** The weighted-mean state shared by {@link Mean}, {@link MeanMetricWrapper} and {@link RootMeanSquaredError}: {@code total / count}. */
abstract class MeanBase extends Metric {
    private final Variable total;
    private final Variable count;

    MeanBase(String name) {
        super(name);
        total = addVariable("total");
        count = addVariable("count");
    }

    /**
     * Keras's {@code Mean.update_state(values, sample_weight)}: {@code total += sum(w * values)},
     * {@code count += sum(w)} (or the number of samples), after reducing to one value per sample.
     */
    void accumulate(Tensor values, Tensor sampleWeight, Tensor mask) {
        Tensor[] vw = SampleReduction.samplewise(values, sampleWeight, mask, true);
        Internal.array(total.peek())[0] += vw[0].sum().item();
        float n = vw[1] != null ? vw[1].sum().item() : vw[0].rank() >= 1 ? vw[0].dim(0) : 1;
        Internal.array(count.peek())[0] += n;
    }

    float mean() {
        return divideNoNan(total.peek().item(), count.peek().item());
    }

    @Override
    public Tensor resultTensor() {
        return Tensor.scalar(mean());
    }
}
