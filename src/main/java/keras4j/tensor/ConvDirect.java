package keras4j.tensor;

import java.util.Arrays;

/**
 * Convolutions (one group) that read their windows straight from the input instead of a patch matrix.
 * The output splits into lines (fixed batch, depth and height); along a line, every position reads each
 * run of kernel taps as a strided matrix of the input (row stride {@code stride·channels}), so the
 * {@link ConvNarrowKernel} takes one segment per valid (depth, height) tap pair (per width tap with
 * dilation) and keeps the result in registers across all of them. Taps in the depth/height padding are
 * simply skipped. When windows reach into the width padding at more than a few positions of a line, the line's
 * input rows are first copied into a small per-thread buffer with the padding's zeros written out ("staged"), so
 * the edge positions run in the same register blocks as the rest; on long lines the few edge positions go through
 * a small patch buffer instead (im2col of those rows only).
 *
 * <p>The forward pass has two more forms for narrow results: with unit width stride, up to 16 filters and enough
 * taps, output positions go along the vector lanes ({@link #forwardPositions}); otherwise results of at most half a
 * vector run on pairs of input channels ({@link ConvNarrowKernel#multiplyPairs}). Which form runs, and whether lines are
 * staged, is the {@link ConvPlan}'s decision.
 */
final class ConvDirect {
    private ConvDirect() {}

    /**
     * The tap runs valid for one output line: A offsets (into the input, or into the staged rows), kernel rows
     * and lengths; {@code source} and {@code base} locate output position 0's window.
     */
    private static final class Segments {
        final int[] a;
        final int[] tap;
        final int[] len;
        final int[] b;
        int count;
        float[] source;
        long[] pairs;
        int base;

        /** The input rows one line reads: their offsets in {@code x} and their first kernel tap. */
        final int[] rowX;
        final int[] rowTap;

        Segments(ConvSpec c) {
            int max = c.k[0] * c.k[1] * (c.d[2] == 1 ? 1 : c.k[2]);
            a = new int[max];
            tap = new int[max];
            len = new int[max];
            b = new int[max];
            rowX = new int[c.k[0] * c.k[1]];
            rowTap = new int[c.k[0] * c.k[1]];
        }

        /** Lists the input rows of {@code line}'s valid (depth, height) taps in {@link #rowX} and {@link #rowTap}; returns how many. */
        private int validRows(ConvSpec c, int line) {
            int oh = line % c.out[1], t = line / c.out[1];
            int od = t % c.out[0], batch = t / c.out[0];
            int rows = 0;
            for (int i = c.tapLo[0][od]; i < c.tapHi[0][od]; i++) {
                int pd = c.origin[0][od] + i * c.d[0];
                for (int j = c.tapLo[1][oh]; j < c.tapHi[1][oh]; j++, rows++) {
                    int ph = c.origin[1][oh] + j * c.d[1];
                    rowX[rows] = ((batch * c.in[0] + pd) * c.in[1] + ph) * c.in[2] * c.inChannels;
                    rowTap[rows] = (i * c.k[1] + j) * c.k[2];
                }
            }
            return rows;
        }

        /**
         * Fills the segments of {@code line}, staging its input rows when {@code staged}; otherwise {@code base}
         * locates the first interior position's window in {@code x}.
         */
        void fill(ConvSpec c, int line, float[] x, boolean staged) {
            int rows = validRows(c, line), cin = c.inChannels, rowLen = stagedWidth(c) * cin;
            if (staged) {
                source = ConvScratch.line(rows * rowLen);
                base = 0;
            } else {
                source = x;
                base = c.origin[2][c.interiorLo] * cin;
            }
            count = 0;
            for (int r = 0; r < rows; r++) {
                int row = rowX[r];
                if (staged) {
                    row = r * rowLen;
                    stageRow(c, x, rowX[r], source, row);
                }
                addTaps(c, row, rowTap[r], cin);
            }
        }

        /**
         * Fills the segments of {@code line} for a channel-pair product: every valid input row is staged (padding
         * written out) and packed into {@link #pairs}; offsets and lengths count pairs.
         */
        void fillPairs(ConvSpec c, int line, float[] x, ConvNarrowKernel k) {
            int rows = validRows(c, line), cin = c.inChannels, half = cin / 2;
            int width = stagedWidth(c), pad = c.pad[2], lo = stagedLo(c), hi = stagedHi(c);
            pairs = ConvScratch.pairLine(rows * width * half);
            count = 0;
            for (int r = 0; r < rows; r++) {
                int staging = r * width * half;
                Arrays.fill(pairs, staging, staging + lo * half, 0L);
                k.packPairs(x, rowX[r] + (lo - pad) * cin, pairs, staging + lo * half, (hi - lo) * cin);
                Arrays.fill(pairs, staging + hi * half, staging + width * half, 0L);
                addTaps(c, staging, rowTap[r], half);
            }
        }

