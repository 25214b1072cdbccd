package keras4j.tensor;

import java.util.Arrays;

/**
 * Max and average pooling over 1, 2 or 3 spatial axes, forward and backward, on channels_last tensors
 * {@code (batch, *spatial, channels)}. Every rank runs through one 3-D window loop (missing spatial axes have
 * size 1, window 1, stride 1); work is spread over the batch with {@link Parallel#forRange}.
 *
 * <p>Padding follows Keras/TensorFlow: {@code same} pads {@code P = max((out-1)·s + k - L, 0)} with
 * {@code floor(P/2)} before and the rest after; padded positions never win a max and are left out of an
 * average's divisor.
 */
public final class PoolKernels {
    private PoolKernels() {}

    /** Output length of one spatial axis: {@code floor((L-k)/s)+1} for valid, {@code ceil(L/s)} for same. */
    public static int outputLength(int length, int pool, int stride, boolean same) {
        if (same) return length <= 0 ? 0 : (length - 1) / stride + 1;
        int n = length - pool;
        return n < 0 ? 0 : n / stride + 1;
    }

    /** Padding before the first element of one axis ({@code floor(P/2)}). */
    public static int padBefore(int length, int pool, int stride, boolean same) {
        if (!same) return 0;
        int out = outputLength(length, pool, stride, true);
        int total = Math.max((out - 1) * stride + pool - length, 0);
        return total / 2;
    }

    /** The window geometry of one call, promoted to three spatial axes. */
    private static final class Geometry {
        final int batch, channels;
        final int[] in = new int[3], k = new int[3], s = new int[3], out = new int[3], pad = new int[3];
        final int[] outShape;

        Geometry(int[] shape, int[] pool, int[] strides, boolean same, String op) {
            int n = shape.length - 2;
            if (n < 1 || n > 3) throw new IllegalArgumentException(op + ": expected a tensor of rank 3 to 5 (batch, spatial..., channels), got shape " + Shapes.str(shape));
            if (pool.length != n || strides.length != n) {
                throw new IllegalArgumentException(op + ": pool_size " + Arrays.toString(pool) + " and strides " + Arrays.toString(strides) + " must have " + n + " entries for shape " + Shapes.str(shape));
            }
            batch = shape[0];
            channels = shape[shape.length - 1];
            outShape = shape.clone();
            int off = 3 - n;
            for (int i = 0; i < 3; i++) { in[i] = 1; k[i] = 1; s[i] = 1; out[i] = 1; }
            for (int i = 0; i < n; i++) {
                if (pool[i] <= 0 || strides[i] <= 0) throw new IllegalArgumentException(op + ": pool_size and strides must be positive. Received: pool_size=" + Arrays.toString(pool) + ", strides=" + Arrays.toString(strides));
                int L = shape[i + 1];
                int o = outputLength(L, pool[i], strides[i], same);
                if (o <= 0) {
                    throw new IllegalArgumentException(op + ": computed output size would be negative or zero. Received: inputs.shape=" + Shapes.str(shape) + " and pool_size=" + Arrays.toString(pool));
                }
                in[off + i] = L;
                k[off + i] = pool[i];
                s[off + i] = strides[i];
                out[off + i] = o;
                pad[off + i] = padBefore(L, pool[i], strides[i], same);
                outShape[i + 1] = o;
            }
        }

        int inPerBatch() {
            return in[0] * in[1] * in[2] * channels;
        }

        int outPerBatch() {
            return out[0] * out[1] * out[2] * channels;
        }
    }

