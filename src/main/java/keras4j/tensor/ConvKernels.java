package keras4j.tensor;

import java.util.Arrays;

/**
 * Convolution kernels of every rank (1, 2, 3) in channels-last layout, described by a {@link ConvSpec}:
 * the forward pass {@code y = x ⋆ w} (cross-correlation, as Keras computes it), the gradient with
 * respect to the input and the gradient with respect to the kernel.
 *
 * <p>Algorithm: the input is lowered to a patch matrix (im2col) of shape
 * {@code (batch·outSpatial, kSpatial·inChannels)} in chunks of rows small enough to stay in cache, each
 * chunk is multiplied with the kernel {@code (kSpatial·inChannels/groups, outChannels/groups)} by
 * {@link Gemm} once per group, and chunks run in parallel through {@link Parallel#forRange}. The input
 * gradient multiplies with the transposed kernel and scatters back (col2im), parallel over whole
 * images so no two threads write the same input element; the kernel gradient sums per-thread partial
 * products. A 1×…×1 convolution with stride 1 and no padding is a single matrix product without
 * patches, and depthwise convolutions (one input channel per group) use a direct loop
 * ({@link ConvDepthwise}). Patch buffers are per thread and reused across calls.
 *
 * <p>The {@code float[]} methods write their output argument and modify nothing else; arrays are
 * row-major in the shapes of the spec.
 */
public final class ConvKernels {
    private ConvKernels() {}

    /** Target number of patch-matrix floats per chunk (1 MiB), so a chunk stays in the L2 cache. */
    static final int PATCH_BUDGET = 1 << 18;
    /** Chunks never have fewer rows than this, so the matrix products stay efficient for large patches. */
    static final int MIN_CHUNK_ROWS = 32;
    /** Chunks never have more rows than this, so work splits into enough pieces to balance threads. */
    static final int MAX_CHUNK_ROWS = 2048;

    // ------------------------------------------------------------------ tensor forms

    /** {@code y[b, o, f] = Σ_{k, c} x[b, o·s + k·d − pad, c] · w[k, c, f]} over each group's channels; x is {@code spec.inputShape()}. */
    public static Tensor forward(ConvSpec spec, Tensor x, Tensor w) {
        check("input", x.shape, spec.inputShape());
        check("kernel", w.shape, spec.kernelShape());
        int[] shape = spec.outputShape();
        float[] y = new float[Shapes.size(shape)];
        forward(spec, x.data, w.data, y);
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
        check("input", x.shape, spec.inputShape());
        check("output gradient", dy.shape, spec.outputShape());
        int[] shape = spec.kernelShape();
        float[] dw = new float[Shapes.size(shape)];
        backwardKernel(spec, x.data, dy.data, dw);
        return new Tensor(dw, shape);
    }

    private static void check(String what, int[] got, int[] expected) {
        if (!Arrays.equals(got, expected)) {
            throw new IllegalArgumentException("conv: " + what + " has shape " + Shapes.str(got) + ", expected " + Shapes.str(expected));
        }
    }

    // ------------------------------------------------------------------ array forms

    /** Forward pass into {@code y} (overwritten). */
    public static void forward(ConvSpec c, float[] x, float[] w, float[] y) {
        if (c.isDepthwise()) {
            ConvDepthwise.forward(c, x, w, y);
            return;
        }
        final int cout = c.outChannels;
        if (c.isPointwise()) {
            for (int g = 0; g < c.groups; g++) {
                Gemm.sgemm(false, false, c.rows, c.coutG, c.cinG, 1f, x, g * c.cinG, c.inChannels, w, g * c.coutG, cout, 0f, y, g * c.coutG, cout);
            }
            return;
        }
        final int chunk = chunkRows(c);
        int chunks = ceilDiv(c.rows, chunk);
        Parallel.forRange(chunks, t -> {
            int r0 = t * chunk, r1 = Math.min(c.rows, r0 + chunk);
            float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
            ConvPatches.im2col(c, x, r0, r1, cols);
            for (int g = 0; g < c.groups; g++) {
                Gemm.sgemm(false, false, r1 - r0, c.coutG, c.patch, 1f, cols, g * c.patch, c.cols, w, g * c.coutG, cout,
                        0f, y, r0 * cout + g * c.coutG, cout);
            }
        });
    }

