package keras4j.tensor;

/** Reductions over any set of axes. Accumulation is in double for sums and means. */
final class Reductions {
    private Reductions() {}

    enum Kind { SUM, MEAN, MAX, MIN }

    static Tensor reduce(Tensor t, int[] axes, boolean keepdims, Kind kind, String name) {
        int rank = t.rank();
        int[] ax = Shapes.axes(axes, rank, name);
        boolean[] reduced = new boolean[rank];
        for (int a : ax) reduced[a] = true;
        int[] keptShape = new int[rank - ax.length];
        int[] keepShape = t.shape.clone();
        for (int i = 0, j = 0; i < rank; i++) {
            if (reduced[i]) keepShape[i] = 1;
            else keptShape[j++] = t.shape[i];
        }
        int[] outShape = keepdims ? keepShape : keptShape;
        if ((kind == Kind.MAX || kind == Kind.MIN) && t.size() == 0) {
            throw new IllegalArgumentException(name + ": cannot reduce an empty tensor of shape " + Shapes.str(t.shape));
        }
        // Is the reduced set a prefix or a suffix of the axes? Otherwise permute reduced axes to the end.
        boolean prefix = true, suffix = true;
        for (int i = 0; i < ax.length; i++) {
            if (ax[i] != i) prefix = false;
            if (ax[i] != rank - ax.length + i) suffix = false;
        }
        float[] out;
        int count = 1;
        for (int a : ax) count *= t.shape[a];
        if (suffix) {
            out = reduceSuffix(t.data, t.size() / Math.max(count, 1), count, kind, t.size());
        } else if (prefix) {
            out = reducePrefix(t.data, count, t.size() / Math.max(count, 1), kind);
        } else {
            int[] perm = new int[rank];
            int j = 0;
            for (int i = 0; i < rank; i++) if (!reduced[i]) perm[j++] = i;
            for (int a : ax) perm[j++] = a;
            Tensor p = t.reorder(perm);
            out = reduceSuffix(p.data, p.size() / Math.max(count, 1), count, kind, p.size());
        }
        return new Tensor(out, outShape);
    }

    private static float[] reduceSuffix(float[] d, int outer, int inner, Kind kind, int total) {
        if (total == 0) outer = Math.max(outer, 0);
        float[] out = new float[outer];
        if ((kind == Kind.SUM || kind == Kind.MEAN) && outer == 1 && inner >= 2 * Elementwise.GRAIN && Parallel.threads() > 1) {
            // One long sum: partial sums per chunk, added in chunk order.
            int chunks = 2 * Parallel.threads();
            double[] part = new double[chunks];
            Parallel.forRange(chunks, t -> part[t] = sum(d, (int) ((long) inner * t / chunks), (int) ((long) inner * (t + 1) / chunks)));
            double s = 0;
            for (double v : part) s += v;
            out[0] = (float) (kind == Kind.MEAN ? s / inner : s);
            return out;
        }
        final int rows = outer;
        Elementwise.forChunks(rows, Math.max(1, Elementwise.GRAIN / Math.max(1, inner)), (o0, o1) -> {
            for (int o = o0; o < o1; o++) {
                int base = o * inner;
                switch (kind) {
                    case SUM:
                    case MEAN: {
                        double s = sum(d, base, base + inner);
                        out[o] = (float) (kind == Kind.MEAN ? s / inner : s);
                        break;
                    }
                    case MAX: {
                        float m = d[base];
                        for (int i = 1; i < inner; i++) { float v = d[base + i]; if (v > m || v != v) m = v; }
                        out[o] = m;
                        break;
                    }
                    default: {
                        float m = d[base];
                        for (int i = 1; i < inner; i++) { float v = d[base + i]; if (v < m || v != v) m = v; }
                        out[o] = m;
                    }
                }
            }
        });
        return out;
    }

    /** Floats summed in float (vectorisable) before each partial joins the double total. */
    private static final int FLOAT_BLOCK = 256;