    /**
     * Max pooling of a channels_last tensor. A window's NaN wins its maximum. Branch-free: the running maximum is
     * {@link Math#max}, which C2 vectorises along the channels.
     */
    public static Tensor maxPool(Tensor x, int[] pool, int[] strides, boolean same) {
        Geometry g = new Geometry(x.shape, pool, strides, same, "max_pool");
        Windows win = new Windows(g);
        float[] xd = x.data;
        float[] od = new float[g.batch * g.outPerBatch()];
        int C = g.channels;
        SimdKernels simd = SimdKernels.get();
        Parallel.forRange(g.batch, b -> {
            int inBase = b * g.inPerBatch();
            for (int p = 0, o = b * g.outPerBatch(); p < win.count; p++, o += C) {
                if (simd != null) {
                    simd.maxPoolWindow(xd, inBase, win.offset, win.start[p], win.start[p + 1], od, o, C);
                    continue;
                }
                maxWindow(xd, inBase, win.offset, win.start[p], win.start[p + 1], od, o, 0, C);
            }
        });
        return new Tensor(od, g.outShape);
    }

    /**
     * Gradient of {@link #maxPool}: each output gradient goes to the first element of its window (in row-major
     * order) that holds the window's maximum {@code y}; overlapping windows add up. Branch-free: the element is
     * found by comparing bit patterns, with a per-channel "already routed" mask.
     */
    public static Tensor maxPoolBackward(Tensor x, Tensor y, int[] pool, int[] strides, boolean same, Tensor outputGradient) {
        Geometry g = new Geometry(x.shape, pool, strides, same, "max_pool_backward");
        if (!Arrays.equals(g.outShape, outputGradient.shape) || !Arrays.equals(g.outShape, y.shape)) {
            throw new IllegalArgumentException("max_pool_backward: output " + Shapes.str(y.shape) + " and gradient " + Shapes.str(outputGradient.shape)
                    + " must both have the pooled shape " + Shapes.str(g.outShape));
        }
        Windows win = new Windows(g);
        float[] xd = x.data, yd = y.data, gd = outputGradient.data;
        float[] gx = new float[xd.length];
        int C = g.channels;
        SimdKernels simd = SimdKernels.get();
        Parallel.forRange(g.batch, b -> {
            int inBase = b * g.inPerBatch();
            for (int p = 0, o = b * g.outPerBatch(); p < win.count; p++, o += C) {
                if (simd != null) simd.maxPoolRoute(xd, inBase, win.offset, win.start[p], win.start[p + 1], yd, gd, o, C, gx);
                else routeWindow(xd, inBase, win.offset, win.start[p], win.start[p + 1], yd, gd, o, 0, C, gx);
            }
        });
        return new Tensor(gx, x.shape.clone());
    }

    /**
     * The scalar maximum of one window on channels {@code [c0, c1)}: {@code y[o + c] = max over e in [from, to)
     * of x[inBase + offset[e] + c]} ({@link Math#max}: NaN wins), {@code from < to}. Loops run along the channels.
     */
    static void maxWindow(float[] x, int inBase, int[] offset, int from, int to, float[] y, int o, int c0, int c1) {
        System.arraycopy(x, inBase + offset[from] + c0, y, o + c0, c1 - c0);
        for (int e = from + 1; e < to; e++) {
            int i = inBase + offset[e];
            for (int c = c0; c < c1; c++) y[o + c] = Math.max(y[o + c], x[i + c]);
        }
    }

    /**
     * The scalar gradient routing of one window on channels {@code [c0, c1)}: the first element whose bits equal
     * the maximum {@code y[o + c]} gets {@code g[o + c]} added into {@code gx}. Branch-free: a comparison of
     * bit patterns and an "already routed" mask.
     */
    static void routeWindow(float[] x, int inBase, int[] offset, int from, int to, float[] y, float[] g, int o, int c0, int c1, float[] gx) {
        for (int c = c0; c < c1; c++) {
            int max = Float.floatToRawIntBits(y[o + c]), grad = Float.floatToRawIntBits(g[o + c]), routed = 0;
            for (int e = from; e < to; e++) {
                int i = inBase + offset[e] + c;
                int diff = Float.floatToRawIntBits(x[i]) ^ max;
                int hit = ~((diff | -diff) >> 31) & ~routed;
                gx[i] += Float.intBitsToFloat(grad & hit);
                routed |= hit;
            }
        }
    }

