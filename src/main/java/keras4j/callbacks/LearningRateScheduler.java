package keras4j.callbacks;

import java.util.Map;
import java.util.function.IntToDoubleFunction;
import keras4j.utils.PyFormat;

/**
 * Sets the learning rate at the beginning of every epoch from a schedule; Keras's
 * {@code keras.callbacks.LearningRateScheduler(schedule, verbose=0)}.
 *
 * <pre>{@code
 * new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1))
 * new LearningRateScheduler(epoch -> epoch < 5 ? 1e-3 : 1e-4).verbose(1)
 * }</pre>
 *
 * <p>The schedule receives the epoch (from 0) and the current learning rate, and returns the new one. Rates are
 * doubles, as Python floats are in Keras: the optimizer's float32 rate is passed widened, and the returned value is
 * what the verbose message prints ({@code Epoch 3: LearningRateScheduler setting learning rate to 0.0005.}) before
 * the optimizer stores it as a float. Each epoch's logs get {@code learning_rate}, as in Keras 3.
 */
public class LearningRateScheduler extends Callback {
    /** Keras's {@code schedule(epoch, lr)}: the epoch from 0 and the current learning rate to the new rate. */
    @FunctionalInterface
    public interface Schedule {
        double apply(int epoch, double learningRate);
    }

    private final Schedule schedule;
    private int verbose;

    /** A schedule of the epoch and the current learning rate. */
    public LearningRateScheduler(Schedule schedule) {
        if (schedule == null) throw new IllegalArgumentException("LearningRateScheduler: `schedule` must not be null.");
        this.schedule = schedule;
    }

    /** Keras's positional form {@code LearningRateScheduler(schedule, verbose)}. */
    public LearningRateScheduler(Schedule schedule, int verbose) {
        this(schedule);
        this.verbose = verbose;
    }

    /** A schedule of the epoch only, as Keras's older one-argument {@code schedule(epoch)}. */
    public LearningRateScheduler(IntToDoubleFunction schedule) {
        this(checked(schedule));
    }

    private static Schedule checked(IntToDoubleFunction schedule) {
        if (schedule == null) throw new IllegalArgumentException("LearningRateScheduler: `schedule` must not be null.");
        return (epoch, lr) -> schedule.applyAsDouble(epoch);
    }

    /** 1 prints the rate set at each epoch (Keras's {@code verbose}, default 0). */
    public LearningRateScheduler verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    public int verbose() {
        return verbose;
    }

    public Schedule schedule() {
        return schedule;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        double learningRate = schedule.apply(epoch, model().learningRate());
        model().setLearningRate((float) learningRate);
        if (verbose > 0) {
            Messages.print("\nEpoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to " + PyFormat.repr(learningRate) + ".");
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Logs.put(logs, "learning_rate", model().learningRate());
    }
}
