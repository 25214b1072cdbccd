package keras4j.callbacks;

import java.util.Map;

/**
 * Sets the learning rate at the start of each epoch from {@code schedule(epoch, currentLr)}, like Keras's
 * {@code LearningRateScheduler(schedule, verbose=0)}; adds {@code learning_rate} to the epoch logs.
 */
public class LearningRateScheduler extends Callback {
    /** Keras's {@code schedule(epoch, lr)}; epochs count from 0. */
    @FunctionalInterface
    public interface Schedule {
        double apply(int epoch, double learningRate);
    }

    private final Schedule schedule;
    private final int verbose;

    public LearningRateScheduler(Schedule schedule) {
        this(schedule, 0);
    }

    public LearningRateScheduler(Schedule schedule, int verbose) {
        this.schedule = schedule;
        this.verbose = verbose;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        double lr = schedule.apply(epoch, model().learningRate());
        if (Double.isNaN(lr) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("The output of the schedule function should be a finite float. Got: " + lr);
        }
        model().setLearningRate((float) lr);
        if (verbose > 0) System.out.printf("%nEpoch %d: LearningRateScheduler setting learning rate to %s.%n", epoch + 1, lr);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", (double) model().learningRate());
    }
}
