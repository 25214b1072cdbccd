package keras4j.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import keras4j.utils.PyFormat;

/**
 * Saves the model or its weights during training; Keras's {@code keras.callbacks.ModelCheckpoint(filepath,
 * monitor="val_loss", verbose=0, save_best_only=False, save_weights_only=False, mode="auto", save_freq="epoch",
 * initial_value_threshold=None)}.
 *
 * <pre>{@code
 * new ModelCheckpoint("ckpt/model-{epoch:02d}-{val_loss:.2f}.keras").saveBestOnly(true)
 * new ModelCheckpoint("ckpt/last.weights.h5").saveWeightsOnly(true).saveFreq(100)   // every 100 batches
 * }</pre>
 *
 * <p>The path is a Python format string filled with {@code epoch} (counted from 1, as Keras), {@code batch} (from 1,
 * when saving every N batches) and the logs' values: {@code {epoch:02d}}, {@code {val_loss:.2f}},
 * {@code {loss:.3e}}, {@code {epoch}}. Full saves need a {@code .keras} path and weight saves a {@code .weights.h5}
 * path; both are checked when the options are set and again when training begins. Missing parent folders are created, as Keras does; the model
 * writes the file itself ({@link TrainingModel#save}, {@link TrainingModel#saveWeights}).
 *
 * <p>With {@code saveBestOnly}, a file is written only when the monitored value improves on the best seen (or on
 * {@code initialValueThreshold}); when the monitored value is missing from the logs, Keras 3 warns and saves anyway.
 */
public class ModelCheckpoint extends Callback {
    private final Messages messages = new Messages();
    private final String filepath;
    private String monitor = "val_loss";
    private int verbose;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private String mode = "auto";
    private int saveFreq; // 0 for "epoch"
    private Double initialValueThreshold;

    private MonitorMode monitorOp;
    private Double best;
    private int currentEpoch;
    private int batchesSeenSinceLastSaving;
    private Integer lastBatchSeen;

    /**
     * @param filepath where to save, a Python format string ending in {@code .keras} (or {@code .weights.h5} with
     *                 {@link #saveWeightsOnly})
     * @throws IllegalArgumentException for another extension, with Keras's message
     */
    public ModelCheckpoint(String filepath) {
        this.filepath = filepath;
        checkExtension(false);
    }

    /** See {@link #ModelCheckpoint(String)}. */
    public ModelCheckpoint(Path filepath) {
        this(filepath.toString());
    }

    /** Quantity compared by {@code saveBestOnly} (Keras's {@code monitor}, default {@code "val_loss"}). */
    public ModelCheckpoint monitor(String monitor) {
        this.monitor = monitor;
        this.monitorOp = null;
        return this;
    }

    /** 1 prints a message for each save decision (Keras's {@code verbose}, default 0). */
    public ModelCheckpoint verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Save only when the monitored quantity improves (Keras's {@code save_best_only}). */
    public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
        this.saveBestOnly = saveBestOnly;
        return this;
    }

