package keras4j.callbacks;

import java.util.List;
import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Stops training when a monitored metric has stopped improving; Keras's
 * {@code keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
 * baseline=None, restore_best_weights=False, start_from_epoch=0)}.
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(100).validationSplit(0.2)
 *         .callbacks(new EarlyStopping().patience(3).restoreBestWeights(true)));
 * }</pre>
 *
 * <p>At the end of each epoch from {@code startFromEpoch} on, the monitored value is compared with the best so far
 * (the first monitored epoch always counts as an improvement). After {@code patience} epochs without an improvement of
 * more than {@code minDelta}, training stops. With a {@code baseline}, an improvement that does not also beat the
 * baseline does not reset the patience count. With {@code restoreBestWeights}, the weights of the best epoch are put
 * back when training ends, whether it stopped early or not. Verbose messages are Keras's:
 * {@code Epoch 5: early stopping} and {@code Restoring model weights from the end of the best epoch: 3.}
 */
public class EarlyStopping extends Callback {
    private final Messages messages = new Messages();
    private String monitor = "val_loss";
    private double minDelta;
    private int patience;
    private int verbose;
    private String mode = "auto";
    private Double baseline;
    private boolean restoreBestWeights;
    private int startFromEpoch;

    private MonitorMode monitorOp;
    private int wait;
    private int stoppedEpoch;
    private Double best;
    private int bestEpoch;
    private List<Tensor> bestWeights;

    /** Keras's defaults: {@code monitor="val_loss"}, {@code patience=0}, {@code mode="auto"}. */
    public EarlyStopping() {}

    /** Quantity to be monitored, a key of the epoch logs (Keras's {@code monitor}, default {@code "val_loss"}). */
    public EarlyStopping monitor(String monitor) {
        this.monitor = monitor;
        this.monitorOp = null;
        return this;
    }

    /** Changes smaller than this (in absolute value) count as no improvement (Keras's {@code min_delta}, default 0). */
    public EarlyStopping minDelta(double minDelta) {
        this.minDelta = Math.abs(minDelta);
        return this;
    }

    /** Epochs without improvement after which training stops (Keras's {@code patience}, default 0). */
    public EarlyStopping patience(int patience) {
        this.patience = patience;
        return this;
    }

    /** 1 prints a message when the callback acts (Keras's {@code verbose}, default 0). */
    public EarlyStopping verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /**
     * {@code "min"}, {@code "max"} or {@code "auto"} (Keras's {@code mode}); see {@link MonitorMode}. Like Keras, an
     * unknown mode is reported as a warning and replaced by {@code "auto"}.
     */
    public EarlyStopping mode(String mode) {
        this.mode = MonitorMode.checkMode(mode, "EarlyStopping", messages);
        this.monitorOp = null;
        return this;
    }

    /** Training stops unless the monitored value beats this within {@code patience} epochs (Keras's {@code baseline}). */
    public EarlyStopping baseline(Double baseline) {
        this.baseline = baseline;
        return this;
    }

    /** Put back the weights of the best epoch when training ends (Keras's {@code restore_best_weights}). */
    public EarlyStopping restoreBestWeights(boolean restoreBestWeights) {
        this.restoreBestWeights = restoreBestWeights;
        return this;
    }

    /** Warm-up epochs that are not monitored (Keras's {@code start_from_epoch}, default 0). */
    public EarlyStopping startFromEpoch(int startFromEpoch) {
        this.startFromEpoch = startFromEpoch;
        return this;
    }

    public String monitor() {
        return monitor;
    }

    public double minDelta() {
        return minDelta;
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

    public Double baseline() {
        return baseline;
    }

    public boolean restoreBestWeights() {
        return restoreBestWeights;
    }

    public int startFromEpoch() {
        return startFromEpoch;
    }

    /** The epoch (from 0) at which training was stopped, 0 if it was not (Keras's {@code stopped_epoch}). */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (from 0) with the best monitored value (Keras's {@code best_epoch}). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value so far, null before the first monitored epoch (Keras's {@code best}). */
    public Double best() {
        return best;
    }

    /** Resets the state, so one instance can serve several {@code fit} calls, and resolves {@code mode}. */
    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        wait = 0;
        stoppedEpoch = 0;
        best = null;
        bestWeights = null;
        bestEpoch = 0;
        resolveMode();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        resolveMode();
        Double current = monitorValue(logs);
        if (current == null || epoch < startFromEpoch) return;
        if (restoreBestWeights && bestWeights == null) {
            // Until something improves, the current weights are the best ones.
            bestWeights = model().getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (monitorOp.isImprovement(current, best, minDelta)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = model().getWeights();
            // Only a value that beats the baseline too restarts the count.
            if (baseline == null || monitorOp.isImprovement(current, baseline, minDelta)) wait = 0;
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().setStopTraining(true);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && verbose > 0) Messages.print("Epoch " + (stoppedEpoch + 1) + ": early stopping");
        if (restoreBestWeights && bestWeights != null) {
            if (verbose > 0) Messages.print("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
            model().setWeights(bestWeights);
        }
    }

    private void resolveMode() {
        if (monitorOp == null) monitorOp = MonitorMode.resolve(mode, monitor, "EarlyStopping");
    }

    private Double monitorValue(Map<String, Double> logs) {
        Double value = logs == null ? null : logs.get(monitor);
        if (value == null) {
            messages.warn("Early stopping conditioned on metric `" + monitor + "` which is not available. Available metrics are: "
                    + (logs == null ? "" : String.join(",", logs.keySet())));
        }
        return value;
    }
}
