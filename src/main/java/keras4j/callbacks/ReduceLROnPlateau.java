package keras4j.callbacks;

import java.util.Map;
import keras4j.utils.PyFormat;

/**
 * Reduces the learning rate when a metric has stopped improving; Keras's
 * {@code keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto",
 * min_delta=1e-4, cooldown=0, min_lr=0.0)}.
 *
 * <pre>{@code
 * new ReduceLROnPlateau().monitor("val_loss").factor(0.2).patience(5).minLr(0.001)
 * }</pre>
 *
 * <p>After {@code patience} epochs without an improvement of more than {@code minDelta}, the learning rate becomes
 * {@code max(lr * factor, minLr)}, unless it is already at {@code minLr}; then {@code cooldown} epochs pass before
 * waiting starts again. Each epoch's logs get {@code learning_rate} (the rate the epoch trained with, before any
 * reduction), as in Keras 3. The verbose message is Keras's:
 * {@code Epoch 12: ReduceLROnPlateau reducing learning rate to 0.00010000000474974513.}
 */
public class ReduceLROnPlateau extends Callback {
    private final Messages messages = new Messages();
    private String monitor = "val_loss";
    private double factor = 0.1;
    private int patience = 10;
    private int verbose;
    private String mode = "auto";
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

    private MonitorMode monitorOp;
    private Double best;
    private int wait;
    private int cooldownCounter;

    /** Keras's defaults: {@code factor=0.1}, {@code patience=10}, {@code min_delta=1e-4}. */
    public ReduceLROnPlateau() {}

    /** Quantity to be monitored (Keras's {@code monitor}, default {@code "val_loss"}). */
    public ReduceLROnPlateau monitor(String monitor) {
        this.monitor = monitor;
        this.monitorOp = null;
        return this;
    }

    /**
     * The learning rate is multiplied by this (Keras's {@code factor}, default 0.1).
     *
     * @throws IllegalArgumentException when {@code factor >= 1}, as Keras
     */
    public ReduceLROnPlateau factor(double factor) {
        if (factor >= 1.0) {
            throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=" + PyFormat.repr(factor));
        }
        this.factor = factor;
        return this;
    }

    /** Epochs without improvement before the learning rate is reduced (Keras's {@code patience}, default 10). */
    public ReduceLROnPlateau patience(int patience) {
        this.patience = patience;
        return this;
    }

    /** 1 prints a message at each reduction (Keras's {@code verbose}, default 0). */
    public ReduceLROnPlateau verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** {@code "min"}, {@code "max"} or {@code "auto"} (Keras's {@code mode}); an unknown mode warns and becomes auto. */
    public ReduceLROnPlateau mode(String mode) {
        this.mode = MonitorMode.checkMode(mode, "ReduceLROnPlateau", messages);
        this.monitorOp = null;
        return this;
    }

    /** Threshold for a significant change (Keras's {@code min_delta}, default 1e-4). */
    public ReduceLROnPlateau minDelta(double minDelta) {
        this.minDelta = Math.abs(minDelta);
        return this;
    }

    /** Epochs to wait after a reduction before counting again (Keras's {@code cooldown}, default 0). */
    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    /** Lower bound on the learning rate (Keras's {@code min_lr}, default 0). */
    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = minLr;
        return this;
    }

    public String monitor() {
        return monitor;
    }

    public double factor() {
        return factor;
    }

    public int patience() {
        return patience;
    }

    public int verbose() {
        return verbose;
    }

    public String mode() {
        return mode;
    }

    public double minDelta() {
        return minDelta;
    }

    public int cooldown() {
        return cooldown;
    }

    public double minLr() {
        return minLr;
    }

    /** The best monitored value in this {@code fit}, null before the first epoch (Keras's {@code best}). */
    public Double best() {
        return best;
    }

    /** Whether the cooldown after a reduction is running (Keras's {@code in_cooldown()}). */
    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        best = null;
        cooldownCounter = 0;
        wait = 0;
        resolveMode();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        resolveMode();
        Logs.put(logs, "learning_rate", (double) model().learningRate());
        Double current = logs == null ? null : logs.get(monitor);
        if (current == null) {
            messages.warn("Learning rate reduction is conditioned on metric `" + monitor + "` which is not available. Available metrics are: "
                    + (logs == null ? "" : String.join(",", logs.keySet())) + ".");
            return;
        }
        if (inCooldown()) {
            cooldownCounter--;
            wait = 0;
        }
        if (monitorOp.isImprovement(current, best, minDelta)) {
            best = current;
            wait = 0;
        } else if (!inCooldown()) {
            wait++;
            if (wait >= patience && reduceLearningRate(epoch)) {
                cooldownCounter = cooldown;
                wait = 0;
            }
        }
    }

    private boolean reduceLearningRate(int epoch) {
        // The optimizer holds a float32: compare at float32, compute in double as Keras does with Python floats.
        double oldLr = model().learningRate();
        if (!(oldLr > (float) minLr)) return false;
        double newLr = Math.max(oldLr * factor, minLr);
        model().setLearningRate((float) newLr);
        if (verbose > 0) {
            Messages.print("\nEpoch " + (epoch + 1) + ": ReduceLROnPlateau reducing learning rate to " + PyFormat.repr(newLr) + ".");
        }
        return true;
    }

    private void resolveMode() {
        if (monitorOp == null) monitorOp = MonitorMode.resolve(mode, monitor, "ReduceLROnPlateau");
    }
}
