package keras4j.tensor;

import java.util.Arrays;

/**
 * Convolutions (one group) that read their windows straight from the input instead of a patch matrix.
 * The output splits into lines (fixed batch, depth and height); along a line, the interior positions,
 * whose windows lie inside the input along the width, read each run of kernel taps as a strided matrix
 * of the input (row stride {@code stride·channels}), so the {@link ConvNarrowKernel} takes one segment per
 * valid (depth, height) tap pair (per width tap with dilation) and keeps the result in registers across
 * all of them. Taps in the depth/height padding are simply skipped; the few positions near the width
 * edges go through a small patch buffer (im2col of those rows only).
 */
final class ConvDirect {
    private ConvDirect() {}

    /** Segments shorter than this make the kernel-gradient products too small to beat im2col. */
    private static final int MIN_SEGMENT = 8;
    /** Lines shorter than this make the kernel-gradient reductions too short to beat im2col. */
    private static final int MIN_INTERIOR = 16;

    /** The tap runs valid for one output line: A offsets ({@code pixel·channels}), kernel rows and lengths. */
    private static final class Segments {
        final int[] a;
        final int[] tap;
        final int[] len;
        final int[] b;
        int count;

        Segments(ConvSpec c) {
            int max = c.k[0] * c.k[1] * (c.d[2] == 1 ? 1 : c.k[2]);
            a = new int[max];
            tap = new int[max];
            len = new int[max];
            b = new int[max];
        }

        void fill(ConvSpec c, int line) {
            int oh = line % c.out[1], t = line / c.out[1];
            int od = t % c.out[0], batch = t / c.out[0];
            int cin = c.inChannels, kw = c.k[2], dw = c.d[2];
            count = 0;
            for (int i = c.tapLo[0][od]; i < c.tapHi[0][od]; i++) {
                int pd = c.origin[0][od] + i * c.d[0];
                for (int j = c.tapLo[1][oh]; j < c.tapHi[1][oh]; j++) {
                    int ph = c.origin[1][oh] + j * c.d[1];
                    int pixel = ((batch * c.in[0] + pd) * c.in[1] + ph) * c.in[2];
                    int tap0 = (i * c.k[1] + j) * kw;
                    if (dw == 1) {
                        add(pixel * cin, tap0 * cin, kw * cin);
                    } else {
                        for (int q = 0; q < kw; q++) add((pixel + q * dw) * cin, (tap0 + q) * cin, cin);
                    }
                }
            }
        }

        private void add(int aOff, int tapRow, int length) {
            a[count] = aOff;
            tap[count] = tapRow;
            len[count] = length;
            count++;
        }
    }

    /** Lines with fewer interior positions than this leave too many partial row blocks: patches win. */
    private static final int MIN_LINE = 24;

    /** Whether the forward pass is better computed directly than through patches. */
    static boolean forwardApplies(ConvSpec c) {
        return c.groups == 1 && c.interiorHi - c.interiorLo >= MIN_LINE;
    }

    /** Whether the kernel gradient is better computed directly than through patches. */
    static boolean kernelGradientApplies(ConvSpec c) {
        int segment = c.d[2] == 1 ? c.k[2] * c.inChannels : c.inChannels;
        return c.groups == 1 && segment >= MIN_SEGMENT && c.interiorHi - c.interiorLo >= MIN_INTERIOR;
    }

    /** Lines per parallel task: about one patch chunk of rows, and at least four tasks per thread when possible. */
    private static int linesPerTask(ConvSpec c, int lines) {
        int byRows = Math.max(1, ConvKernels.chunkRows(c) / Math.max(1, c.out[2]));
        int threads = Parallel.threads();
        return threads == 1 ? byRows : Math.max(1, Math.min(byRows, ConvKernels.ceilDiv(lines, 4 * threads)));
    }

    /** Forward pass into {@code y} (overwritten); requires one group and {@code n = outChannels <= k.maxColumns()}. */
    static void forward(ConvSpec c, ConvNarrowKernel k, float[] x, float[] w, float[] y) {
        int lines = c.batch * c.out[0] * c.out[1];
        int perTask = linesPerTask(c, lines);
        Parallel.forRange(ConvKernels.ceilDiv(lines, perTask), t -> {
            Segments seg = new Segments(c);
            for (int line = t * perTask, end = Math.min(lines, line + perTask); line < end; line++) forwardLine(c, k, x, w, y, line, seg);
        });
    }