    /**
     * Save only the weights, to a {@code .weights.h5} path (Keras's {@code save_weights_only}).
     *
     * @throws IllegalArgumentException when the path's extension does not fit, with Keras's message
     */
    public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
        this.saveWeightsOnly = saveWeightsOnly;
        checkExtension(false);
        return this;
    }

    /** {@code "min"}, {@code "max"} or {@code "auto"} (Keras's {@code mode}); an unknown mode warns and becomes auto. */
    public ModelCheckpoint mode(String mode) {
        this.mode = MonitorMode.checkMode(mode, "ModelCheckpoint", messages);
        this.monitorOp = null;
        return this;
    }

    /** Keras's {@code save_freq="epoch"}: save at the end of every epoch (the default). */
    public ModelCheckpoint saveFreq(String saveFreq) {
        if (!"epoch".equals(saveFreq)) {
            throw new IllegalArgumentException("Unrecognized save_freq: " + saveFreq + ". Expected save_freq are 'epoch' or integer values");
        }
        this.saveFreq = 0;
        return this;
    }

    /** Keras's integer {@code save_freq}: save after every {@code batches} training batches, across epochs. */
    public ModelCheckpoint saveFreq(int batches) {
        if (batches <= 0) {
            throw new IllegalArgumentException("Unrecognized save_freq: " + batches + ". Expected save_freq are 'epoch' or positive integer values");
        }
        this.saveFreq = batches;
        return this;
    }

    /** The best value to beat before the first save (Keras's {@code initial_value_threshold}); only with {@code saveBestOnly}. */
    public ModelCheckpoint initialValueThreshold(Double initialValueThreshold) {
        this.initialValueThreshold = initialValueThreshold;
        this.best = initialValueThreshold;
        return this;
    }

    public String filepath() {
        return filepath;
    }

    public String monitor() {
        return monitor;
    }

    public int verbose() {
        return verbose;
    }

    public boolean saveBestOnly() {
        return saveBestOnly;
    }

    public boolean saveWeightsOnly() {
        return saveWeightsOnly;
    }

    public String mode() {
        return mode;
    }

    /** {@code "epoch"} or the number of batches, as Keras's {@code save_freq}. */
    public Object saveFreq() {
        return saveFreq == 0 ? "epoch" : (Object) saveFreq;
    }

    public Double initialValueThreshold() {
        return initialValueThreshold;
    }

    /** The best monitored value saved so far (Keras's {@code best}); kept across {@code fit} calls, as in Keras. */
    public Double best() {
        return best;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        // Keras checks these when constructed and when the metrics are known (first epoch end); here both fail
        // before any training.
        checkExtension(true);
        resolveMode();
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        currentEpoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (shouldSaveOnBatch(batch)) saveModel(currentEpoch, batch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        resolveMode();
        if (saveFreq == 0) saveModel(epoch, null, logs);
    }

    private boolean shouldSaveOnBatch(int batch) {
        if (saveFreq == 0) return false;
        // Batch indices restart each epoch; a smaller index means a new epoch began.
        int added = lastBatchSeen == null || batch <= lastBatchSeen ? batch + 1 : batch - lastBatchSeen;
        batchesSeenSinceLastSaving += added;
        lastBatchSeen = batch;
        if (batchesSeenSinceLastSaving >= saveFreq) {
            batchesSeenSinceLastSaving = 0;
            return true;
        }
        return false;
    }

    private void saveModel(int epoch, Integer batch, Map<String, Double> logs) {
        Map<String, Double> values = logs == null ? Map.of() : logs;
        String path = filePath(epoch, batch, values);
        if (!shouldSaveModel(epoch, values, path)) return;
        Path target = Path.of(path);
        if (Files.isDirectory(target)) {
            throw new UncheckedIOException(new IOException("Please specify a non-directory filepath for ModelCheckpoint. "
                    + "Filepath used is an existing directory: " + path));
        }
        Path parent = target.getParent();
        if (parent != null && !Files.exists(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("ModelCheckpoint cannot create the folder " + parent, e);
            }
        }
        if (saveWeightsOnly) model().saveWeights(target);
        else model().save(target);
        if (verbose > 0) Messages.print("\nEpoch " + (epoch + 1) + ": finished saving model to " + path);
    }

    private boolean shouldSaveModel(int epoch, Map<String, Double> logs, String path) {
        if (!saveBestOnly) {
            if (verbose > 0) Messages.print("\nEpoch " + (epoch + 1) + ": saving model to " + path);
            return true;
        }
        Double current = logs.get(monitor);
        if (current == null) {
            messages.warn("Can save best model only with " + monitor + " available.");
            return true;
        }
        resolveMode();
        String bestText = best == null ? "None" : PyFormat.fixed(best, 5);
        if (monitorOp.isImprovement(current, best, 0)) {
            if (verbose > 0) {
                Messages.print("\nEpoch " + (epoch + 1) + ": " + monitor + " improved from " + bestText + " to "
                        + PyFormat.fixed(current, 5) + ", saving model to " + path);
            }
            best = current;
            return true;
        }
        if (verbose > 0) Messages.print("\nEpoch " + (epoch + 1) + ": " + monitor + " did not improve from " + bestText);
        return false;
    }

    /** The file name for this save: {@code filepath.format(epoch=epoch + 1, batch=batch + 1, **logs)}. */
    private String filePath(int epoch, Integer batch, Map<String, Double> logs) {
        Map<String, Object> kwargs = new HashMap<>(logs);
        kwargs.put("epoch", epoch + 1);
        if (batch != null && !logs.containsKey("batch")) kwargs.put("batch", batch + 1);
        try {
            return PyFormat.format(filepath, kwargs);
        } catch (PyFormat.MissingKeyException e) {
            throw new IllegalArgumentException("Failed to format this callback filepath: \"" + filepath + "\". Reason: " + e.getMessage(), e);
        }
    }

    private void resolveMode() {
        if (monitorOp == null) monitorOp = MonitorMode.resolve(mode, monitor, "ModelCheckpoint");
    }

    /**
     * Keras's extension check. Until training starts a {@code .weights.h5} path is also accepted without
     * {@code saveWeightsOnly}, so that {@code new ModelCheckpoint("w.weights.h5").saveWeightsOnly(true)} can be written.
     */
    private void checkExtension(boolean strict) {
        if (saveWeightsOnly) {
            if (!filepath.endsWith(".weights.h5")) {
                throw new IllegalArgumentException("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided "
                        + "must end in `.weights.h5` (Keras weights format). Received: filepath=" + filepath);
            }
        } else if (!filepath.endsWith(".keras") && (strict || !filepath.endsWith(".weights.h5"))) {
            throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model format). Received: filepath=" + filepath);
        }
    }
}
