package keras4j.utils;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras-style unique names, Keras's {@code keras.src.utils.naming.auto_name}/{@code uniquify}: per prefix the
 * first object is named {@code dense}, then {@code dense_1}, {@code dense_2}, ... in order of construction.
 * {@link #clearSession()} restarts the counters, like {@code keras.backend.clear_session()}.
 */
public final class Names {
    private Names() {}

    private static final Map<String, Integer> COUNTS = new HashMap<>();

    /**
     * The next unique name for a prefix (Keras's {@code uniquify}).
     *
     * @param base the prefix, e.g. {@code dense}
     * @return {@code base} the first time, then {@code base_1}, {@code base_2}, ...
     */
    public static synchronized String unique(String base) {
        int n = COUNTS.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    /**
     * Gives back an automatic name that was replaced by an explicit one straight after construction
     * ({@code new Dense(3).name("head")}), so that it is not used up, as in Keras where
     * {@code Dense(3, name="head")} never draws one. Only the most recent name of the prefix can be given
     * back; otherwise this does nothing (the counter then stays ahead, as it must to keep names unique).
     *
     * @param base the prefix the name was drawn for
     * @param name the name drawn
     */
    public static synchronized void release(String base, String name) {
        Integer n = COUNTS.get(base);
        if (n == null || n == 0) return;
        String last = n == 1 ? base : base + "_" + (n - 1);
        if (!last.equals(name)) return;
        if (n == 1) COUNTS.remove(base);
        else COUNTS.put(base, n - 1);
    }

    /** Restarts every counter, Keras's {@code keras.backend.clear_session()} (names start again at {@code dense}). */
    public static synchronized void clearSession() {
        COUNTS.clear();
    }
}
