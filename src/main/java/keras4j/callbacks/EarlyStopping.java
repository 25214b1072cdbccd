package keras4j.callbacks;

import java.util.List;
import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Stops training when a monitored metric stops improving, like Keras's
 * {@code EarlyStopping(monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto", baseline=None,
 * restore_best_weights=False, start_from_epoch=0)}.
 */
public class EarlyStopping extends Callback {
    private String monitor = "val_loss";
    private double minDelta;
    private int patience;
    private int verbose;
    private String mode = "auto";
    private Double baseline;
    private boolean restoreBestWeights;
    private int startFromEpoch;

    private int wait;
    private int stoppedEpoch;
    private double best;
    private int bestEpoch;
    private List<Tensor> bestWeights;
    private boolean maximize;

    public EarlyStopping monitor(String monitor) {
        this.monitor = monitor;
        return this;
    }

    public EarlyStopping minDelta(double minDelta) {
        this.minDelta = Math.abs(minDelta);
        return this;
    }

    public EarlyStopping patience(int patience) {
        this.patience = patience;
        return this;
    }

    public EarlyStopping verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    public EarlyStopping mode(String mode) {
        MonitorMode.maximize(mode, "loss");
        this.mode = mode;
        return this;
    }

    public EarlyStopping baseline(Double baseline) {
        this.baseline = baseline;
        return this;
    }

    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    public EarlyStopping startFromEpoch(int epoch) {
        this.startFromEpoch = epoch;
        return this;
    }

    /** The epoch at which training stopped (0 if it did not stop early). */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        maximize = MonitorMode.maximize(mode, monitor);
        wait = 0;
        stoppedEpoch = 0;
        best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestWeights = null;
        bestEpoch = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = logs.get(monitor);
        if (current == null) {
            System.err.println("Early stopping conditioned on metric `" + monitor + "` which is not available. Available metrics are: " + String.join(",", logs.keySet()));
            return;
        }
        if (epoch < startFromEpoch) return;
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model().getWeights();
            bestEpoch = epoch;
        }
        wait++;
        if (MonitorMode.improved(current, best, minDelta, maximize)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = model().getWeights();
            if (baseline == null || MonitorMode.improved(current, baseline, minDelta, maximize)) wait = 0;
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().setStopTraining(true);
            if (restoreBestWeights && bestWeights != null) {
                if (verbose > 0) System.out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
                model().setWeights(bestWeights);
            }
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (stoppedEpoch > 0 && verbose > 0) System.out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
}
