package keras4j.utils;

import java.util.HashMap;
import java.util.Map;

/**
 * Keras-style unique names: the first layer named {@code dense}, then {@code dense_1}, {@code dense_2}, ...
 * {@link #clearSession()} restarts the counters, like {@code keras.backend.clear_session()}.
 */
public final class Names {
    private Names() {}

    private static final Map<String, Integer> COUNTS = new HashMap<>();

    public static synchronized String unique(String base) {
        int n = COUNTS.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    public static synchronized void clearSession() {
        COUNTS.clear();
    }
}
