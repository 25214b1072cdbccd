package keras4j.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * Single-precision general matrix multiply (SGEMM) on row-major {@code float[]} storage.
 *
 * <p>{@link #sgemm} computes {@code C = alpha * op(A) * op(B) + beta * C} like BLAS, except that
 * every matrix is row-major: element {@code (i, j)} of a matrix stored at offset {@code off} with
 * leading dimension {@code ld} is {@code array[off + i * ld + j]}.
 *
 * <p><b>Kernels.</b> Large products use a packed, cache-blocked algorithm (Goto/BLIS style) with a
 * register-blocked micro-kernel. When the JVM was started with
 * {@code --add-modules jdk.incubator.vector} the micro-kernel is written with the Vector API
 * ({@link #kernelName()} is {@code "simd"}); otherwise a plain-Java kernel that HotSpot
 * auto-vectorises is used ({@code "scalar"}). The Vector API classes are loaded reflectively, so the
 * library works unchanged without the module. Both kernels give the same results up to float
 * rounding (summation order and fused multiply-adds differ). Products with
 * {@code m * n * k <= 4096} use a simple triple loop.
 *
 * <p><b>Threading.</b> Products with {@code m * n * k >= 64^3} run on {@link Parallel#threads()}
 * threads: each KC-deep slice of op(B) is packed once (in parallel), then blocks of rows of C,
 * cut into column ranges when there are few of them, are handed out dynamically through
 * {@link Parallel#forRange}. Smaller products, and calls made from inside a parallel loop, run on
 * the calling thread. Packing buffers are per thread and reused, so steady-state calls allocate
 * only a few small objects. The methods are thread-safe for distinct output arrays; C must not
 * overlap A or B.
 */
public final class Gemm {

    /** Products with at most this many multiply-adds use the triple loop. */
    static final long SMALL_WORK = 4096L;
    /** Products with fewer multiply-adds than this run on one thread. */
    static final long PARALLEL_WORK = 64L * 64L * 64L;

    private static final GemmKernel SCALAR = new ScalarGemm();
    private static final GemmKernel SIMD = loadSimd();
    private static volatile boolean forceScalar;

    private Gemm() {
    }

    private static GemmKernel loadSimd() {
        return VectorModule.load("keras4j.tensor.VectorGemm", GemmKernel.class);
    }

    /** The kernel used by the next call. */
    static GemmKernel kernel() {
        GemmKernel simd = SIMD;
        return simd != null && !forceScalar ? simd : SCALAR;
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}, all matrices row-major.
     *
     * <p>op(A) is {@code m x k}: without {@code transA}, A is stored {@code m x k} (element
     * {@code (i, p)} at {@code a[aOff + i * lda + p]}, {@code lda >= max(1, k)}); with
     * {@code transA}, A is stored {@code k x m} and used transposed (element {@code (i, p)} of op(A)
     * at {@code a[aOff + p * lda + i]}, {@code lda >= max(1, m)}). Likewise op(B) is {@code k x n},
     * B being stored {@code k x n} ({@code ldb >= max(1, n)}) or, with {@code transB},
     * {@code n x k} ({@code ldb >= max(1, k)}). C is {@code m x n} at {@code c[cOff + i * ldc + j]},
     * {@code ldc >= max(1, n)}.
     *
     * <p>When {@code beta == 0}, C is overwritten and its previous contents (even NaN) are
     * ignored. When {@code k == 0} or {@code alpha == 0}, A and B are not read and C is only scaled
     * by beta. Large products run on {@link Parallel#threads()} threads.
     *
     * @throws NullPointerException      if an array is null
     * @throws IllegalArgumentException  if a dimension is negative or a leading dimension too small
     * @throws IndexOutOfBoundsException if a matrix does not fit in its array
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension: m=" + m + ", n=" + n + ", k=" + k);
        }
        checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
        checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
        checkMatrix("C", c, cOff, ldc, m, n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        long work = (long) m * n * k;
        if (work <= SMALL_WORK) {
            tripleLoop(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        int threads = work < PARALLEL_WORK || Parallel.nested() ? 1 : Parallel.threads();
        kernel().gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, threads);
    }

    /**
     * {@code C = A * B} for contiguous row-major matrices at offset 0: A is {@code m x k}, B is
     * {@code k x n}, C is {@code m x n} and is overwritten.
     *
     * @throws IllegalArgumentException  if a dimension is negative
     * @throws IndexOutOfBoundsException if an array is too short for its matrix
     */
    public static void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        sgemm(false, false, m, n, k, 1f, a, 0, Math.max(1, k), b, 0, Math.max(1, n), 0f, c, 0, Math.max(1, n));
    }

    /**
     * Name of the kernel the next call will use: {@code "simd"} for the Vector API kernel,
     * {@code "scalar"} for the plain-Java one.
     */
    public static String kernelName() {
        return kernel().name();
    }

    /**
     * Forces the plain-Java kernel ({@code true}) or returns to the automatic choice
     * ({@code false}: the SIMD kernel when {@link #simdAvailable()}). Meant for benchmarks and tests;
     * affects all threads.
     */
    public static void forceScalar(boolean scalar) {
        forceScalar = scalar;
    }

    /** Whether the JVM resolved {@code jdk.incubator.vector} and the SIMD kernel loaded. */
    public static boolean simdAvailable() {
        return SIMD != null;
    }

    private static void checkMatrix(String name, float[] array, int off, int ld, int rows, int cols) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld + ", must be >= max(1, "
                    + cols + ")");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = (long) off + (long) (rows - 1) * ld + cols - 1;
        if (off < 0 || last >= array.length) {
            throw new IndexOutOfBoundsException(name + " (" + rows + " x " + cols + ", offset " + off
                    + ", leading dimension " + ld + ") does not fit in an array of length " + array.length);
        }
    }

    /** C = beta * C. */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, ci, ci + n, 0f);
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }

    /** Direct dot-product loops for tiny products, where packing would cost more than it saves. */
    private static void tripleLoop(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                   float beta, float[] c, int cOff, int ldc) {
        int aRow = transA ? 1 : lda;
        int aCol = transA ? lda : 1;
        int bRow = transB ? 1 : ldb;
        int bCol = transB ? ldb : 1;
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                int ai = aOff + i * aRow;
                int bi = bOff + j * bCol;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[ai] * b[bi];
                    ai += aCol;
                    bi += bRow;
                }
                c[ci + j] = beta == 0f ? alpha * s : alpha * s + beta * c[ci + j];
            }
        }
    }
}