        /** The segments of one input row's kernel taps, in units of {@code cin} (floats, or pairs of them) per pixel. */
        private void addTaps(ConvSpec c, int row, int tap0, int cin) {
            int kw = c.k[2], dw = c.d[2];
            if (dw == 1) {
                add(row, tap0 * cin, kw * cin);
            } else {
                for (int q = 0; q < kw; q++) add(row + q * dw * cin, (tap0 + q) * cin, cin);
            }
        }

        private void add(int aOff, int tapRow, int length) {
            a[count] = aOff;
            tap[count] = tapRow;
            len[count] = length;
            count++;
        }
    }

    /** Width of a staged row: from output position 0's first tap to the last position's last tap. */
    private static int stagedWidth(ConvSpec c) {
        return (c.out[2] - 1) * c.s[2] + c.d[2] * (c.k[2] - 1) + 1;
    }

    /** The first staged column that holds an input column (the ones before it are padding). */
    private static int stagedLo(ConvSpec c) {
        return Math.min(stagedWidth(c), Math.max(0, c.pad[2]));
    }

    /** The staged column after the last that holds an input column. */
    private static int stagedHi(ConvSpec c) {
        return Math.max(stagedLo(c), Math.min(stagedWidth(c), c.in[2] + c.pad[2]));
    }

    /**
     * Copies the input row starting at {@code src} into {@code stage} at {@code dst} as staged column
     * {@code p ↦} input column {@code p − padBefore}, zeros where that column lies outside the input.
     */
    private static void stageRow(ConvSpec c, float[] x, int src, float[] stage, int dst) {
        int cin = c.inChannels, width = stagedWidth(c), pad = c.pad[2], lo = stagedLo(c), hi = stagedHi(c);
        Arrays.fill(stage, dst, dst + lo * cin, 0f);
        System.arraycopy(x, src + (lo - pad) * cin, stage, dst + lo * cin, (hi - lo) * cin);
        Arrays.fill(stage, dst + hi * cin, dst + width * cin, 0f);
    }

    /** Lines per parallel task: about one patch chunk of rows, and at least four tasks per thread when possible. */
    private static int linesPerTask(ConvPlan p, int lines) {
        int byRows = Math.max(1, p.chunkRows / Math.max(1, p.spec.out[2]));
        int threads = Parallel.threads();
        return threads == 1 ? byRows : Math.max(1, Math.min(byRows, ConvPlan.ceilDiv(lines, ConvTuning.TASKS_PER_THREAD * threads)));
    }

    /**
     * Forward pass plus {@code bias} (null for none) into {@code y} (overwritten) in lines, on channel pairs or rows in
     * registers as {@code p} says; requires one group and {@code n = outChannels <= k.maxColumns()}.
     */
    static void forward(ConvPlan p, float[] x, float[] w, float[] bias, float[] y) {
        ConvSpec c = p.spec;
        ConvNarrowKernel k = p.narrow;
        boolean staged = p.staged;
        int lines = c.batch * c.out[0] * c.out[1];
        int perTask = linesPerTask(p, lines);
        float[] b2 = p.path == ConvPlan.Path.DIRECT_PAIRS ? interleavePairs(c, k, w) : null;
        Parallel.forRange(ConvPlan.ceilDiv(lines, perTask), t -> {
            Segments seg = new Segments(c);
            for (int line = t * perTask, end = Math.min(lines, line + perTask); line < end; line++) {
                int row0 = line * c.out[2];
                if (bias != null) ConvKernels.fillRows(bias, y, row0 * c.outChannels, c.out[2]);
                if (b2 != null) {
                    forwardPairsLine(c, k, x, b2, bias != null, y, line, seg);
                } else {
                    forwardLine(c, k, x, w, bias != null, y, line, seg, staged);
                }
            }
        });
    }

