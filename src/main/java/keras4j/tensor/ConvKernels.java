package keras4j.tensor;

import java.util.Arrays;

/**
 * Convolution kernels of every rank (1, 2, 3) in channels-last layout, described by a {@link ConvSpec}:
 * the forward pass {@code y = x ⋆ w} (cross-correlation, as Keras computes it), the gradient with
 * respect to the input and the gradient with respect to the kernel.
 *
 * <p>Algorithm: the input is lowered to a patch matrix (im2col) of shape
 * {@code (batch·outSpatial, kSpatial·inChannels)} in chunks of rows small enough to stay in cache, each
 * chunk is multiplied with the kernel {@code (kSpatial·inChannels/groups, outChannels/groups)} once per
 * group, and chunks run in parallel through {@link Parallel#forRange} (the products inside then run on
 * their task's thread). The input gradient multiplies with the transposed kernel and scatters back
 * (col2im), parallel over whole images so no two threads write the same input element; the kernel
 * gradient sums per-thread partial products. The algorithm is chosen by shape, in one place ({@link ConvPlan#of}, thresholds
 * in {@link ConvTuning}); this class dispatches on the plan:
 * <ul>
 *   <li>products whose result has few columns (up to 2–4 SIMD vectors, e.g. 16 or 32 output channels) use
 *       the {@link ConvNarrowKernel} when the JVM has the Vector API, else {@link Gemm}, whose wide
 *       micro-tile would leave most lanes idle there;</li>
 *   <li>with one group and long enough output lines, the forward pass and the kernel gradient read their
 *       windows straight from the input ({@link ConvDirect}) instead of a patch matrix. Forward passes with unit
 *       width stride, at most 16 filters and enough kernel taps put output positions along the vector lanes
 *       (the input copied channels-first once per image); other results of at most half a vector are computed on
 *       pairs of input channels, so no lane idles;</li>
 *   <li>with unit strides, input channels filling whole vectors (or more than half a vector, as channel pairs) and
 *       long lines, the input gradient is a direct forward convolution of {@code dy} with the flipped kernel
 *       ({@link ConvSpec#inputGradientSpec()}): no scatter;</li>
 *   <li>a 1×…×1 convolution with stride 1 and no padding reads its patches straight from the input;</li>
 *   <li>depthwise convolutions (one input channel per group) use direct loops ({@link ConvDepthwise}).</li>
 * </ul>
 * Patch buffers are per thread and reused across calls.
 *
 * <p>The {@code float[]} methods write their output argument and modify nothing else; arrays are
 * row-major in the shapes of the spec.
 */
public final class ConvKernels {
    private ConvKernels() {}

    // ------------------------------------------------------------------ tensor forms

    /** {@code y[b, o, f] = Σ_{k, c} x[b, o·s + k·d − pad, c] · w[k, c, f]} over each group's channels; x is {@code spec.inputShape()}. */
    public static Tensor forward(ConvSpec spec, Tensor x, Tensor w) {
        return forward(spec, x, w, null);
    }

    /**
     * {@link #forward(ConvSpec, Tensor, Tensor)} plus {@code bias[f]} on every output channel (null adds nothing), in
     * the same pass: the sums start from the bias.
     */
    public static Tensor forward(ConvSpec spec, Tensor x, Tensor w, Tensor bias) {
        check("input", x.shape, spec.inputShape());
        check("kernel", w.shape, spec.kernelShape());
        if (bias != null) check("bias", bias.shape, new int[] {spec.outChannels});
        int[] shape = spec.outputShape();
        float[] y = new float[Shapes.size(shape)];
        forward(spec, x.data, w.data, bias == null ? null : bias.data, y);
        return new Tensor(y, shape);
    }

    /** The gradient of {@link #forward} with respect to x, given the output gradient {@code dy}. */
    public static Tensor backwardInput(ConvSpec spec, Tensor dy, Tensor w) {
        check("output gradient", dy.shape, spec.outputShape());
        check("kernel", w.shape, spec.kernelShape());
        int[] shape = spec.inputShape();
        float[] dx = new float[Shapes.size(shape)];
        backwardInput(spec, dy.data, w.data, dx);
        return new Tensor(dx, shape);
    }

    /** The gradient of {@link #forward} with respect to w, given the input x and the output gradient {@code dy}. */
    public static Tensor backwardKernel(ConvSpec spec, Tensor x, Tensor dy) {
        return backwardKernelAndBias(spec, x, dy, false)[0];
    }

