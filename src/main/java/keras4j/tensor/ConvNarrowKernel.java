package keras4j.tensor;

/**
 * A matrix product whose result has few columns (at most {@link #maxColumns()}, e.g. a convolution's
 * output channels), computed with a whole block of result rows in registers: {@link Gemm}'s
 * micro-tile is wider than 16 or 32 columns and would leave most of its lanes idle there.
 *
 * <p>A is read in place through strides and the reduction may be split into segments, each with its
 * own offsets into A and B, so a convolution can read its windows straight from the input (one segment
 * per run of kernel taps) and {@code colsᵀ · dy} needs no packing.
 */
interface ConvNarrowKernel {

    /** The widest result this kernel computes. */
    int maxColumns();

    /** Floats per vector register: results whose width is a multiple of it fill every lane. */
    int vectorLength();

    /**
     * {@code C[i, j] (+)= Σ_s Σ_{p < segLen[s]} A(i, s, p) · B(s, p, j)} for {@code i < m}, {@code j < n}, where
     * {@code A(i, s, p) = a[aOff + i·rowStride + segA[s] + p·colStride]},
     * {@code B(s, p, j) = b[bOff + segB[s] + p·ldb + j]} and {@code C[i, j] = c[cOff + i·ldc + j]}. C is
     * overwritten unless {@code accumulate}. Requires {@code 1 <= n <= maxColumns()}; segments may be empty.
     */
    void multiply(int m, int n, float[] a, int aOff, int rowStride, int colStride, int[] segA, int[] segB, int[] segLen, int segs,
                  float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int ldc);

    /**
     * The forward product for results of at most {@code vectorLength() / 2} columns, on channel pairs so no lane idles:
     * {@code C[i, j] = Σ_s Σ_{p < segLen[s]} Σ_{e ∈ {0,1}} A(i, s, p, e) · B(s, p, e, j)}, where {@code a} holds pairs of
     * floats packed by {@link #packPairs} ({@code A(i, s, p, e)} is float {@code e} of {@code a[i·rowStride + segA[s] + p]})
     * and {@code b2} holds B interleaved: {@code B(s, p, e, j) = b2[segB[s] + p·vectorLength() + 2j + e]}, zero beyond
     * {@code 2n}. C is overwritten unless {@code accumulate}. Requires {@code 1 <= n <= vectorLength() / 2} and {@code m >= 8}.
     */
    void multiplyPairs(int m, int n, long[] a, int rowStride, int[] segA, int[] segB, int[] segLen, int segs, float[] b2,
                       boolean accumulate, float[] c, int cOff, int ldc);

    /** Result rows per channel-pair block; {@link #multiplyPairs} needs at least this many. */
    int PAIR_ROWS = 8;

    /**
     * Output positions per {@link #positionBlock} (two vectors), or 0 when this kernel has no position blocks
     * (they need 32 vector registers).
     */
    int positionWidth();

    /** Filters per {@link #positionBlock}. */
    int POSITION_FILTERS = 8;

    /**
     * One block of a convolution computed with output positions along the vector lanes: for {@code p < positionWidth()}
     * and {@code f < POSITION_FILTERS}, {@code out[f·positionWidth() + p] = Σ_{st < k} x[xOff + stepX[st] + p] · w[wOff + stepW[st] + f]}.
     * The input is channels-first ({@code x} holds each channel's run of positions), the weights are scalars.
     */
    void positionBlock(float[] x, int xOff, int[] stepX, float[] w, int wOff, int[] stepW, int k, float[] out);

    /** {@code dst[d + i] = } floats {@code src[s + 2i]} (low half) and {@code src[s + 2i + 1]} (high half) for {@code i < n / 2}; {@code n} even. */
    void packPairs(float[] src, int s, long[] dst, int d, int n);

    /** {@code dst[d..d+n) += src[s..s+n)} with whole vectors (col2im's runs are too short for the JIT's own vectorisation). */
    void add(float[] src, int s, float[] dst, int d, int n);

    /** The single-segment product: {@code C (+)= A · B} with {@code A(i, p) = a[aOff + i·rowStride + p·colStride]}, {@code p < k}. */
    default void multiply(int m, int n, int k, float[] a, int aOff, int rowStride, int colStride, float[] b, int bOff, int ldb,
                          boolean accumulate, float[] c, int cOff, int ldc) {
        multiply(m, n, a, aOff, rowStride, colStride, ConvScratch.ZERO, ConvScratch.ZERO, ConvScratch.length(k), 1, b, bOff, ldb, accumulate, c, cOff, ldc);
    }
}
