package keras4j.tensor;

import java.util.Arrays;

/**
 * Direct loops for depthwise convolutions (one input channel per group, {@code depthMultiplier}
 * outputs per channel), where im2col + GEMM would multiply tiny matrices once per channel.
 * Output channel {@code c·dm + m} reads input channel {@code c} (TensorFlow's and Keras's order);
 * the kernel is {@code (kSpatial, 1, channels·dm)}. The innermost loops run over channels, which
 * are contiguous in channels-last layout.
 */
final class ConvDepthwise {
    private ConvDepthwise() {}

    private enum Mode { FORWARD, INPUT, KERNEL }

    /** {@code y[r, c·dm+m] = Σ_taps x[tap(r), c] · w[tap, c·dm+m]}. */
    static void forward(ConvSpec c, float[] x, float[] w, float[] y) {
        int chunk = ConvPlan.chunkRows(c);
        Parallel.forRange(ConvPlan.ceilDiv(c.rows, chunk), t -> {
            int r0 = t * chunk, r1 = Math.min(c.rows, r0 + chunk);
            Arrays.fill(y, r0 * c.outChannels, r1 * c.outChannels, 0f);
            walk(c, Mode.FORWARD, x, w, y, r0, r1);
        });
    }

    /** {@code dx[p, c] = Σ_{r, tap: tap(r) = p} Σ_m dy[r, c·dm+m] · w[tap, c·dm+m]}; tasks own whole images. */
    static void backwardInput(ConvSpec c, float[] dy, float[] w, float[] dx) {
        Arrays.fill(dx, 0f);
        int perTask = ConvKernels.imagesPerTask(c, ConvPlan.chunkRows(c));
        Parallel.forRange(ConvPlan.ceilDiv(c.batch, perTask), t -> {
            int r0 = t * perTask * c.outSpatial, r1 = Math.min(c.batch, (t + 1) * perTask) * c.outSpatial;
            walk(c, Mode.INPUT, dx, w, dy, r0, r1);
        });
    }

    /** {@code dw[tap, c·dm+m] = Σ_r x[tap(r), c] · dy[r, c·dm+m]}, summed from per-thread partials. */
    static void backwardKernel(ConvSpec c, float[] x, float[] dy, float[] dw) {
        int tasks = Math.min(Parallel.threads(), ConvPlan.ceilDiv(c.rows, ConvTuning.MIN_CHUNK_ROWS));
        float[][] parts = tasks > 1 ? ConvScratch.partials(tasks - 1, dw.length) : null;
        Arrays.fill(dw, 0f);
        for (int p = 0; p < tasks - 1; p++) Arrays.fill(parts[p], 0, dw.length, 0f);
        Parallel.forRange(tasks, t -> {
            int r0 = (int) ((long) c.rows * t / tasks), r1 = (int) ((long) c.rows * (t + 1) / tasks);
            walk(c, Mode.KERNEL, x, t == 0 ? dw : parts[t - 1], dy, r0, r1);
        });
        for (int p = 0; p < tasks - 1; p++) {
            float[] part = parts[p];
            for (int i = 0; i < dw.length; i++) dw[i] += part[i];
        }
    }

    /** Visits every in-bounds tap of rows {@code [r0, r1)}; {@code a} is x or dx, {@code k} is w or dw, {@code o} is y or dy. */
    private static void walk(ConvSpec c, Mode mode, float[] a, float[] k, float[] o, int r0, int r1) {
        final int od = c.out[0], oh = c.out[1], ow = c.out[2];
        final int ih = c.in[1], iw = c.in[2], kh = c.k[1], kw = c.k[2];
        final int channels = c.inChannels, cout = c.outChannels, dm = c.coutG;
        int w = r0 % ow, t = r0 / ow;
        int h = t % oh;
        t /= oh;
        int dd = t % od, b = t / od;
        for (int r = r0; r < r1; r++) {
            int baseD = c.origin[0][dd], baseH = c.origin[1][h], baseW = c.origin[2][w];
            int d0 = c.tapLo[0][dd], d1 = c.tapHi[0][dd];
            int h0 = c.tapLo[1][h], h1 = c.tapHi[1][h];
            int w0 = c.tapLo[2][w], w1 = c.tapHi[2][w];
            int image = b * c.inSpatial, oo = r * cout;
            for (int i = d0; i < d1; i++) {
                int pd = baseD + i * c.d[0];
                for (int j = h0; j < h1; j++) {
                    int ph = baseH + j * c.d[1];
                    for (int q = w0; q < w1; q++) {
                        int ao = (image + (pd * ih + ph) * iw + baseW + q * c.d[2]) * channels;
                        int ko = ((i * kh + j) * kw + q) * cout;
                        switch (mode) {
                            case FORWARD -> tapForward(a, ao, k, ko, o, oo, channels, dm);
                            case INPUT -> tapInput(a, ao, k, ko, o, oo, channels, dm);
                            case KERNEL -> tapKernel(a, ao, k, ko, o, oo, channels, dm);
                        }
                    }
                }
            }
            if (++w == ow) {
                w = 0;
                if (++h == oh) {
                    h = 0;
                    if (++dd == od) {
                        dd = 0;
                        b++;
                    }
                }
            }
        }
    }

    private static void tapForward(float[] x, int xo, float[] w, int wo, float[] y, int yo, int channels, int dm) {
        if (dm == 1) {
            for (int ch = 0; ch < channels; ch++) y[yo + ch] += x[xo + ch] * w[wo + ch];
            return;
        }
        for (int ch = 0; ch < channels; ch++) {
            float v = x[xo + ch];
            int base = ch * dm;
            for (int m = 0; m < dm; m++) y[yo + base + m] += v * w[wo + base + m];
        }
    }

    private static void tapInput(float[] dx, int xo, float[] w, int wo, float[] dy, int yo, int channels, int dm) {
        if (dm == 1) {
            for (int ch = 0; ch < channels; ch++) dx[xo + ch] += dy[yo + ch] * w[wo + ch];
            return;
        }
        for (int ch = 0; ch < channels; ch++) {
            int base = ch * dm;
            float s = 0f;
            for (int m = 0; m < dm; m++) s += dy[yo + base + m] * w[wo + base + m];
            dx[xo + ch] += s;
        }
    }

    private static void tapKernel(float[] x, int xo, float[] dw, int wo, float[] dy, int yo, int channels, int dm) {
        if (dm == 1) {
            for (int ch = 0; ch < channels; ch++) dw[wo + ch] += x[xo + ch] * dy[yo + ch];
            return;
        }
        for (int ch = 0; ch < channels; ch++) {
            float v = x[xo + ch];
            int base = ch * dm;
            for (int m = 0; m < dm; m++) dw[wo + base + m] += v * dy[yo + base + m];
        }
    }
}
