package keras4j.callbacks;

import java.util.Map;

/** Helpers for the {@code logs} maps handed to callbacks. */
final class Logs {
    private Logs() {}

    /**
     * Adds an entry for the callbacks that follow, as Keras's {@code logs["learning_rate"] = ...}. {@link CallbackList}
     * passes a fresh mutable map; when a caller passes none or a read-only one, the entry is dropped, as Keras's
     * {@code logs = logs or {}} drops it when there is no dict.
     */
    static void put(Map<String, Double> logs, String key, double value) {
        if (logs == null) return;
        try {
            logs.put(key, value);
        } catch (UnsupportedOperationException readOnly) {
            // Nobody downstream can see this map's additions.
        }
    }
}
