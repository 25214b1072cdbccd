package keras4j.callbacks;

/**
 * Keras 3's {@code mode} resolution for monitored metrics ({@code monitor_callback.py}): {@code "min"},
 * {@code "max"}, or {@code "auto"} — losses are minimised, accuracy-like metrics maximised.
 */
final class MonitorMode {
    private MonitorMode() {}

    /** True when larger values are better. */
    static boolean maximize(String mode, String monitor) {
        switch (mode) {
            case "min":
                return false;
            case "max":
                return true;
            case "auto": {
                String m = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
                if (m.equals("loss") || m.endsWith("_loss") || m.contains("error") || m.equals("mse") || m.equals("mae")
                        || m.equals("mape") || m.equals("msle") || m.contains("crossentropy") || m.contains("hinge")) {
                    return false;
                }
                if (m.contains("acc") || m.endsWith("auc") || m.contains("precision") || m.contains("recall") || m.contains("f1")
                        || m.contains("score") || m.contains("true_positives") || m.contains("true_negatives")) {
                    return true;
                }
                throw new IllegalArgumentException("The metric '" + monitor + "' has no known direction for mode='auto'. Please pass mode='min' or mode='max'.");
            }
            default:
                throw new IllegalArgumentException("Unknown mode: " + mode + ". Expected one of 'auto', 'min', 'max'.");
        }
    }

    /** {@code current} beats {@code reference} by more than {@code minDelta} in the better direction. */
    static boolean improved(double current, double reference, double minDelta, boolean maximize) {
        return maximize ? current - minDelta > reference : current + minDelta < reference;
    }
}
