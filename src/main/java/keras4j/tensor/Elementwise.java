package keras4j.tensor;

/**
 * Element-wise kernels with numpy broadcasting. Binary operations are split into contiguous
 * segments whose operands advance with stride 1 or 0, so the innermost loops are simple and
 * auto-vectorised by C2 for the hot operations (add, sub, mul, div). Large element-wise passes are
 * split into chunks of at least {@link #GRAIN} elements that run on {@link Parallel#threads()} threads.
 */
final class Elementwise {
    private Elementwise() {}

    enum Op { ADD, SUB, MUL, DIV, FUNC }

    /** Elements per parallel chunk at least: below this a pass is not worth handing to another thread. */
    static final int GRAIN = 1 << 16;

    /** A pass over the elements {@code [from, to)} of a flat range. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} in contiguous chunks of at least {@code grain} elements, in parallel
     * when there are several chunks and threads (two chunks per thread, so uneven progress evens out).
     */
    static void forChunks(int n, int grain, RangeBody body) {
        int threads = Parallel.threads();
        int chunks = threads == 1 ? 1 : Math.max(1, Math.min(2 * threads, n / Math.max(1, grain)));
        if (chunks == 1) {
            body.run(0, n);
            return;
        }
        Parallel.forRange(chunks, t -> body.run((int) ((long) n * t / chunks), (int) ((long) n * (t + 1) / chunks)));
    }

    static Tensor binary(Tensor a, Tensor b, Op op, FloatBinaryOperator f, String name) {
        int[] outShape = java.util.Arrays.equals(a.shape, b.shape) ? a.shape : Shapes.broadcast(a.shape, b.shape, name);
        float[] out = new float[Shapes.size(outShape)];
        int n = out.length;
        if (n == 0) return new Tensor(out, outShape);
        float[] ad = a.data, bd = b.data;
        if (a.size() == n && b.size() == n) {
            forChunks(n, GRAIN, (lo, hi) -> segment(op, f, ad, lo, 1, bd, lo, 1, out, lo, hi - lo));
        } else if (b.size() == 1 && a.size() == n) {
            forChunks(n, GRAIN, (lo, hi) -> segment(op, f, ad, lo, 1, bd, 0, 0, out, lo, hi - lo));
        } else if (a.size() == 1 && b.size() == n) {
            forChunks(n, GRAIN, (lo, hi) -> segment(op, f, ad, 0, 0, bd, lo, 1, out, lo, hi - lo));
        } else if (a.size() == n && isSuffix(b.shape, outShape)) {
            rows(op, f, ad, true, bd, out);
        } else if (b.size() == n && isSuffix(a.shape, outShape)) {
            rows(op, f, bd, false, ad, out);
        } else {
            general(a, b, op, f, outShape, out);
        }
        return new Tensor(out, outShape);
    }

    /** Whether {@code shape}, leading 1s dropped, equals the trailing axes of {@code outShape}: a row repeated over the rest. */
    private static boolean isSuffix(int[] shape, int[] outShape) {
        int first = 0;
        while (first < shape.length && shape[first] == 1) first++;
        int shift = outShape.length - shape.length;
        for (int i = first; i < shape.length; i++) {
            if (shape[i] != outShape[i + shift]) return false;
        }
        return true;
    }

    /** Rows shorter than this are tiled into a block of about this many elements, so the inner loops are long enough to vectorise. */
    static final int TILE = 2048;

    /** One block of whole rows: elements {@code [o, o + n)} of the full operand, and the row tiled to at least {@code n} elements. */
    @FunctionalInterface
    private interface RowBlock {
        void run(int o, int n, float[] tile);
    }

    /**
     * Visits {@code count} repetitions of {@code row} as blocks of whole rows of about {@link #TILE} elements, each
     * with {@code row} tiled to the block's length (a 32-element loop is too short for C2's unrolled vector loop,
     * a 2048-element one is not); blocks run in parallel chunks.
     */
    private static void rowBlocks(float[] row, int count, RowBlock body) {
        int width = row.length;
        if (count == 0 || width == 0) return;
        int per = Math.max(1, Math.min(count, TILE / width));
        float[] tile = per == 1 ? row : new float[per * width];
        for (int r = 0; r < per && per > 1; r++) System.arraycopy(row, 0, tile, r * width, width);
        int blocks = (count + per - 1) / per;
        forChunks(blocks, Math.max(1, GRAIN / (per * width)), (b0, b1) -> {
            for (int b = b0; b < b1; b++) body.run(b * per * width, Math.min(per, count - b * per) * width, tile);
        });
    }

