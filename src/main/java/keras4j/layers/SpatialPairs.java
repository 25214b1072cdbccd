package keras4j.layers;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras's per-axis {@code (before, after)} amounts of ZeroPadding and Cropping layers: an int (same on every side),
 * one int per axis (symmetric), or one pair per axis; 1-D layers take an int or a single pair.
 */
final class SpatialPairs {
    private SpatialPairs() {}

    /** Parses a config value (Number, list of numbers, or list of pairs) into {@code rank} pairs, each >= 0. */
    static int[][] parse(Object value, int rank, String name) {
        int[][] out = new int[rank][2];
        if (value instanceof int[][] arr) {
            List<Object> l = new ArrayList<>();
            for (int[] p : arr) l.add(ints(p));
            value = rank == 1 && arr.length == 1 ? ints(arr[0]) : l;
        }
        if (value instanceof Number n) {
            for (int[] p : out) { p[0] = n.intValue(); p[1] = n.intValue(); }
        } else if (value instanceof List<?> l) {
            if (rank == 1) {
                if (l.size() != 2 || !(l.get(0) instanceof Number)) throw new IllegalArgumentException("The `" + name + "` argument must be a tuple of 2 integers. Received " + name + "=" + value);
                out[0][0] = ((Number) l.get(0)).intValue();
                out[0][1] = ((Number) l.get(1)).intValue();
            } else {
                if (l.size() != rank) throw new IllegalArgumentException("`" + name + "` should have " + rank + " elements. Received: " + name + "=" + value + ".");
                for (int i = 0; i < rank; i++) {
                    Object e = l.get(i);
                    if (e instanceof Number n) {
                        out[i][0] = n.intValue();
                        out[i][1] = n.intValue();
                    } else if (e instanceof List<?> pair && pair.size() == 2) {
                        out[i][0] = ((Number) pair.get(0)).intValue();
                        out[i][1] = ((Number) pair.get(1)).intValue();
                    } else {
                        throw new IllegalArgumentException("The `" + ordinal(i) + " entry of " + name + "` argument must be a tuple of 2 integers. Received " + name + "=" + value);
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("`" + name + "` should be either an int, a tuple of " + rank + " ints, or a tuple of " + rank + " tuples of 2 ints. Received: " + name + "=" + value + ".");
        }
        for (int[] p : out) {
            if (p[0] < 0 || p[1] < 0) {
                throw new IllegalArgumentException("The `" + name + "` argument must be non-negative integers. Received " + name + "=" + str(out, rank) + ", including values that do not satisfy `value >= 0`");
            }
        }
        return out;
    }

    /** Keras's config form: {@code [a, b]} for one axis, {@code [[a, b], ...]} for several. */
    static Object toConfig(int[][] pairs) {
        if (pairs.length == 1) return List.of(pairs[0][0], pairs[0][1]);
        List<Object> l = new ArrayList<>();
        for (int[] p : pairs) l.add(List.of(p[0], p[1]));
        return l;
    }

    static String str(int[][] pairs, int rank) {
        if (rank == 1) return "(" + pairs[0][0] + ", " + pairs[0][1] + ")";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append('(').append(pairs[i][0]).append(", ").append(pairs[i][1]).append(')');
        }
        return sb.append(')').toString();
    }

    private static String ordinal(int i) {
        return switch (i) { case 0 -> "1st"; case 1 -> "2nd"; default -> "3rd"; };
    }

    /** Index of the first spatial axis: 1 for channels_last, 2 for channels_first. */
    static int firstSpatial(String dataFormat) {
        return dataFormat.equals("channels_first") ? 2 : 1;
    }

    static List<Integer> ints(int[] v) {
        List<Integer> l = new ArrayList<>();
        for (int x : v) l.add(x);
        return l;
    }
}
