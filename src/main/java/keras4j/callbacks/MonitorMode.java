package keras4j.callbacks;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a monitored quantity should go down ({@link #MIN}) or up ({@link #MAX}), and what counts as an improvement:
 * Keras 3's {@code MonitorCallback} ({@code keras/src/callbacks/monitor_callback.py}) shared by
 * {@link EarlyStopping}, {@link ModelCheckpoint} and {@link ReduceLROnPlateau}.
 *
 * <p>{@code mode="auto"} resolves as Keras 3 does for {@code loss}/{@code val_loss} (minimised). For other names
 * Keras 3 asks the compiled metric for its {@code _direction}; callbacks here see only the logs, so the direction
 * comes from the metric's name: Keras's built-in metric names and their aliases ({@code mse}, {@code auc},
 * {@code precision}, ...), also with a numbered suffix ({@code auc_1}) or an output prefix
 * ({@code dense_1_accuracy}, {@code dense_1_loss}); then any name containing {@code acc} or ending in {@code auc}
 * is maximised. Anything else is an {@link IllegalArgumentException} asking for an explicit mode, as Keras 3 raises.
 */
public enum MonitorMode {
    /** Smaller is better (Keras's {@code mode="min"}, {@code ops.less}). */
    MIN,
    /** Larger is better (Keras's {@code mode="max"}, {@code ops.greater}). */
    MAX;

    /**
     * Keras 3's built-in metrics with a {@code _direction}, by default name, compile alias ({@code "acc"},
     * {@code "mse"}, {@code "bce"}) and snake-cased class name ({@code "MeanIoU"} is {@code mean_io_u}).
     */
    private static final Map<String, MonitorMode> BUILT_IN = new HashMap<>();

    static {
        String[] up = {
            "accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
            "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
            "precision", "recall", "auc", "sensitivity_at_specificity", "specificity_at_sensitivity",
            "precision_at_recall", "recall_at_precision", "fbeta_score", "f_beta_score", "f1_score",
            "iou", "io_u", "binary_iou", "binary_io_u", "mean_iou", "mean_io_u",
            "one_hot_iou", "one_hot_io_u", "one_hot_mean_iou", "one_hot_mean_io_u",
            "pearson_correlation", "concordance_correlation", "cosine_similarity", "r2_score"};
        String[] down = {
            "loss", "mean_squared_error", "mse", "mean_absolute_error", "mae", "mean_absolute_percentage_error", "mape",
            "mean_squared_logarithmic_error", "msle", "root_mean_squared_error", "logcosh", "log_cosh_error",
            "hinge", "squared_hinge", "categorical_hinge", "binary_crossentropy", "bce", "categorical_crossentropy",
            "sparse_categorical_crossentropy", "kl_divergence", "poisson"};
        for (String name : up) BUILT_IN.put(name, MAX);
        for (String name : down) BUILT_IN.put(name, MIN);
    }

    /**
     * Resolves Keras's {@code mode} argument ({@code "auto"}, {@code "min"} or {@code "max"}) for {@code monitor}.
     *
     * @param callbackName names the callback in the error, as Keras does ({@code "EarlyStopping"})
     * @throws IllegalArgumentException for an unknown mode, or for {@code "auto"} with a metric of unknown direction
     */
    public static MonitorMode resolve(String mode, String monitor, String callbackName) {
        switch (mode) {
            case "min":
                return MIN;
            case "max":
                return MAX;
            case "auto":
                return forMetric(monitor).orElseThrow(() -> new IllegalArgumentException(callbackName
                        + " callback received monitor=" + monitor + ", but Keras isn't able to automatically determine"
                        + " whether that metric should be maximized or minimized. Pass `mode(\"max\")` in order to"
                        + " monitor based on the highest metric value, or pass `mode(\"min\")` in order to use the"
                        + " lowest value."));
            default:
                throw new IllegalArgumentException(callbackName + ": `mode` must be one of \"auto\", \"min\", \"max\". Received: mode=" + mode);
        }
    }

    /** The direction {@code mode="auto"} infers for a monitored name such as {@code val_accuracy}, if any. */
    public static Optional<MonitorMode> forMetric(String monitor) {
        String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        if (name.equals("loss")) return Optional.of(MIN);
        MonitorMode known = builtIn(name);
        if (known == null) known = builtIn(snakeCase(name));
        if (known != null) return Optional.of(known);
        if (name.contains("acc") || name.endsWith("auc")) return Optional.of(MAX);
        return Optional.empty();
    }

    /**
     * Keras's {@code _is_improvement}: true when there is no reference yet, or when {@code current} beats it by more
     * than {@code minDelta} ({@code current + |minDelta| < reference} for MIN, {@code current - |minDelta| > reference}
     * for MAX). NaN never improves on a reference.
     */
    public boolean isImprovement(double current, Double reference, double minDelta) {
        if (reference == null) return true;
        double delta = Math.abs(minDelta);
        return this == MIN ? current + delta < reference : current - delta > reference;
    }

    /** Keras warns about a mode it does not know and falls back to {@code "auto"}; returns the mode to use. */
    static String checkMode(String mode, String callbackName, Messages messages) {
        if (mode.equals("auto") || mode.equals("min") || mode.equals("max")) return mode;
        messages.warn(callbackName + " mode '" + mode + "' is unknown, fallback to auto mode.");
        return "auto";
    }

    private static MonitorMode builtIn(String name) {
        MonitorMode direct = BUILT_IN.get(name);
        if (direct != null) return direct;
        String unnumbered = name.replaceFirst("_\\d+$", "");
        direct = BUILT_IN.get(unnumbered);
        if (direct != null) return direct;
        // An output prefix, as in multi-output models: "dense_1_accuracy", "dense_1_loss". Longest suffix wins.
        String best = null;
        for (String known : BUILT_IN.keySet()) {
            if (unnumbered.endsWith("_" + known) && (best == null || known.length() > best.length())) best = known;
        }
        return best == null ? null : BUILT_IN.get(best);
    }

    /** Keras's {@code to_snake_case}, for metrics named by class ({@code "MeanSquaredError"}). */
    private static String snakeCase(String name) {
        String s = name.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
