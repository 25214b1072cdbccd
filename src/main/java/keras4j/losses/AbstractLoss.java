package keras4j.losses;

/**
 * Adds Keras's common loss arguments ({@code name=}, {@code reduction=}) as fluent setters that return
 * the concrete loss, so {@code new Huber().delta(2).reduction("sum")} reads like Keras's keyword arguments.
 *
 * @param <T> the concrete loss class
 */
public abstract class AbstractLoss<T extends AbstractLoss<T>> extends Loss {

    protected AbstractLoss(String defaultName) {
        super(defaultName);
    }

    @SuppressWarnings("unchecked")
    protected final T self() {
        return (T) this;
    }

    /** Keras's {@code name=}. */
    public T name(String name) {
        setName(name);
        return self();
    }

    /**
     * Keras's {@code reduction=}: {@code "sum_over_batch_size"} (default), {@code "sum"}, {@code "mean"},
     * {@code "mean_with_sample_weight"}, {@code "none"} or {@code null}.
     */
    public T reduction(String reduction) {
        setReduction(reduction);
        return self();
    }
}