    /**
     * The valid elements of every window of one batch item, in row-major order, as offsets from the item's first
     * input element: window {@code p} owns {@code offset[start[p] .. start[p + 1])}. The same for every item.
     */
    private static final class Windows {
        final int count;
        final int[] start;
        final int[] offset;

        Windows(Geometry g) {
            int C = g.channels;
            count = g.out[0] * g.out[1] * g.out[2];
            start = new int[count + 1];
            offset = new int[count * g.k[0] * g.k[1] * g.k[2]];
            int p = 0, n = 0;
            for (int pd = 0; pd < g.out[0]; pd++) {
                int d0 = pd * g.s[0] - g.pad[0], d1 = Math.min(d0 + g.k[0], g.in[0]);
                for (int ph = 0; ph < g.out[1]; ph++) {
                    int h0 = ph * g.s[1] - g.pad[1], h1 = Math.min(h0 + g.k[1], g.in[1]);
                    for (int pw = 0; pw < g.out[2]; pw++) {
                        int w0 = pw * g.s[2] - g.pad[2], w1 = Math.min(w0 + g.k[2], g.in[2]);
                        start[p++] = n;
                        for (int d = Math.max(d0, 0); d < d1; d++) {
                            for (int h = Math.max(h0, 0); h < h1; h++) {
                                for (int w = Math.max(w0, 0); w < w1; w++) offset[n++] = ((d * g.in[1] + h) * g.in[2] + w) * C;
                            }
                        }
                    }
                }
            }
            start[count] = n;
        }

        /** The number of elements in window {@code p}. */
        int size(int p) {
            return start[p + 1] - start[p];
        }
    }

    /** Average pooling of a channels_last tensor, dividing by the number of non-padded elements in each window. */
    public static Tensor averagePool(Tensor x, int[] pool, int[] strides, boolean same) {
        Geometry g = new Geometry(x.shape, pool, strides, same, "average_pool");
        Windows win = new Windows(g);
        float[] xd = x.data;
        float[] od = new float[g.batch * g.outPerBatch()];
        int C = g.channels;
        Parallel.forRange(g.batch, b -> {
            int inBase = b * g.inPerBatch();
            for (int p = 0, o = b * g.outPerBatch(); p < win.count; p++, o += C) {
                for (int e = win.start[p]; e < win.start[p + 1]; e++) {
                    int i = inBase + win.offset[e];
                    for (int c = 0; c < C; c++) od[o + c] += xd[i + c];
                }
                float inv = 1f / win.size(p);
                for (int c = 0; c < C; c++) od[o + c] *= inv;
            }
        });
        return new Tensor(od, g.outShape);
    }

    /** Gradient of average pooling: each output gradient is spread evenly over its window's valid elements. */
    public static Tensor averagePoolBackward(int[] inputShape, int[] pool, int[] strides, boolean same, Tensor outputGradient) {
        Geometry g = new Geometry(inputShape, pool, strides, same, "average_pool_backward");
        if (!Arrays.equals(g.outShape, outputGradient.shape)) {
            throw new IllegalArgumentException("average_pool_backward: gradient of shape " + Shapes.str(outputGradient.shape) + " does not match output shape " + Shapes.str(g.outShape));
        }
        Windows win = new Windows(g);
        float[] gd = outputGradient.data;
        float[] gx = new float[Shapes.size(inputShape)];
        int C = g.channels;
        Parallel.forRange(g.batch, b -> {
            int inBase = b * g.inPerBatch();
            for (int p = 0, o = b * g.outPerBatch(); p < win.count; p++, o += C) {
                float inv = 1f / win.size(p);
                for (int e = win.start[p]; e < win.start[p + 1]; e++) {
                    int i = inBase + win.offset[e];
                    for (int c = 0; c < C; c++) gx[i + c] += gd[o + c] * inv;
                }
            }
        });
        return new Tensor(gx, inputShape.clone());
    }
}