    /**
     * {@code out = full ⊕ row} (or {@code row ⊕ full} when {@code fullFirst} is false) where {@code row} repeats
     * along the leading axes of {@code full}: the bias-add shape.
     */
    private static void rows(Op op, FloatBinaryOperator f, float[] full, boolean fullFirst, float[] row, float[] out) {
        rowBlocks(row, out.length / row.length, (o, n, tile) -> {
            if (fullFirst) segment(op, f, full, o, 1, tile, 0, 1, out, o, n);
            else segment(op, f, tile, 0, 1, full, o, 1, out, o, n);
        });
    }

    /** {@code out = x + bias} (then {@code max(·, 0)} when {@code relu}) with the bias repeated along rows. */
    static void biasAdd(float[] x, float[] bias, boolean relu, float[] out) {
        rowBlocks(bias, bias.length == 0 ? 0 : out.length / bias.length, (o, n, tile) -> {
            for (int i = 0; i < n; i++) out[o + i] = x[o + i] + tile[i];
            // A separate pass over the block, still in L1: C2 vectorises max(v, 0) alone but not max(a + b, 0).
            if (relu) for (int i = o; i < o + n; i++) out[i] = Math.max(out[i], 0f);
        });
    }

    /** {@code out[i] = y[i] > 0 ? g[i] : +0} for {@code i} in {@code [from, to)}, with the Vector API when {@code simd} is not null. */
    static void reluGrad(SimdKernels simd, float[] g, float[] y, float[] out, int from, int to) {
        if (simd != null) {
            simd.reluGrad(g, y, out, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            // Branch-free "y > 0 ? g : 0" (a branch mispredicts on half of the elements): with b the bits of y,
            // b - 1, b and 0x7f800000 - b are all non-negative exactly when 0 < y <= +Infinity.
            int b = Float.floatToRawIntBits(y[i]);
            int drop = ((b - 1) | b | (0x7f800000 - b)) >> 31;
            out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & ~drop);
        }
    }

    /**
     * {@link #reluGrad} into {@code out} and, in the same pass, the sums of {@code out} over its rows of
     * {@code sums.length} into {@code sums}: float partial sums per tile position and parallel chunk (a float loop
     * vectorises, a float-to-double one does not), folded in double.
     */
    static void reluGradColumnSums(float[] g, float[] y, float[] out, float[] sums) {
        int width = sums.length, count = width == 0 ? 0 : out.length / width;
        if (count == 0) {
            java.util.Arrays.fill(sums, 0f);
            return;
        }
        SimdKernels simd = SimdKernels.get();
        int per = Math.max(1, Math.min(count, TILE / width));
        int blocks = (count + per - 1) / per;
        int threads = Parallel.threads();
        int chunks = threads == 1 ? 1 : Math.max(1, Math.min(2 * threads, out.length / GRAIN));
        float[][] parts = new float[chunks][per * width];
        Parallel.forRange(chunks, t -> {
            float[] acc = parts[t];
            for (int b = (int) ((long) blocks * t / chunks), end = (int) ((long) blocks * (t + 1) / chunks); b < end; b++) {
                int o = b * per * width, n = Math.min(per, count - b * per) * width;
                reluGrad(simd, g, y, out, o, o + n);
                for (int i = 0; i < n; i++) acc[i] += out[o + i];
            }
        });
        for (int j = 0; j < width; j++) {
            double s = 0;
            for (float[] acc : parts) {
                for (int r = 0; r < per; r++) s += acc[r * width + j];
            }
            sums[j] = (float) s;
        }
    }

    private static void general(Tensor a, Tensor b, Op op, FloatBinaryOperator f, int[] outShape, float[] out) {
        int rank = outShape.length;
        int[] sa = broadcastStrides(a.shape, outShape);
        int[] sb = broadcastStrides(b.shape, outShape);
        // Merge trailing dimensions where both operands stay contiguous, to lengthen the inner loop.
        int inner = outShape[rank - 1];
        int innerSa = sa[rank - 1], innerSb = sb[rank - 1];
        int first = rank - 1;
        while (first > 0) {
            int d = first - 1;
            boolean aOk = innerSa == 1 ? sa[d] == inner : innerSa == 0 && sa[d] == 0;
            boolean bOk = innerSb == 1 ? sb[d] == inner : innerSb == 0 && sb[d] == 0;
            if (!aOk || !bOk) break;
            inner *= outShape[d];
            first = d;
        }
        int outer = out.length / inner;
        int[] idx = new int[first];
        int ao = 0, bo = 0;
        for (int o = 0; o < outer; o++) {
            segment(op, f, a.data, ao, innerSa, b.data, bo, innerSb, out, o * inner, inner);
            for (int d = first - 1; d >= 0; d--) {
                idx[d]++;
                ao += sa[d];
                bo += sb[d];
                if (idx[d] < outShape[d]) break;
                ao -= sa[d] * idx[d];
                bo -= sb[d] * idx[d];
                idx[d] = 0;
            }
        }
    }