    private static void forwardLine(ConvSpec c, ConvNarrowKernel k, float[] x, float[] w, float[] y, int line, Segments seg) {
        int ow = c.out[2], cout = c.outChannels, cin = c.inChannels;
        int row0 = line * ow, lo = c.interiorLo, hi = c.interiorHi;
        if (lo < hi) {
            seg.fill(c, line);
            if (seg.count == 0) {
                Arrays.fill(y, (row0 + lo) * cout, (row0 + hi) * cout, 0f);
            } else {
                for (int s = 0; s < seg.count; s++) seg.b[s] = seg.tap[s] * cout;
                k.multiply(hi - lo, cout, x, c.origin[2][lo] * cin, c.s[2] * cin, 1, seg.a, seg.b, seg.len, seg.count, w, 0, cout, false,
                        y, (row0 + lo) * cout, cout);
            }
            forwardPatches(c, k, x, w, y, row0, row0 + lo);
            forwardPatches(c, k, x, w, y, row0 + hi, row0 + ow);
        } else {
            forwardPatches(c, k, x, w, y, row0, row0 + ow);
        }
    }

    private static void forwardPatches(ConvSpec c, ConvNarrowKernel k, float[] x, float[] w, float[] y, int r0, int r1) {
        if (r0 >= r1) return;
        float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
        ConvPatches.im2col(c, x, r0, r1, cols);
        k.multiply(r1 - r0, c.outChannels, c.patch, cols, 0, c.cols, 1, w, 0, c.outChannels, false, y, r0 * c.outChannels, c.outChannels);
    }

    /** Kernel gradient into {@code dw} (overwritten); requires one group and {@code n = outChannels <= k.maxColumns()}. */
    static void backwardKernel(ConvSpec c, ConvNarrowKernel k, float[] x, float[] dy, float[] dw) {
        int lines = c.batch * c.out[0] * c.out[1];
        int tasks = Math.min(Parallel.threads(), lines);
        float[][] parts = tasks > 1 ? ConvScratch.partials(tasks - 1, dw.length) : null;
        Arrays.fill(dw, 0f);
        for (int p = 0; p < tasks - 1; p++) Arrays.fill(parts[p], 0, dw.length, 0f);
        Parallel.forRange(tasks, t -> {
            float[] target = t == 0 ? dw : parts[t - 1];
            Segments seg = new Segments(c);
            int first = (int) ((long) lines * t / tasks), last = (int) ((long) lines * (t + 1) / tasks);
            for (int line = first; line < last; line++) kernelLine(c, k, x, dy, target, line, seg);
        });
        for (int p = 0; p < tasks - 1; p++) {
            float[] part = parts[p];
            for (int i = 0; i < dw.length; i++) dw[i] += part[i];
        }
    }

    private static void kernelLine(ConvSpec c, ConvNarrowKernel k, float[] x, float[] dy, float[] dw, int line, Segments seg) {
        int ow = c.out[2], cout = c.outChannels, cin = c.inChannels;
        int row0 = line * ow, lo = c.interiorLo, hi = c.interiorHi;
        if (lo < hi) {
            seg.fill(c, line);
            int base = c.origin[2][lo] * cin;
            for (int s = 0; s < seg.count; s++) {
                // dw[tap rows of this run] += (input run over the line's interior)ᵀ · dy(interior rows)
                k.multiply(seg.len[s], cout, hi - lo, x, base + seg.a[s], 1, c.s[2] * cin, dy, (row0 + lo) * cout, cout, true, dw, seg.tap[s] * cout, cout);
            }
            kernelPatches(c, k, x, dy, dw, row0, row0 + lo);
            kernelPatches(c, k, x, dy, dw, row0 + hi, row0 + ow);
        } else {
            kernelPatches(c, k, x, dy, dw, row0, row0 + ow);
        }
    }

    private static void kernelPatches(ConvSpec c, ConvNarrowKernel k, float[] x, float[] dy, float[] dw, int r0, int r1) {
        if (r0 >= r1) return;
        float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
        ConvPatches.im2col(c, x, r0, r1, cols);
        k.multiply(c.patch, c.outChannels, r1 - r0, cols, 0, 1, c.cols, dy, r0 * c.outChannels, c.outChannels, true, dw, 0, c.outChannels);
    }
}