    /**
     * The forward pass on position vectors. Each task takes whole images (or depth ranges of one) and first copies
     * the input rows its lines read channels-first ({@code xt[row][c][p]}, width padding written out), so a run of
     * output positions is one vector load per input channel and tap; the weights are broadcast, eight filters at
     * a time (zero filters pad the last eight). Results are written back channels-last.
     */
    static void forwardPositions(ConvPlan p, float[] x, float[] w, float[] bias, float[] y) {
        ConvSpec c = p.spec;
        ConvNarrowKernel k = p.narrow;
        int cout = c.outChannels, filters = ConvNarrowKernel.POSITION_FILTERS;
        int coutP = ConvPlan.ceilDiv(cout, filters) * filters;
        float[] wp = w;
        if (coutP != cout) {
            int rows = c.kSpatial * c.inChannels;
            wp = ConvScratch.forwardKernel(rows * coutP);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(w, r * cout, wp, r * coutP, cout);
                Arrays.fill(wp, r * coutP + cout, (r + 1) * coutP, 0f);
            }
        }
        float[] weights = wp;
        // Tasks take whole images, or ranges of one image's lines when there are few images.
        int perImage = c.out[0] * c.out[1], threads = Parallel.threads();
        int byThreads = c.batch >= 2 * threads ? perImage : Math.max(1, perImage * c.batch / (4 * threads));
        // Large images go in line ranges whose channels-first copy stays within the budget.
        long imageCopy = (long) c.in[0] * c.in[1] * c.inChannels * stagedWidth(c), budget = p.positionCopyBudget;
        int linesPerTask = imageCopy <= budget ? byThreads : (int) Math.max(1, Math.min(byThreads, perImage * budget / imageCopy));
        int chunks = ConvPlan.ceilDiv(perImage, linesPerTask);
        Parallel.forRange(c.batch * chunks, t -> {
            int batch = t / chunks, first = (t % chunks) * linesPerTask;
            positionsTask(c, k, x, weights, coutP, bias, y, batch, first, Math.min(perImage, first + linesPerTask));
        });
    }

    /** Lines {@code [l0, l1)} of image {@code batch} (line = {@code od·out[1] + oh}) on position vectors. */
    private static void positionsTask(ConvSpec c, ConvNarrowKernel k, float[] x, float[] w, int coutP, float[] bias, float[] y, int batch,
                                      int l0, int l1) {
        int cin = c.inChannels, cout = c.outChannels, ow = c.out[2], width = stagedWidth(c), pw = k.positionWidth();
        int filters = ConvNarrowKernel.POSITION_FILTERS;
        // The input rows these lines read: depths of their first to last depth, heights of their first to last height
        // (all heights when they span several depths).
        int od0 = l0 / c.out[1], od1 = (l1 - 1) / c.out[1];
        int pdLo = Math.max(0, c.origin[0][od0]), pdHi = Math.min(c.in[0], c.origin[0][od1] + (c.k[0] - 1) * c.d[0] + 1);
        int phLo = 0, phHi = c.in[1];
        if (od0 == od1) {
            phLo = Math.max(0, c.origin[1][l0 % c.out[1]]);
            phHi = Math.min(c.in[1], c.origin[1][(l1 - 1) % c.out[1]] + (c.k[1] - 1) * c.d[1] + 1);
        }
        int heights = Math.max(0, phHi - phLo), rowLen = cin * width;
        float[] xt = ConvScratch.line(Math.max(0, pdHi - pdLo) * heights * rowLen);
        int lo = stagedLo(c), hi = stagedHi(c), pad = c.pad[2];
        for (int pd = pdLo; pd < pdHi; pd++) {
            for (int ph = phLo; ph < phHi; ph++) {
                int src = ((batch * c.in[0] + pd) * c.in[1] + ph) * c.in[2] * cin, dst = ((pd - pdLo) * heights + ph - phLo) * rowLen;
                for (int ch = 0; ch < cin; ch++) {
                    Arrays.fill(xt, dst + ch * width, dst + ch * width + lo, 0f);
                    Arrays.fill(xt, dst + ch * width + hi, dst + (ch + 1) * width, 0f);
                }
                for (int p = lo; p < hi; p++) {
                    int from = src + (p - pad) * cin;
                    for (int ch = 0; ch < cin; ch++) xt[dst + ch * width + p] = x[from + ch];
                }
            }
        }
        int maxSteps = c.kSpatial * cin;
        int[] stepX = new int[maxSteps], stepW = new int[maxSteps];
        float[] out = new float[filters * pw];
        for (int line = l0; line < l1; line++) {
            int od = line / c.out[1], oh = line % c.out[1];
            // One step per valid (depth, height) tap pair, width tap and input channel: where its input run starts in
            // xt (relative to output position 0) and its weights' row.
            int steps = 0;
            for (int i = c.tapLo[0][od]; i < c.tapHi[0][od]; i++) {
                int pd = c.origin[0][od] + i * c.d[0];
                for (int j = c.tapLo[1][oh]; j < c.tapHi[1][oh]; j++) {
                    int ph = c.origin[1][oh] + j * c.d[1];
                    int rowBase = ((pd - pdLo) * heights + ph - phLo) * rowLen;
                    for (int q = 0; q < c.k[2]; q++) {
                        int tap = (i * c.k[1] + j) * c.k[2] + q;
                        for (int ch = 0; ch < cin; ch++, steps++) {
                            stepX[steps] = rowBase + ch * width + q * c.d[2];
                            stepW[steps] = (tap * cin + ch) * coutP;
                        }
                    }
                }
            }
            int row0 = (batch * c.out[0] * c.out[1] + line) * ow;
            for (int f0 = 0; f0 < cout; f0 += filters) {
                int fn = Math.min(filters, cout - f0);
                for (int o0 = 0; o0 < ow; o0 += pw) {
                    // The last block starts at ow − pw and recomputes positions of the one before, which are not written again.
                    int first = Math.min(o0, ow - pw);
                    if (steps > 0) {
                        k.positionBlock(xt, first, stepX, w, f0, stepW, steps, out);
                    } else {
                        Arrays.fill(out, 0f);
                    }
                    for (int o = o0 - first; o < pw; o++) {
                        int yo = (row0 + first + o) * cout + f0;
                        for (int f = 0; f < fn; f++) y[yo + f] = (bias == null ? 0f : bias[f0 + f]) + out[f * pw + o];
                    }
                }
            }
        }
    }

    /** The kernel for {@link ConvNarrowKernel#multiplyPairs}: {@code b2[(t·cin/2 + q)·VL + 2j + e] = w[t, 2q + e, j]}, zero beyond {@code 2·cout}. */
    static float[] interleavePairs(ConvSpec c, ConvNarrowKernel k, float[] w) {
        int vl = k.vectorLength(), cout = c.outChannels, steps = c.kSpatial * c.inChannels / 2;
        float[] b2 = ConvScratch.forwardKernel(steps * vl);
        Arrays.fill(b2, 0, steps * vl, 0f);
        for (int q = 0; q < steps; q++) {
            for (int e = 0; e < 2; e++) {
                for (int j = 0; j < cout; j++) b2[q * vl + 2 * j + e] = w[(2 * q + e) * cout + j];
            }
        }
        return b2;
    }

    /** One line on channel pairs; with {@code accumulate}, the products add to {@code y}'s rows (which hold the bias). */
    private static void forwardPairsLine(ConvSpec c, ConvNarrowKernel k, float[] x, float[] b2, boolean accumulate, float[] y, int line,
                                         Segments seg) {
        int ow = c.out[2], cout = c.outChannels, row0 = line * ow;
        seg.fillPairs(c, line, x, k);
        if (seg.count == 0) {
            if (!accumulate) Arrays.fill(y, row0 * cout, (row0 + ow) * cout, 0f);
            return;
        }
        int vl = k.vectorLength();
        for (int s = 0; s < seg.count; s++) seg.b[s] = seg.tap[s] * vl;
        k.multiplyPairs(ow, cout, seg.pairs, c.s[2] * c.inChannels / 2, seg.a, seg.b, seg.len, seg.count, b2, accumulate, y, row0 * cout, cout);
    }

    /**
     * One line; with {@code accumulate}, the products add to {@code y}'s rows (which hold the bias). Unstaged lines
     * with edge positions compute their interior directly and the edge positions through patches.
     */
    private static void forwardLine(ConvSpec c, ConvNarrowKernel k, float[] x, float[] w, boolean accumulate, float[] y, int line, Segments seg,
                                    boolean staged) {
        int ow = c.out[2], cout = c.outChannels, row0 = line * ow;
        int lo = staged ? 0 : c.interiorLo, hi = staged ? ow : c.interiorHi;
        seg.fill(c, line, x, staged);
        if (seg.count == 0) {
            if (!accumulate) Arrays.fill(y, row0 * cout, (row0 + ow) * cout, 0f);
            return;
        }
        for (int s = 0; s < seg.count; s++) seg.b[s] = seg.tap[s] * cout;
        k.multiply(hi - lo, cout, seg.source, seg.base, c.s[2] * c.inChannels, 1, seg.a, seg.b, seg.len, seg.count, w, 0, cout, accumulate,
                y, (row0 + lo) * cout, cout);
        forwardPatches(c, k, x, w, accumulate, y, row0, row0 + lo);
        forwardPatches(c, k, x, w, accumulate, y, row0 + hi, row0 + ow);
    }

    /** Output rows {@code [r0, r1)} through a patch buffer (im2col of those rows only). */
    private static void forwardPatches(ConvSpec c, ConvNarrowKernel k, float[] x, float[] w, boolean accumulate, float[] y, int r0, int r1) {
        if (r0 >= r1) return;
        float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
        ConvPatches.im2col(c, x, r0, r1, cols);
        k.multiply(r1 - r0, c.outChannels, c.patch, cols, 0, c.cols, 1, w, 0, c.outChannels, accumulate, y, r0 * c.outChannels, c.outChannels);
    }

    /** The kernel gradient's share of output rows {@code [r0, r1)}, through a patch buffer. */
    private static void kernelPatches(ConvSpec c, ConvNarrowKernel k, float[] x, float[] dy, float[] target, int r0, int r1) {
        if (r0 >= r1) return;
        float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
        ConvPatches.im2col(c, x, r0, r1, cols);
        k.multiply(c.patch, c.outChannels, r1 - r0, cols, 0, 1, c.cols, dy, r0 * c.outChannels, c.outChannels, true, target, 0, c.outChannels);
    }

    /** A's single value for the bias gradient's product: a row of ones (column stride 0). */
    private static final float[] ONE = {1f};

    /**
     * Kernel gradient into {@code dw} and, unless null, bias gradient into {@code db} (overwritten); requires one group
     * and {@code n = outChannels <= k.maxColumns()}. Each task sums into its own buffer {@code [dw | db]}.
     */
    static void backwardKernel(ConvPlan plan, float[] x, float[] dy, float[] dw, float[] db) {
        ConvSpec c = plan.spec;
        ConvNarrowKernel k = plan.narrow;
        boolean staged = plan.staged;
        int lines = c.batch * c.out[0] * c.out[1];
        int tasks = Math.min(Parallel.threads(), lines);
        int n = dw.length + (db == null ? 0 : db.length);
        float[][] parts = ConvScratch.partials(tasks, n);
        for (int p = 0; p < tasks; p++) Arrays.fill(parts[p], 0, n, 0f);
        Parallel.forRange(tasks, t -> {
            Segments seg = new Segments(c);
            int first = (int) ((long) lines * t / tasks), last = (int) ((long) lines * (t + 1) / tasks);
            for (int line = first; line < last; line++) kernelLine(c, k, x, dy, parts[t], db != null, dw.length, line, seg, staged);
        });
        System.arraycopy(parts[0], 0, dw, 0, dw.length);
        if (db != null) System.arraycopy(parts[0], dw.length, db, 0, db.length);
        for (int p = 1; p < tasks; p++) {
            float[] part = parts[p];
            for (int i = 0; i < dw.length; i++) dw[i] += part[i];
            for (int i = 0; db != null && i < db.length; i++) db[i] += part[dw.length + i];
        }
    }

    /** One line's share of the kernel gradient into {@code target}, and with {@code bias} of the bias gradient at {@code biasOff}. */
    private static void kernelLine(ConvSpec c, ConvNarrowKernel k, float[] x, float[] dy, float[] target, boolean bias, int biasOff, int line,
                                   Segments seg, boolean staged) {
        int ow = c.out[2], cout = c.outChannels, row0 = line * ow;
        int lo = staged ? 0 : c.interiorLo, hi = staged ? ow : c.interiorHi;
        seg.fill(c, line, x, staged);
        for (int s = 0; s < seg.count; s++) {
            // dw[tap rows of this run] += (input run over the line)ᵀ · dy(line rows)
            k.multiply(seg.len[s], cout, hi - lo, seg.source, seg.base + seg.a[s], 1, c.s[2] * c.inChannels, dy, (row0 + lo) * cout, cout, true,
                    target, seg.tap[s] * cout, cout);
        }
        kernelPatches(c, k, x, dy, target, row0, row0 + lo);
        kernelPatches(c, k, x, dy, target, row0 + hi, row0 + ow);
        // db += onesᵀ · dy(line rows), while those rows are still in cache
        if (bias) k.multiply(1, cout, ow, ONE, 0, 0, 0, dy, row0 * cout, cout, true, target, biasOff, cout);
    }
}
