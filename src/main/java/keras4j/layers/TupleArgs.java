package keras4j.layers;

import java.util.Arrays;
import java.util.List;
import keras4j.tensor.Shapes;

/** Keras's {@code standardize_tuple}: an int or a tuple of {@code n} ints, checked and expanded, for layer arguments. */
public final class TupleArgs {
    private TupleArgs() {}

    /** One value repeats {@code n} times; otherwise exactly {@code n} values, each positive (or >= 0 with allowZero). */
    public static int[] tuple(int[] value, int n, String name, boolean allowZero) {
        if (value == null) throw new IllegalArgumentException("The `" + name + "` argument must be a tuple of " + n + " integers. Received " + name + "=None");
        int[] t;
        if (value.length == 1) {
            t = new int[n];
            Arrays.fill(t, value[0]);
        } else if (value.length == n) {
            t = value.clone();
        } else {
            throw new IllegalArgumentException("The `" + name + "` argument must be a tuple of " + n + " integers. Received " + name + "=" + str(value));
        }
        for (int v : t) {
            if (allowZero ? v < 0 : v <= 0) {
                throw new IllegalArgumentException("The `" + name + "` argument must be a tuple of " + n + " integers. Received " + name + "=" + str(value)
                        + ", including values {" + v + "} that do not satisfy `value " + (allowZero ? ">= 0" : "> 0") + "`");
            }
        }
        return t;
    }

    public static int[] tuple(int[] value, int n, String name) {
        return tuple(value, n, name, false);
    }

    /** Reads a config value that is an int or a list of ints. */
    public static int[] ints(Object o) {
        if (o == null) return null;
        if (o instanceof Number num) return new int[] {num.intValue()};
        if (o instanceof int[] a) return a.clone();
        List<?> l = (List<?>) o;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).intValue();
        return out;
    }

    /** Python's repr of an int tuple: {@code (2,)}, {@code (2, 3)}. */
    public static String str(int[] v) {
        return Shapes.str(v);
    }
}
