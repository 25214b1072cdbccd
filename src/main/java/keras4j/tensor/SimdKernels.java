package keras4j.tensor;

/**
 * Element-wise kernels whose plain-Java loops C2 cannot vectorise in JDK 17 (selects on comparisons and
 * bit patterns). {@link #get()} returns the Vector API implementation when the JVM resolved
 * {@code jdk.incubator.vector}, else null, and callers keep their scalar loop as the fallback, so both give
 * identical results.
 */
interface SimdKernels {

    /**
     * The maximum ({@link Math#max} semantics: NaN wins) of one max-pooling window on {@code channels} channels:
     * {@code y[o + c] = max over e in [from, to) of x[inBase + offset[e] + c]}, {@code from < to}.
     */
    void maxPoolWindow(float[] x, int inBase, int[] offset, int from, int to, float[] y, int o, int channels);

    /**
     * The gradient routed through one max-pooling window on {@code channels} channels: for every channel, the
     * first window element (offsets {@code offset[from..to)} from {@code inBase}, in order) whose bits equal the
     * window's maximum {@code y[o + c]} receives {@code g[o + c]}, added into {@code gx}.
     */
    void maxPoolRoute(float[] x, int inBase, int[] offset, int from, int to, float[] y, float[] g, int o, int channels, float[] gx);

    /** {@code out[i] = y[i] > 0 ? g[i] : +0} for {@code i} in {@code [from, to)}. */
    void reluGrad(float[] g, float[] y, float[] out, int from, int to);

    /**
     * Adam without AMSGrad on whole vectors of {@code [from, to)}, the same float operations in the same order as
     * {@link OptimizerKernels#adam} (no fused multiply-add), so the results are identical; returns the index where
     * the scalar loop takes over.
     */
    int adam(float[] w, float[] g, float[] m, float[] v, float alpha, float oneMinusB1, float oneMinusB2, float eps, int from, int to);

    /** The Vector API implementation, or null when the module is absent or test code disabled it. */
    static SimdKernels get() {
        return Holder.disabled ? null : Holder.INSTANCE;
    }

    /** Test hook: true makes {@link #get()} return null so the scalar loops run. */
    static void disable(boolean off) {
        Holder.disabled = off;
    }

    /** Lazily loads the implementation. */
    final class Holder {
        private Holder() {}

        static volatile boolean disabled;
        static final SimdKernels INSTANCE = load();

        private static SimdKernels load() {
            return VectorModule.load("keras4j.tensor.VectorSimdKernels", SimdKernels.class);
        }
    }
}