    /** Strides of {@code shape} viewed as broadcast to {@code outShape} (0 on broadcast axes). */
    static int[] broadcastStrides(int[] shape, int[] outShape) {
        int rank = outShape.length;
        int[] own = Shapes.strides(shape);
        int[] s = new int[rank];
        int shift = rank - shape.length;
        for (int i = shift; i < rank; i++) {
            s[i] = shape[i - shift] == 1 && outShape[i] != 1 ? 0 : own[i - shift];
        }
        return s;
    }

    static void segment(Op op, FloatBinaryOperator f, float[] x, int xi, int sx, float[] y, int yi, int sy,
                        float[] o, int oi, int n) {
        switch (op) {
            case ADD:
                if (sx == 1 && sy == 1) for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] + y[yi + i];
                else if (sy == 0 && sx == 1) { float c = y[yi]; for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] + c; }
                else if (sx == 0 && sy == 1) { float c = x[xi]; for (int i = 0; i < n; i++) o[oi + i] = c + y[yi + i]; }
                else for (int i = 0; i < n; i++) o[oi + i] = x[xi + i * sx] + y[yi + i * sy];
                return;
            case SUB:
                if (sx == 1 && sy == 1) for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] - y[yi + i];
                else if (sy == 0 && sx == 1) { float c = y[yi]; for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] - c; }
                else if (sx == 0 && sy == 1) { float c = x[xi]; for (int i = 0; i < n; i++) o[oi + i] = c - y[yi + i]; }
                else for (int i = 0; i < n; i++) o[oi + i] = x[xi + i * sx] - y[yi + i * sy];
                return;
            case MUL:
                if (sx == 1 && sy == 1) for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] * y[yi + i];
                else if (sy == 0 && sx == 1) { float c = y[yi]; for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] * c; }
                else if (sx == 0 && sy == 1) { float c = x[xi]; for (int i = 0; i < n; i++) o[oi + i] = c * y[yi + i]; }
                else for (int i = 0; i < n; i++) o[oi + i] = x[xi + i * sx] * y[yi + i * sy];
                return;
            case DIV:
                if (sx == 1 && sy == 1) for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] / y[yi + i];
                else if (sy == 0 && sx == 1) { float c = y[yi]; for (int i = 0; i < n; i++) o[oi + i] = x[xi + i] / c; }
                else if (sx == 0 && sy == 1) { float c = x[xi]; for (int i = 0; i < n; i++) o[oi + i] = c / y[yi + i]; }
                else for (int i = 0; i < n; i++) o[oi + i] = x[xi + i * sx] / y[yi + i * sy];
                return;
            default:
                for (int i = 0; i < n; i++) o[oi + i] = f.apply(x[xi + i * sx], y[yi + i * sy]);
        }
    }

    /** Copies {@code src} read with per-output-axis strides (0 to repeat) into a new contiguous array. */
    static float[] stridedCopy(float[] src, int[] outShape, int[] srcStrides) {
        int size = Shapes.size(outShape);
        float[] out = new float[size];
        int rank = outShape.length;
        if (size == 0) return out;
        if (rank == 0) {
            out[0] = src[0];
            return out;
        }
        boolean repeated = true;
        for (int st : srcStrides) repeated &= st == 0;
        if (repeated) {
            float v = src[0];
            forChunks(size, GRAIN, (lo, hi) -> java.util.Arrays.fill(out, lo, hi, v));
            return out;
        }
        int inner = outShape[rank - 1];
        int is = srcStrides[rank - 1];
        int[] idx = new int[rank - 1];
        int off = 0;
        for (int o = 0; o < size; o += inner) {
            if (is == 1) System.arraycopy(src, off, out, o, inner);
            else for (int i = 0; i < inner; i++) out[o + i] = src[off + i * is];
            for (int d = rank - 2; d >= 0; d--) {
                idx[d]++;
                off += srcStrides[d];
                if (idx[d] < outShape[d]) break;
                off -= srcStrides[d] * idx[d];
                idx[d] = 0;
            }
        }
        return out;
    }
}
