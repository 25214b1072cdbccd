package keras4j.metrics;

import java.util.Map;
import keras4j.losses.Loss;
import keras4j.losses.LossFunction;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.metrics.MeanMetricWrapper(fn)}: the weighted mean over samples of a per-sample function
 * {@code fn(y_true, y_pred)} (e.g. {@code keras4j.losses.LossFunctions::meanSquaredError}). Most built-in
 * metrics are such wrappers. Default name {@code mean_metric_wrapper} (made unique).
 */
public class MeanMetricWrapper extends MeanBase {
    private final LossFunction fn;
    private final Object fnConfig;

    /** Wraps {@code fn} under the given name (null for a unique default). */
    public MeanMetricWrapper(LossFunction fn, String name) {
        this(fn, name, null);
    }

    /**
     * Wraps a loss as a metric, as Keras's {@code compile(metrics=[loss])} does: each batch contributes the loss's
     * reduced value {@code loss.compute(y_true, y_pred)}; the metric is named after the loss and minimized.
     */
    public MeanMetricWrapper(Loss loss) {
        this((t, p) -> loss.compute(t, p), loss.name(), loss.serialize());
        setDirection("down");
    }

    MeanMetricWrapper(LossFunction fn, String name, Object fnConfig) {
        super(name);
        if (fn == null) throw new IllegalArgumentException("MeanMetricWrapper: fn must not be null");
        this.fn = fn;
        this.fnConfig = fnConfig;
    }

    /** For subclasses whose per-sample function depends on their arguments: they override {@link #values}. */
    protected MeanMetricWrapper(String name) {
        super(name);
        this.fn = null;
        this.fnConfig = null;
    }

    /** The wrapped per-sample function. */
    public LossFunction fn() {
        return fn != null ? fn : this::values;
    }

    /** The per-sample values of one batch: {@code fn(y_true, y_pred)}. */
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        if (fn == null) throw new IllegalStateException(className() + " must override values()");
        return fn.apply(yTrue, yPred);
    }

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        accumulate(values(yTrue, yPred), sampleWeight, valuesMask(yTrue, yPred));
    }

    /** A 0/1 mask on the function's values (Keras's mask on the values; used with sample weights), or null. */
    protected Tensor valuesMask(Tensor yTrue, Tensor yPred) {
        return null;
    }

    /** {@code {"name", "dtype"}}, plus {@code fn} when the wrapped function is a serializable loss. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        if (fnConfig != null && getClass() == MeanMetricWrapper.class) c.put("fn", fnConfig);
        return c;
    }
}
