package keras4j.callbacks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves the model or its weights during training, like Keras's {@code ModelCheckpoint(filepath, monitor="val_loss",
 * verbose=0, save_best_only=False, save_weights_only=False, mode="auto", save_freq="epoch",
 * initial_value_threshold=None)}. The path may hold Python-style fields: {@code "ckpt-{epoch:02d}-{val_loss:.2f}.keras"}
 * (epochs 1-based). Files are written to a temporary file and renamed, so a crash never leaves half a file.
 */
public class ModelCheckpoint extends Callback {
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final String filepath;
    private String monitor = "val_loss";
    private int verbose;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private String mode = "auto";
    private int saveFreqBatches;
    private Double initialValueThreshold;

    private double best;
    private boolean maximize;
    private int epoch;
    private int batchesSinceSave;

    public ModelCheckpoint(String filepath) {
        if (!filepath.endsWith(".keras") && !filepath.endsWith(".weights.h5")) {
            throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model format), or in `.weights.h5` with saveWeightsOnly(true). Received: filepath=" + filepath);
        }
        this.filepath = filepath;
    }

    private void checkExtension() {
        if (saveWeightsOnly) {
            if (!filepath.endsWith(".weights.h5")) {
                throw new IllegalArgumentException("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in `.weights.h5`. Received: filepath=" + filepath);
            }
        } else if (!filepath.endsWith(".keras")) {
            throw new IllegalArgumentException("The filepath provided must end in `.keras` (Keras model format). Received: filepath=" + filepath);
        }
    }

    public ModelCheckpoint monitor(String monitor) {
        this.monitor = monitor;
        return this;
    }

    public ModelCheckpoint verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
        this.saveBestOnly = saveBestOnly;
        return this;
    }

    public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
        this.saveWeightsOnly = saveWeightsOnly;
        checkExtension();
        return this;
    }

    public ModelCheckpoint mode(String mode) {
        MonitorMode.maximize(mode, "loss");
        this.mode = mode;
        return this;
    }

    /** Save every {@code batches} batches instead of every epoch (Keras's integer {@code save_freq}). */
    public ModelCheckpoint saveFreq(int batches) {
        if (batches <= 0) throw new IllegalArgumentException("Unrecognized save_freq: " + batches + ". Expected 'epoch' or a positive integer");
        this.saveFreqBatches = batches;
        return this;
    }

    public ModelCheckpoint initialValueThreshold(double threshold) {
        this.initialValueThreshold = threshold;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        checkExtension();
        maximize = MonitorMode.maximize(mode, monitor);
        best = initialValueThreshold != null ? initialValueThreshold : (maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        batchesSinceSave = 0;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        this.epoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (saveFreqBatches > 0 && ++batchesSinceSave >= saveFreqBatches) {
            batchesSinceSave = 0;
            save(logs);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveFreqBatches == 0) save(logs);
    }

    private void save(Map<String, Double> logs) {
        Path path = Path.of(format(filepath, epoch + 1, logs));
        if (saveBestOnly) {
            Double current = logs.get(monitor);
            if (current == null) {
                System.err.println("Can save best model only with " + monitor + " available, skipping.");
                return;
            }
            if (!MonitorMode.improved(current, best, 0, maximize)) {
                if (verbose > 0) System.out.printf("%nEpoch %d: %s did not improve from %.5f%n", epoch + 1, monitor, best);
                return;
            }
            if (verbose > 0) System.out.printf("%nEpoch %d: %s improved from %.5f to %.5f, saving model to %s%n", epoch + 1, monitor, best, current, path);
            best = current;
        } else if (verbose > 0) {
            System.out.printf("%nEpoch %d: saving model to %s%n", epoch + 1, path);
        }
        if (saveWeightsOnly) model().saveWeights(path);
        else model().save(path);
    }

    /** Python's {@code str.format} subset used in checkpoint names: {@code {epoch}}, {@code {epoch:02d}}, {@code {val_loss:.2f}}, {@code .Ne}. */
    static String format(String template, int epoch, Map<String, Double> logs) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1), spec = m.group(2);
            Object value;
            if (key.equals("epoch")) value = epoch;
            else if (logs.containsKey(key)) value = logs.get(key);
            else throw new IllegalArgumentException("Failed to format this callback filepath: \"" + template + "\". Reason: unknown key '" + key + "'");
            m.appendReplacement(out, Matcher.quoteReplacement(formatValue(value, spec)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String formatValue(Object v, String spec) {
        if (spec == null || spec.isEmpty()) return v instanceof Double d ? Double.toString(d) : v.toString();
        char type = spec.charAt(spec.length() - 1);
        String body = spec.substring(0, spec.length() - 1);
        double d = ((Number) v).doubleValue();
        return switch (type) {
            case 'd' -> String.format(Locale.ROOT, "%" + (body.startsWith("0") ? "0" + body.substring(1) : body) + "d", (long) d);
            case 'f', 'e' -> String.format(Locale.ROOT, "%" + body + type, d);
            default -> throw new IllegalArgumentException("Unsupported format spec '" + spec + "' in checkpoint path");
        };
    }
}