    /**
     * The gradients of {@link #forward(ConvSpec, Tensor, Tensor, Tensor)} with respect to w and (when {@code bias}) the
     * bias, {@code {dw, db}} ({@code db} null without bias); the bias gradient, {@code dy}'s sums over every axis but
     * the channels, comes from the same pass over {@code dy} where the kernel gradient reads it directly.
     */
    public static Tensor[] backwardKernelAndBias(ConvSpec spec, Tensor x, Tensor dy, boolean bias) {
        check("input", x.shape, spec.inputShape());
        check("output gradient", dy.shape, spec.outputShape());
        int[] shape = spec.kernelShape();
        float[] dw = new float[Shapes.size(shape)];
        float[] db = bias ? new float[spec.outChannels] : null;
        backwardKernel(spec, x.data, dy.data, dw, db);
        return new Tensor[] {new Tensor(dw, shape), bias ? new Tensor(db, new int[] {spec.outChannels}) : null};
    }

    private static void check(String what, int[] got, int[] expected) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalArgumentException("conv: " + what + " has shape " + Shapes.str(got) + ", expected " + Shapes.str(expected));
        }
    }

    // ------------------------------------------------------------------ array forms

    /** Forward pass into {@code y} (overwritten). */
    public static void forward(ConvSpec c, float[] x, float[] w, float[] y) {
        forward(c, x, w, null, y);
    }

    /** Forward pass plus {@code bias} (length {@code outChannels}, or null for none) into {@code y} (overwritten). */
    public static void forward(ConvSpec c, float[] x, float[] w, float[] bias, float[] y) {
        forward(ConvPlan.of(c, ConvPlan.Pass.FORWARD), x, w, bias, y);
    }

    /** {@link #forward(ConvSpec, float[], float[], float[], float[])} as {@code p} says. */
    static void forward(ConvPlan p, float[] x, float[] w, float[] bias, float[] y) {
        ConvSpec c = p.spec;
        switch (p.path) {
            case DEPTHWISE -> {
                ConvDepthwise.forward(c, x, w, y);
                if (bias != null) Elementwise.biasAdd(y, bias, false, y);
            }
            case DIRECT_POSITIONS -> ConvDirect.forwardPositions(p, x, w, bias, y);
            case DIRECT_PAIRS, DIRECT_LINES -> ConvDirect.forward(p, x, w, bias, y);
            case POINTWISE, PATCHES -> forwardProducts(p, x, w, bias, y);
            default -> throw new IllegalArgumentException("not a forward plan: " + p);
        }
    }

    /** The forward pass as products of patches (or, pointwise, of the input itself) with the kernel, in chunks of rows. */
    private static void forwardProducts(ConvPlan p, float[] x, float[] w, float[] bias, float[] y) {
        final ConvSpec c = p.spec;
        final int cout = c.outChannels;
        final boolean direct = p.path == ConvPlan.Path.POINTWISE;
        final ConvNarrowKernel narrow = p.narrow;
        final int chunk = p.chunkRows;
        Parallel.forRange(ceilDiv(c.rows, chunk), t -> {
            int r0 = t * chunk, r1 = Math.min(c.rows, r0 + chunk), rc = r1 - r0;
            // A 1×…×1 stride-1 convolution reads its patches straight from the input.
            float[] a = x;
            int base = r0 * c.cols;
            if (!direct) {
                a = ConvScratch.patches(rc * c.cols);
                base = 0;
                ConvPatches.im2col(c, x, r0, r1, a);
            }
            // With a bias, the rows start from it and the products add to them.
            boolean biased = bias != null;
            if (biased) fillRows(bias, y, r0 * cout, rc);
            for (int g = 0; g < c.groups; g++) {
                int yo = r0 * cout + g * c.coutG;
                if (narrow != null) {
                    narrow.multiply(rc, c.coutG, c.patch, a, base + g * c.patch, c.cols, 1, w, g * c.coutG, cout, biased, y, yo, cout);
                } else {
                    Gemm.sgemm(false, false, rc, c.coutG, c.patch, 1f, a, base + g * c.patch, c.cols, w, g * c.coutG, cout, biased ? 1f : 0f,
                            y, yo, cout);
                }
            }
        });
    }

    /** Input gradient into {@code dx} (overwritten). */
    public static void backwardInput(ConvSpec c, float[] dy, float[] w, float[] dx) {
        backwardInput(ConvPlan.of(c, ConvPlan.Pass.INPUT_GRADIENT), dy, w, dx);
    }

    /** {@link #backwardInput(ConvSpec, float[], float[], float[])} as {@code p} says. */
    static void backwardInput(ConvPlan p, float[] dy, float[] w, float[] dx) {
        final ConvSpec c = p.spec;
        final int cout = c.outChannels;
        switch (p.path) {
            case DEPTHWISE -> ConvDepthwise.backwardInput(c, dy, w, dx);
            case POINTWISE -> {
                for (int g = 0; g < c.groups; g++) {
                    Gemm.sgemm(false, true, c.rows, c.cinG, c.coutG, 1f, dy, g * c.coutG, cout, w, g * c.coutG, cout, 0f, dx, g * c.cinG, c.inChannels);
                }
            }
            case FLIPPED_FORWARD -> {
                // With stride 1 the input gradient is a forward convolution of dy with the flipped kernel: no scatter.
                float[] flipped = ConvScratch.kernel(w.length);
                flipKernel(c, w, flipped);
                forward(p.flipped, dy, flipped, null, dx);
            }
            case COL2IM -> {
                Arrays.fill(dx, 0f);
                final ConvNarrowKernel simd = p.narrow;
                final int chunk = p.chunkRows;
                final int perTask = imagesPerTask(c, chunk);
                Parallel.forRange(ceilDiv(c.batch, perTask), t -> {
                    int end = Math.min(c.batch, (t + 1) * perTask) * c.outSpatial;
                    for (int r0 = t * perTask * c.outSpatial; r0 < end; r0 += chunk) {
                        int r1 = Math.min(end, r0 + chunk);
                        float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
                        for (int g = 0; g < c.groups; g++) {
                            Gemm.sgemm(false, true, r1 - r0, c.patch, c.coutG, 1f, dy, r0 * cout + g * c.coutG, cout, w, g * c.coutG, cout,
                                    0f, cols, g * c.patch, c.cols);
                        }
                        ConvPatches.col2im(c, cols, r0, r1, dx, simd);
                    }
                });
            }
            default -> throw new IllegalArgumentException("not an input-gradient plan: " + p);
        }
    }

    /** Kernel gradient into {@code dw} (overwritten). */
    public static void backwardKernel(ConvSpec c, float[] x, float[] dy, float[] dw) {
        backwardKernel(c, x, dy, dw, null);
    }

    /** Kernel gradient into {@code dw} and, unless null, the bias gradient into {@code db} (both overwritten). */
    public static void backwardKernel(ConvSpec c, float[] x, float[] dy, float[] dw, float[] db) {
        backwardKernel(ConvPlan.of(c, ConvPlan.Pass.KERNEL_GRADIENT), x, dy, dw, db);
    }

    /** {@link #backwardKernel(ConvSpec, float[], float[], float[], float[])} as {@code p} says. */
    static void backwardKernel(ConvPlan plan, float[] x, float[] dy, float[] dw, float[] db) {
        final ConvSpec c = plan.spec;
        if (plan.path == ConvPlan.Path.DIRECT_LINES) {
            ConvDirect.backwardKernel(plan, x, dy, dw, db);
            return;
        }
        if (db != null) System.arraycopy(Reductions.columnSums(dy, c.outChannels), 0, db, 0, c.outChannels);
        if (plan.path == ConvPlan.Path.DEPTHWISE) {
            ConvDepthwise.backwardKernel(c, x, dy, dw);
            return;
        }
        if (plan.path != ConvPlan.Path.POINTWISE && plan.path != ConvPlan.Path.PATCHES) throw new IllegalArgumentException("not a kernel-gradient plan: " + plan);
        final int cout = c.outChannels;
        final boolean direct = plan.path == ConvPlan.Path.POINTWISE;
        final ConvNarrowKernel narrow = plan.narrow;
        // Without the narrow kernel, each task may accumulate dwᵀ = dyᵀ · cols (outChannels × patch), transposed at the end.
        final boolean transposed = narrow == null && plan.transposed;
        final int chunk = plan.chunkRows;
        final int chunks = ceilDiv(c.rows, chunk);
        final int tasks = Math.min(Parallel.threads(), chunks);
        final float[][] parts = transposed ? ConvScratch.partials(tasks, dw.length) : tasks > 1 ? ConvScratch.partials(tasks - 1, dw.length) : null;
        Parallel.forRange(tasks, t -> {
            float[] target = transposed ? parts[t] : t == 0 ? dw : parts[t - 1];
            int first = (int) ((long) chunks * t / tasks), last = (int) ((long) chunks * (t + 1) / tasks);
            for (int ch = first; ch < last; ch++) {
                int r0 = ch * chunk, r1 = Math.min(c.rows, r0 + chunk), rc = r1 - r0;
                float[] a = x;
                int base = r0 * c.cols;
                if (!direct) {
                    a = ConvScratch.patches(rc * c.cols);
                    base = 0;
                    ConvPatches.im2col(c, x, r0, r1, a);
                }
                boolean accumulate = ch != first;
                float beta = accumulate ? 1f : 0f;
                for (int g = 0; g < c.groups; g++) {
                    int ao = base + g * c.patch, yo = r0 * cout + g * c.coutG;
                    if (narrow != null) {
                        narrow.multiply(c.patch, c.coutG, rc, a, ao, 1, c.cols, dy, yo, cout, accumulate, target, g * c.coutG, cout);
                    } else if (transposed) {
                        Gemm.sgemm(true, false, c.coutG, c.patch, rc, 1f, dy, yo, cout, a, ao, c.cols, beta, target, g * c.coutG * c.patch, c.patch);
                    } else {
                        Gemm.sgemm(true, false, c.patch, c.coutG, rc, 1f, a, ao, c.cols, dy, yo, cout, beta, target, g * c.coutG, cout);
                    }
                }
            }
        });
        float[] sum = transposed ? parts[0] : dw;
        for (int p = transposed ? 1 : 0; p < (transposed ? tasks : tasks - 1); p++) {
            float[] part = parts[p];
            for (int i = 0; i < dw.length; i++) sum[i] += part[i];
        }
        if (transposed) transpose(sum, cout, c.patch, dw, 0);
    }

    /** {@code y[off + r·row.length + j] = row[j]} for {@code r < rows}: rows that start from the bias. */
    static void fillRows(float[] row, float[] y, int off, int rows) {
        for (int r = 0, n = row.length; r < rows; r++) System.arraycopy(row, 0, y, off + r * n, n);
    }

    /**
     * The kernel of {@link ConvSpec#inputGradientSpec()}: spatial taps reversed and the channel axes swapped within
     * each group, {@code flipped[K−1−t, o, g·cinG + c] = w[t, c, g·coutG + o]}.
     */
    static void flipKernel(ConvSpec c, float[] w, float[] flipped) {
        int taps = c.kSpatial, cin = c.inChannels, cout = c.outChannels;
        for (int t = 0; t < taps; t++) {
            int dst0 = (taps - 1 - t) * c.coutG * cin;
            for (int ci = 0; ci < c.cinG; ci++) {
                int src = (t * c.cinG + ci) * cout;
                for (int g = 0; g < c.groups; g++) {
                    for (int o = 0; o < c.coutG; o++) flipped[dst0 + o * cin + g * c.cinG + ci] = w[src + g * c.coutG + o];
                }
            }
        }
    }

    /** {@code dst[off + j·rows + i] = src[i·cols + j]}: a {@code rows × cols} matrix transposed into {@code dst}, in cache-sized tiles. */
    static void transpose(float[] src, int rows, int cols, float[] dst, int off) {
        final int tile = 16;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int j = j0; j < j1; j++) {
                    int d = off + j * rows;
                    for (int i = i0; i < i1; i++) dst[d + i] = src[i * cols + j];
                }
            }
        }
    }

    // ------------------------------------------------------------------ work partitioning

    /** Whole images per parallel task for the input gradient (tasks own disjoint images, so scatters never race). */
    static int imagesPerTask(ConvSpec c, int chunkRows) {
        int threads = Parallel.threads();
        if (threads == 1) return c.batch;
        int byChunk = Math.max(1, chunkRows / c.outSpatial);
        return Math.max(1, Math.min(byChunk, ceilDiv(c.batch, ConvTuning.TASKS_PER_THREAD * threads)));
    }

    private static int ceilDiv(int a, int b) {
        return ConvPlan.ceilDiv(a, b);
    }
}