    /**
     * {@code Σ d[from..to)}: blocks of {@link #FLOAT_BLOCK} elements over eight interleaved float accumulators (the
     * JIT keeps them in one vector register; 32 terms each, so the rounding error stays near float's epsilon),
     * each block's sum added to a double total.
     */
    private static double sum(float[] d, int from, int to) {
        double total = 0;
        int i = from;
        for (; i + FLOAT_BLOCK <= to; i += FLOAT_BLOCK) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int j = i; j < i + FLOAT_BLOCK; j += 8) {
                s0 += d[j];
                s1 += d[j + 1];
                s2 += d[j + 2];
                s3 += d[j + 3];
                s4 += d[j + 4];
                s5 += d[j + 5];
                s6 += d[j + 6];
                s7 += d[j + 7];
            }
            total += ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
        }
        for (; i < to; i++) total += d[i];
        return total;
    }

    /** The sums of the {@code cols} columns of row-major {@code d} (its rows summed), the way {@code sumTo} sums them. */
    static float[] columnSums(float[] d, int cols) {
        return reducePrefix(d, d.length / cols, cols, Kind.SUM);
    }

    private static float[] reducePrefix(float[] d, int outer, int inner, Kind kind) {
        float[] out = new float[inner];
        if (kind == Kind.SUM || kind == Kind.MEAN) {
            // Column sums: each chunk of rows accumulates its own partial sums, added in chunk order. Short rows are
            // summed as blocks of `per` rows (long inner loops vectorise), the partial rows folded at the end.
            int threads = Parallel.threads();
            int chunks = threads == 1 ? 1 : Math.max(1, Math.min(2 * threads, (int) ((long) outer * inner / Elementwise.GRAIN)));
            int per = Math.max(1, Math.min(outer, Elementwise.TILE / Math.max(1, inner)));
            int width = per * inner;
            double[][] parts = new double[chunks][width];
            int blocks = outer / per;
            Parallel.forRange(chunks, t -> {
                double[] acc = parts[t];
                float[] run = new float[width];
                int first = (int) ((long) blocks * t / chunks), end = (int) ((long) blocks * (t + 1) / chunks);
                // A float run of at most 32 blocks (a vectorisable loop), then flushed into the double sums.
                for (int bl = first; bl < end; bl += 32) {
                    java.util.Arrays.fill(run, 0f);
                    for (int b = bl, stop = Math.min(end, bl + 32); b < stop; b++) {
                        int base = b * width;
                        for (int i = 0; i < width; i++) run[i] += d[base + i];
                    }
                    for (int i = 0; i < width; i++) acc[i] += run[i];
                }
            });
            double[] acc = parts[0];
            for (int t = 1; t < chunks; t++) {
                for (int i = 0; i < width; i++) acc[i] += parts[t][i];
            }
            for (int r = 1; r < per; r++) {
                for (int i = 0; i < inner; i++) acc[i] += acc[r * inner + i];
            }
            for (int o = blocks * per; o < outer; o++) {
                for (int i = 0; i < inner; i++) acc[i] += d[o * inner + i];
            }
            double scale = kind == Kind.MEAN ? 1.0 / outer : 1.0;
            for (int i = 0; i < inner; i++) out[i] = (float) (acc[i] * scale);
            return out;
        }
        System.arraycopy(d, 0, out, 0, inner);
        boolean max = kind == Kind.MAX;
        for (int o = 1; o < outer; o++) {
            int base = o * inner;
            for (int i = 0; i < inner; i++) {
                float v = d[base + i];
                if (max ? v > out[i] : v < out[i]) out[i] = v;
                else if (v != v) out[i] = v;
            }
        }
        return out;
    }

    static Tensor argmax(Tensor t, int axis, boolean max) {
        String name = max ? "argmax" : "argmin";
        int a = Shapes.axis(axis, t.rank(), name);
        int[] perm = new int[t.rank()];
        int j = 0;
        for (int i = 0; i < t.rank(); i++) if (i != a) perm[j++] = i;
        perm[j] = a;
        Tensor p = a == t.rank() - 1 ? t : t.reorder(perm);
        int inner = t.shape[a];
        if (inner == 0) throw new IllegalArgumentException(name + ": axis " + axis + " of shape " + Shapes.str(t.shape) + " is empty");
        int outer = p.size() / inner;
        float[] out = new float[outer];
        for (int o = 0; o < outer; o++) {
            int base = o * inner, best = 0;
            float m = p.data[base];
            for (int i = 1; i < inner; i++) {
                float v = p.data[base + i];
                if (max ? v > m : v < m) { m = v; best = i; }
            }
            out[o] = best;
        }
        int[] outShape = new int[t.rank() - 1];
        for (int i = 0, k = 0; i < t.rank(); i++) if (i != a) outShape[k++] = t.shape[i];
        return new Tensor(out, outShape);
    }
}
