package keras4j.tensor;

/**
 * A single-threaded SGEMM implementation used by {@link Gemm}. Implementations keep their packing
 * buffers per thread, so one instance may be called from several threads at once.
 */
interface GemmKernel {

    /** Short name reported by {@link Gemm#kernelName()}. */
    String name();

    /** Row granularity of the kernel (micro-tile height); {@link Gemm} aligns row splits to it. */
    int mr();

    /** Column granularity of the kernel (micro-tile width); {@link Gemm} aligns column splits to it. */
    int nr();

    /**
     * C = alpha * op(A) * op(B) + beta * C on the calling thread, with the conventions of
     * {@link Gemm#sgemm}. The caller has validated the arguments and guarantees
     * {@code m, n, k >= 1}; when {@code beta == 0} C is only written.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** Splits {@code len} into equal blocks of at most {@code max}, rounded up to {@code align}. */
    static int balancedStep(int len, int max, int align) {
        int blocks = (len + max - 1) / max;
        return Math.min(max, roundUp((len + blocks - 1) / blocks, align));
    }

    /** {@code x} rounded up to a multiple of {@code align}. */
    static int roundUp(int x, int align) {
        return (x + align - 1) / align * align;
    }
}