    /** Input gradient into {@code dx} (overwritten). */
    public static void backwardInput(ConvSpec c, float[] dy, float[] w, float[] dx) {
        if (c.isDepthwise()) {
            ConvDepthwise.backwardInput(c, dy, w, dx);
            return;
        }
        final int cout = c.outChannels;
        if (c.isPointwise()) {
            for (int g = 0; g < c.groups; g++) {
                Gemm.sgemm(false, true, c.rows, c.cinG, c.coutG, 1f, dy, g * c.coutG, cout, w, g * c.coutG, cout, 0f, dx, g * c.cinG, c.inChannels);
            }
            return;
        }
        Arrays.fill(dx, 0f);
        final int chunk = chunkRows(c);
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
                ConvPatches.col2im(c, cols, r0, r1, dx);
            }
        });
    }

    /** Kernel gradient into {@code dw} (overwritten). */
    public static void backwardKernel(ConvSpec c, float[] x, float[] dy, float[] dw) {
        if (c.isDepthwise()) {
            ConvDepthwise.backwardKernel(c, x, dy, dw);
            return;
        }
        final int cout = c.outChannels;
        if (c.isPointwise()) {
            for (int g = 0; g < c.groups; g++) {
                Gemm.sgemm(true, false, c.cinG, c.coutG, c.rows, 1f, x, g * c.cinG, c.inChannels, dy, g * c.coutG, cout, 0f, dw, g * c.coutG, cout);
            }
            return;
        }
        final int chunk = chunkRows(c);
        final int chunks = ceilDiv(c.rows, chunk);
        final int tasks = Math.min(Parallel.threads(), chunks);
        final float[][] parts = tasks > 1 ? ConvScratch.partials(tasks - 1, dw.length) : null;
        Parallel.forRange(tasks, t -> {
            float[] target = t == 0 ? dw : parts[t - 1];
            int first = (int) ((long) chunks * t / tasks), last = (int) ((long) chunks * (t + 1) / tasks);
            for (int ch = first; ch < last; ch++) {
                int r0 = ch * chunk, r1 = Math.min(c.rows, r0 + chunk);
                float[] cols = ConvScratch.patches((r1 - r0) * c.cols);
                ConvPatches.im2col(c, x, r0, r1, cols);
                float beta = ch == first ? 0f : 1f;
                for (int g = 0; g < c.groups; g++) {
                    Gemm.sgemm(true, false, c.patch, c.coutG, r1 - r0, 1f, cols, g * c.patch, c.cols, dy, r0 * cout + g * c.coutG, cout,
                            beta, target, g * c.coutG, cout);
                }
            }
        });
        for (int p = 0; p < tasks - 1; p++) {
            float[] part = parts[p];
            for (int i = 0; i < dw.length; i++) dw[i] += part[i];
        }
    }

    // ------------------------------------------------------------------ work partitioning

    /** Rows per chunk: about {@link #PATCH_BUDGET} floats of patches, and at least four chunks per thread when the problem allows. */
    static int chunkRows(ConvSpec c) {
        int rows = Math.max(MIN_CHUNK_ROWS, Math.min(MAX_CHUNK_ROWS, PATCH_BUDGET / Math.max(1, c.cols)));
        int threads = Parallel.threads();
        if (threads > 1) {
            int balanced = ceilDiv(c.rows, 4 * threads);
            if (balanced >= MIN_CHUNK_ROWS) rows = Math.min(rows, balanced);
        }
        return Math.max(1, Math.min(rows, c.rows));
    }

    /** Whole images per parallel task for the input gradient (tasks own disjoint images, so scatters never race). */
    static int imagesPerTask(ConvSpec c, int chunkRows) {
        int threads = Parallel.threads();
        if (threads == 1) return c.batch;
        int byChunk = Math.max(1, chunkRows / c.outSpatial);
        return Math.max(1, Math.min(byChunk, ceilDiv(c.batch, 4 * threads)));
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
