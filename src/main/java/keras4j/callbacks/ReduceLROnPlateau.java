package keras4j.callbacks;

import java.util.Map;

/**
 * Lowers the learning rate when a metric stops improving, like Keras's {@code ReduceLROnPlateau(monitor="val_loss",
 * factor=0.1, patience=10, verbose=0, mode="auto", min_delta=1e-4, cooldown=0, min_lr=0.0)}. Adds
 * {@code learning_rate} to the epoch logs.
 */
public class ReduceLROnPlateau extends Callback {
    private String monitor = "val_loss";
    private double factor = 0.1;
    private int patience = 10;
    private int verbose;
    private String mode = "auto";
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

    private int wait;
    private int cooldownCounter;
    private double best;
    private boolean maximize;

    public ReduceLROnPlateau monitor(String monitor) {
        this.monitor = monitor;
        return this;
    }

    public ReduceLROnPlateau factor(double factor) {
        if (factor >= 1.0) throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=" + factor);
        this.factor = factor;
        return this;
    }

    public ReduceLROnPlateau patience(int patience) {
        this.patience = patience;
        return this;
    }

    public ReduceLROnPlateau verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    public ReduceLROnPlateau mode(String mode) {
        MonitorMode.maximize(mode, "loss");
        this.mode = mode;
        return this;
    }

    public ReduceLROnPlateau minDelta(double minDelta) {
        this.minDelta = minDelta;
        return this;
    }

    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = minLr;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        maximize = MonitorMode.maximize(mode, monitor);
        best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        cooldownCounter = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", (double) model().learningRate());
        Double current = logs.get(monitor);
        if (current == null) {
            System.err.println("Learning rate reduction is conditioned on metric `" + monitor + "` which is not available. Available metrics are: "
                    + String.join(",", logs.keySet()));
            return;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (MonitorMode.improved(current, best, minDelta, maximize)) {
            best = current;
            wait = 0;
        } else if (cooldownCounter <= 0) {
            wait++;
            if (wait >= patience) {
                double old = model().learningRate();
                if (old > minLr) {
                    double lr = Math.max(old * factor, minLr);
                    model().setLearningRate((float) lr);
                    if (verbose > 0) System.out.printf("%nEpoch %d: ReduceLROnPlateau reducing learning rate to %s.%n", epoch + 1, (float) lr);
                    cooldownCounter = cooldown;
                    wait = 0;
                }
            }
        }
    }
}
