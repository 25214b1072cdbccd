package keras4j.layers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import keras4j.tensor.Shapes;
import keras4j.utils.Config;

/** Keras's argument checks and config readers shared by the convolution layers ({@code keras/src/utils/argument_validation.py}). */
final class ConvArgs {
    private ConvArgs() {}

    /**
     * Keras's {@code standardize_tuple}: one value means the same for every axis, otherwise exactly {@code n}
     * values; every value must be positive ({@code >= 0} with {@code allowZero}).
     */
    static int[] tuple(int[] value, int n, String name, boolean allowZero) {
        String received = value.length == 1 ? Integer.toString(value[0]) : Shapes.str(value);
        String msg = "The `" + name + "` argument must be a tuple of " + n + " integers. Received " + name + "=" + received;
        int[] t;
        if (value.length == 1) {
            t = new int[n];
            java.util.Arrays.fill(t, value[0]);
        } else if (value.length == n) {
            t = value.clone();
        } else {
            throw new IllegalArgumentException(msg);
        }
        Set<Integer> bad = new TreeSet<>();
        for (int v : t) if (allowZero ? v < 0 : v <= 0) bad.add(v);
        if (!bad.isEmpty()) {
            StringBuilder set = new StringBuilder("{");
            for (int v : bad) set.append(set.length() > 1 ? ", " : "").append(v);
            throw new IllegalArgumentException(msg + ", including values " + set.append('}') + " that do not satisfy `value " + (allowZero ? ">= 0" : "> 0") + "`");
        }
        return t;
    }

    /** Keras's check that strides and dilation are not both above 1. */
    static void checkStridesAndDilation(int[] strides, int[] dilationRate) {
        int s = 1, d = 1;
        for (int v : strides) s = Math.max(s, v);
        for (int v : dilationRate) d = Math.max(d, v);
        if (s > 1 && d > 1) {
            throw new IllegalArgumentException("`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides="
                    + Shapes.str(strides) + " and dilation_rate=" + Shapes.str(dilationRate));
        }
    }

    /** Keras's check of a strictly positive count such as {@code filters} or {@code depth_multiplier}. */
    static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + name + "`. Expected a strictly positive value. Received " + name + "=" + value + ".");
        }
        return value;
    }

    /** An int or a list of ints from a config (Keras writes tuples as lists); null when absent. */
    static int[] ints(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v == null) return null;
        if (v instanceof Number n) return new int[] {n.intValue()};
        if (v instanceof List<?> l) {
            int[] r = new int[l.size()];
            for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
            return r;
        }
        throw new IllegalArgumentException("Config entry `" + key + "` must be an integer or a list of integers. Received: " + v);
    }

    /** A required int or int list. */
    static int[] requiredInts(Map<String, Object> config, String key, String layer) {
        int[] v = ints(config, key);
        if (v == null) throw new IllegalArgumentException(layer + " config needs `" + key + "`; received keys " + config.keySet());
        return v;
    }

    static int requiredInt(Map<String, Object> config, String key, String layer) {
        Object v = config.get(key);
        if (!(v instanceof Number n)) throw new IllegalArgumentException(layer + " config needs an integer `" + key + "`; received keys " + config.keySet());
        return n.intValue();
    }

    /** A tuple as Keras's config writes it (a JSON list). */
    static List<Integer> list(int[] values) {
        return Config.ints(values);
    }
}
