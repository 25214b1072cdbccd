package keras4j.tensor;

import java.util.Locale;

/** numpy-like text of a tensor: nested brackets, a common column width, "..." past 1000 elements. */
final class TensorFormat {
    private TensorFormat() {}

    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("Tensor(shape=").append(Shapes.str(t.shape)).append(", dtype=float32");
        if (t.rank() == 0) return sb.append(", ").append(num(t.data[0], fmt(t))).append(')').toString();
        sb.append(",\n");
        boolean summarise = t.size() > THRESHOLD;
        String f = fmt(t);
        int width = 0;
        int[] idx = new int[t.rank()];
        width = widest(t, 0, 0, idx, summarise, f);
        append(sb, t, 0, 0, summarise, f, width, "");
        return sb.append(')').toString();
    }

    private static String fmt(Tensor t) {
        boolean integral = true;
        for (float v : t.data) if (v != Math.rint(v) || Math.abs(v) >= 1e7f) { integral = false; break; }
        return integral ? "int" : "%.4f";
    }

    private static String num(float v, String f) {
        if (Float.isNaN(v)) return "nan";
        if (Float.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (f.equals("int")) return ((long) v) + ".";
        float a = Math.abs(v);
        if (a != 0 && (a < 1e-4f || a >= 1e8f)) return String.format(Locale.ROOT, "%.4e", v);
        return String.format(Locale.ROOT, f, v);
    }

    private static int widest(Tensor t, int axis, int offset, int[] idx, boolean summarise, String f) {
        int n = t.shape[axis];
        int stride = t.size() == 0 ? 0 : stride(t, axis);
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (summarise && n > 2 * EDGE && i == EDGE) i = n - EDGE;
            if (axis == t.rank() - 1) w = Math.max(w, num(t.data[offset + i], f).length());
            else w = Math.max(w, widest(t, axis + 1, offset + i * stride, idx, summarise, f));
        }
        return w;
    }

    private static int stride(Tensor t, int axis) {
        int s = 1;
        for (int i = axis + 1; i < t.rank(); i++) s *= t.shape[i];
        return s;
    }

    private static void append(StringBuilder sb, Tensor t, int axis, int offset, boolean summarise, String f, int width, String indent) {
        int n = t.shape[axis];
        int stride = stride(t, axis);
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summarise && n > 2 * EDGE && i == EDGE) {
                sb.append(axis == t.rank() - 1 ? "..., " : "...,\n" + indent + " ".repeat(axis + 1));
                i = n - EDGE;
            }
            if (axis == t.rank() - 1) {
                String s = num(t.data[offset + i], f);
                sb.append(" ".repeat(width - s.length())).append(s);
                if (i < n - 1) sb.append(", ");
            } else {
                append(sb, t, axis + 1, offset + i * stride, summarise, f, width, indent);
                if (i < n - 1) sb.append(",").append("\n".repeat(t.rank() - axis - 1)).append(indent).append(" ".repeat(axis + 1));
            }
        }
        sb.append(']');
    }
}
