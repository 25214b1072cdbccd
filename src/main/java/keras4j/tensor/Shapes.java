package keras4j.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by tensors, ops and layers: sizes, strides, broadcasting, axis normalisation. */
public final class Shapes {
    private Shapes() {}

    /** Number of elements of a shape; the empty shape is a scalar with one element. */
    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            n *= d;
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** Row-major strides (in elements). */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /**
     * A concrete shape (or tuple of integers) as Keras prints it in errors: {@code (2, 3)}, {@code (5,)};
     * see {@link Shape#formatInts(int...)} ({@code -1} stays {@code -1}; symbolic shapes use {@link Shape#format(int...)}).
     */
    public static String str(int[] shape) {
        return Shape.formatInts(shape);
    }

    /** Normalises a possibly negative axis into {@code [0, rank)}. */
    public static int axis(int axis, int rank, String op) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return a;
    }

    /** Normalised, sorted, duplicate-free axes; {@code null} or empty means every axis. */
    public static int[] axes(int[] axes, int rank, String op) {
        if (axes == null || axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        boolean[] seen = new boolean[rank];
        for (int a : axes) {
            int n = axis(a, rank, op);
            if (seen[n]) throw new IllegalArgumentException(op + ": axis " + a + " repeated in " + Arrays.toString(axes));
            seen[n] = true;
        }
        int[] out = new int[axes.length];
        int j = 0;
        for (int i = 0; i < rank; i++) if (seen[i]) out[j++] = i;
        return out;
    }

    /** Numpy broadcasting of two shapes. */
    public static int[] broadcast(int[] a, int[] b, String op) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " are not broadcastable");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Resolves one {@code -1} in a target shape for {@code size} elements. */
    public static int[] resolveReshape(int[] from, int[] target, String op) {
        int size = size(from);
        int[] out = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) throw new IllegalArgumentException(op + ": only one -1 is allowed in target shape " + str(target));
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid dimension " + out[i] + " in target shape " + str(target));
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException(op + ": cannot reshape " + str(from) + " (" + size + " elements) into " + str(target));
            }
            out[unknown] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException(op + ": cannot reshape " + str(from) + " (" + size + " elements) into " + str(target));
        }
        return out;
    }

    static int[] concat(int[] a, int... b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
