package keras4j.optimizers;

import keras4j.optimizers.schedules.LearningRateSchedule;

/**
 * Adds Keras's common optimizer arguments as fluent setters returning the concrete optimizer, so
 * {@code new Adam(1e-3).amsgrad(true).clipnorm(1.0)} reads like Keras's keyword arguments.
 *
 * @param <T> the concrete optimizer class
 */
public abstract class AbstractOptimizer<T extends AbstractOptimizer<T>> extends Optimizer {

    protected AbstractOptimizer(double learningRate) {
        super(learningRate);
    }

    protected AbstractOptimizer(LearningRateSchedule schedule) {
        super(schedule);
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

    /** Keras's {@code weight_decay=}: decoupled decay {@code w -= w * wd * lr} before each update. */
    public T weightDecay(double weightDecay) {
        setWeightDecay(weightDecay);
        return self();
    }

    /** Keras's {@code clipnorm=}: each gradient is rescaled to L2 norm at most this. */
    public T clipnorm(double clipnorm) {
        setClip("clipnorm", clipnorm);
        return self();
    }

    /** Keras's {@code clipvalue=}: each gradient value is clipped to {@code [-clipvalue, clipvalue]}. */
    public T clipvalue(double clipvalue) {
        setClip("clipvalue", clipvalue);
        return self();
    }

    /** Keras's {@code global_clipnorm=}: all gradients are rescaled so their joint L2 norm is at most this. */
    public T globalClipnorm(double globalClipnorm) {
        setClip("global_clipnorm", globalClipnorm);
        return self();
    }

    /** Keras's {@code use_ema=}: keep an exponential moving average of the weights (see {@link #finalizeVariableValues}). */
    public T useEma(boolean useEma) {
        setEma(useEma, emaMomentum(), emaOverwriteFrequency());
        return self();
    }

    /** Keras's {@code ema_momentum=} (default 0.99). */
    public T emaMomentum(double emaMomentum) {
        setEma(useEma(), emaMomentum, emaOverwriteFrequency());
        return self();
    }

    /** Keras's {@code ema_overwrite_frequency=}: every this many steps the weights are replaced by their averages. */
    public T emaOverwriteFrequency(int frequency) {
        setEma(useEma(), emaMomentum(), frequency);
        return self();
    }

    /** Keras's {@code loss_scale_factor=}: gradients are divided by it before use. */
    public T lossScaleFactor(double factor) {
        setLossScaleFactor(factor);
        return self();
    }

    /** Keras's {@code gradient_accumulation_steps=}: update every this many steps with the mean gradient. */
    public T gradientAccumulationSteps(int steps) {
        setGradientAccumulationSteps(steps);
        return self();
    }
}
