package keras4j.tensor;

/**
 * An SGEMM implementation used by {@link Gemm}. Implementations keep their packing buffers per
 * thread, so one instance may be called from several threads at once.
 *
 * <p>Parallel implementations pack each slice of op(B) once into the calling thread's buffer and
 * then hand out (row block, column range) tasks through {@link Parallel#forRange}; every task packs
 * its own block of op(A). Claiming the tasks dynamically keeps both cores busy even when one of
 * them is slowed down by other work.
 */
interface GemmKernel {

    /** Tasks per thread aimed for when a block is split, so that uneven progress evens out. */
    int TASKS_PER_THREAD = 4;

    /** Packed B slices with fewer floats than this are packed by the calling thread alone. */
    int PARALLEL_PACK = 1 << 16;

    /** Short name reported by {@link Gemm#kernelName()}. */
    String name();

    /** Micro-tile height: rows of C one kernel step updates (a layout hint for callers). */
    int mr();

    /** Micro-tile width: columns of C one kernel step updates (a layout hint for callers). */
    int nr();

    /**
     * C = alpha * op(A) * op(B) + beta * C with the conventions of {@link Gemm#sgemm}, using up to
     * {@code threads} threads (1: the calling thread only). The caller has validated the
     * arguments and guarantees {@code m, n, k >= 1}; when {@code beta == 0} C is only written.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc, int threads);

    /** Splits {@code len} into equal blocks of at most {@code max}, rounded up to {@code align}. */
    static int balancedStep(int len, int max, int align) {
        int blocks = (len + max - 1) / max;
        return Math.min(max, roundUp((len + blocks - 1) / blocks, align));
    }

    /** {@code x} rounded up to a multiple of {@code align}. */
    static int roundUp(int x, int align) {
        return (x + align - 1) / align * align;
    }

    /**
     * Into how many column ranges (of whole panels) to cut each of {@code rowBlocks} row blocks so
     * that there are about {@link #TASKS_PER_THREAD} tasks per thread; 1 when single-threaded.
     */
    static int pieces(int rowBlocks, int panels, int threads) {
        if (threads <= 1) {
            return 1;
        }
        int want = TASKS_PER_THREAD * threads;
        return Math.max(1, Math.min(panels, (want + rowBlocks - 1) / rowBlocks));
    }
}
