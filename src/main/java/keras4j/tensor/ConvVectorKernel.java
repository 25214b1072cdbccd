package keras4j.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvNarrowKernel} on the incubating Vector API. Results of one vector per row are computed 12 rows
 * at a time (12 accumulators, then 8- and 4-row blocks for the tail); of two vectors 8 rows at a time with 32
 * vector registers (AVX-512), else 6 (then 3); of three or four vectors (only with 32 vector registers) 3 rows at
 * a time; results of at most half a vector on channel pairs ({@link #multiplyPairs}), 8 rows at a time. Every
 * reduction step loads one row of B and broadcasts one A value per row. When {@code n} is not a whole number of vectors,
 * B is copied into a zero-padded buffer and blocks of C go through a small buffer, so the loops carry no masks.
 *
 * <p>Only loaded (reflectively, by {@link ConvKernels}) when the JVM resolves {@code jdk.incubator.vector}.
 */
final class ConvVectorKernel implements ConvNarrowKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Longs in a vector of the same size: a broadcast long is a pair of floats repeated across the vector. */
    private static final VectorSpecies<Long> SL = VectorSpecies.of(long.class, S.vectorShape());
    private static final int VL = S.length();
    /** Vectors per result row: up to 4 with 32 registers (512-bit vectors), else 2. */
    private static final int MAX_VECTORS = VL >= 16 ? 4 : 2;

    /**
     * Per-thread padded copies of B and of a block of C, the segment offsets into the padded B, and the A and B
     * offsets of every reduction step (the segments flattened into one loop, which keeps the accumulators in registers).
     */
    private static final class Buffers {
        float[] b = new float[0];
        final float[] c = new float[24 * MAX_VECTORS * VL];
        int[] segB = new int[0];
        int[] stepA = new int[0];
        int[] stepB = new int[0];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    ConvVectorKernel() {
        if (VL < 4) throw new UnsupportedOperationException("preferred float vector has only " + VL + " lanes");
    }

    @Override
    public int maxColumns() {
        return MAX_VECTORS * VL;
    }

    @Override
    public int vectorLength() {
        return VL;
    }

    @Override
    public void multiply(int m, int n, float[] a, int aOff, int rowStride, int colStride, int[] segA, int[] segB, int[] segLen, int segs,
                         float[] b, int bOff, int ldb, boolean accumulate, float[] c, int cOff, int ldc) {
        int nv = n <= VL ? 1 : n <= 2 * VL ? 2 : 4;
        int width = nv * VL;
        Buffers buf = null;
        if (n != width) {
            // Pad B to whole vectors so every load is full; blocks of C go through buf.c.
            buf = BUFFERS.get();
            int total = 0;
            for (int s = 0; s < segs; s++) total += segLen[s];
            if (buf.b.length < total * width) buf.b = new float[total * width];
            if (buf.segB.length < segs) buf.segB = new int[segs];
            for (int s = 0, row = 0; s < segs; s++) {
                buf.segB[s] = row * width;
                for (int p = 0; p < segLen[s]; p++, row++) {
                    System.arraycopy(b, bOff + segB[s] + p * ldb, buf.b, row * width, n);
                    Arrays.fill(buf.b, row * width + n, (row + 1) * width, 0f);
                }
            }
            b = buf.b;
            bOff = 0;
            ldb = width;
            segB = buf.segB;
        }
        if (buf == null) buf = BUFFERS.get();
        int k = 0;
        for (int s = 0; s < segs; s++) k += segLen[s];
        if (buf.stepA.length < k) {
            buf.stepA = new int[k];
            buf.stepB = new int[k];
        }
        int[] stepA = buf.stepA, stepB = buf.stepB;
        for (int s = 0, q = 0; s < segs; s++) {
            for (int p = 0; p < segLen[s]; p++, q++) {
                stepA[q] = segA[s] + p * colStride;
                stepB[q] = bOff + segB[s] + p * ldb;
            }
        }
        boolean padded = n != width;
        int mr = nv == 1 ? 12 : MAX_VECTORS == 4 ? 24 : 6;
        // Row blocks of mr go through the buffer when padded; mr is a multiple of every block height. The blocks
        // always start from C's values (zeroed here when overwriting): a conditional start would merge two vector
        // sources into the loop, which C2 does not always keep in registers.
        for (int i = 0; i < m; i += mr) {
            int rows = Math.min(mr, m - i);
            int ai = aOff + i * rowStride;
            float[] t = c;
            int to = cOff + i * ldc, tl = ldc;
            if (!padded && !accumulate) {
                for (int r = 0; r < rows; r++) Arrays.fill(c, to + r * ldc, to + r * ldc + n, 0f);
            }
            if (padded) {
                t = buf.c;
                to = 0;
                tl = width;
                for (int r = 0; r < rows; r++) {
                    if (accumulate) System.arraycopy(c, cOff + (i + r) * ldc, t, r * width, n);
                    Arrays.fill(t, r * width + (accumulate ? n : 0), (r + 1) * width, 0f);
                }
            }
            int j = 0;
            if (nv == 1) {
                if (rowStride == 1) {
                    for (; j + 12 <= rows; j += 12) block12Adjacent(a, ai + j, stepA, stepB, k, b, t, to + j * tl, tl);
                }
                for (; j + 12 <= rows; j += 12) block12(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
                if (j + 8 <= rows) {
                    block8(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
                    j += 8;
                }
                for (; j + 4 <= rows; j += 4) block4(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
            } else if (nv == 2) {
                if (MAX_VECTORS == 4 && rowStride == 1) {
                    for (; j + 8 <= rows; j += 8) block8x2Adjacent(a, ai + j, stepA, stepB, k, b, t, to + j * tl, tl);
                } else if (MAX_VECTORS == 4) {
                    for (; j + 8 <= rows; j += 8) block8x2(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
                }
                for (; j + 6 <= rows; j += 6) block6x2(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
                for (; j + 3 <= rows; j += 3) block3x2(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
            } else {
                for (; j + 3 <= rows; j += 3) block3x4(a, ai + j * rowStride, rowStride, stepA, stepB, k, b, t, to + j * tl, tl);
            }
            for (; j < rows; j++) row(nv, a, ai + j * rowStride, stepA, stepB, k, b, t, to + j * tl);
            if (padded) {
                for (int r = 0; r < rows; r++) System.arraycopy(t, r * width, c, cOff + (i + r) * ldc, n);
            }
        }
    }

    @Override
    public void multiplyPairs(int m, int n, long[] a, int rowStride, int[] segA, int[] segB, int[] segLen, int segs, float[] b2,
                              boolean accumulate, float[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        int k = 0;
        for (int s = 0; s < segs; s++) k += segLen[s];
        if (buf.stepA.length < k) {
            buf.stepA = new int[k];
            buf.stepB = new int[k];
        }
        int[] stepA = buf.stepA, stepB = buf.stepB;
        for (int s = 0, q = 0; s < segs; s++) {
            for (int p = 0; p < segLen[s]; p++, q++) {
                stepA[q] = segA[s] + p;
                stepB[q] = segB[s] + p * VL;
            }
        }
        // Blocks of PAIR_ROWS rows; the last block starts at m − PAIR_ROWS and recomputes rows of the one before, whose
        // results are not written again.
        for (int i = 0; i < m; i += PAIR_ROWS) {
            int first = Math.min(i, m - PAIR_ROWS);
            pairBlock8(a, first * rowStride, rowStride, stepA, stepB, k, b2, buf.c);
            for (int r = i - first; r < PAIR_ROWS; r++) {
                int ci = cOff + (first + r) * ldc, t = r * VL;
                for (int j = 0; j < n; j++) c[ci + j] = (accumulate ? c[ci + j] : 0f) + buf.c[t + 2 * j] + buf.c[t + 2 * j + 1];
            }
        }
    }

    /** Eight rows on channel pairs, into {@code out} (one vector per row); each step broadcasts one pair per row. */
    private static void pairBlock8(long[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] out) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, stepB[p]);
            int x = ai + stepA[p];
            c0 = pair(a[x]).fma(bv, c0);
            c1 = pair(a[x += rs]).fma(bv, c1);
            c2 = pair(a[x += rs]).fma(bv, c2);
            c3 = pair(a[x += rs]).fma(bv, c3);
            c4 = pair(a[x += rs]).fma(bv, c4);
            c5 = pair(a[x += rs]).fma(bv, c5);
            c6 = pair(a[x += rs]).fma(bv, c6);
            c7 = pair(a[x + rs]).fma(bv, c7);
        }
        c0.intoArray(out, 0);
        c1.intoArray(out, VL);
        c2.intoArray(out, 2 * VL);
        c3.intoArray(out, 3 * VL);
        c4.intoArray(out, 4 * VL);
        c5.intoArray(out, 5 * VL);
        c6.intoArray(out, 6 * VL);
        c7.intoArray(out, 7 * VL);
    }

    /** A packed pair of floats repeated across a vector. */
    private static FloatVector pair(long bits) {
        return (FloatVector) LongVector.broadcast(SL, bits).reinterpretAsFloats();
    }

    @Override
    public int positionWidth() {
        return MAX_VECTORS == 4 ? 2 * VL : 0;
    }

    /** Two vectors of positions by eight filters: 16 accumulators; each step loads two input vectors and broadcasts eight weights. */
    @Override
    public void positionBlock(float[] x, int xOff, int[] stepX, float[] w, int wOff, int[] stepW, int k, float[] out) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0, b6 = a0, b7 = a0;
        for (int st = 0; st < k; st++) {
            int xi = xOff + stepX[st], wi = wOff + stepW[st];
            FloatVector x0 = FloatVector.fromArray(S, x, xi), x1 = FloatVector.fromArray(S, x, xi + VL);
            FloatVector v0 = FloatVector.broadcast(S, w[wi + 0]);
            a0 = x0.fma(v0, a0);
            b0 = x1.fma(v0, b0);
            FloatVector v1 = FloatVector.broadcast(S, w[wi + 1]);
            a1 = x0.fma(v1, a1);
            b1 = x1.fma(v1, b1);
            FloatVector v2 = FloatVector.broadcast(S, w[wi + 2]);
            a2 = x0.fma(v2, a2);
            b2 = x1.fma(v2, b2);
            FloatVector v3 = FloatVector.broadcast(S, w[wi + 3]);
            a3 = x0.fma(v3, a3);
            b3 = x1.fma(v3, b3);
            FloatVector v4 = FloatVector.broadcast(S, w[wi + 4]);
            a4 = x0.fma(v4, a4);
            b4 = x1.fma(v4, b4);
            FloatVector v5 = FloatVector.broadcast(S, w[wi + 5]);
            a5 = x0.fma(v5, a5);
            b5 = x1.fma(v5, b5);
            FloatVector v6 = FloatVector.broadcast(S, w[wi + 6]);
            a6 = x0.fma(v6, a6);
            b6 = x1.fma(v6, b6);
            FloatVector v7 = FloatVector.broadcast(S, w[wi + 7]);
            a7 = x0.fma(v7, a7);
            b7 = x1.fma(v7, b7);
        }
        a0.intoArray(out, 0 * VL);
        b0.intoArray(out, 1 * VL);
        a1.intoArray(out, 2 * VL);
        b1.intoArray(out, 3 * VL);
        a2.intoArray(out, 4 * VL);
        b2.intoArray(out, 5 * VL);
        a3.intoArray(out, 6 * VL);
        b3.intoArray(out, 7 * VL);
        a4.intoArray(out, 8 * VL);
        b4.intoArray(out, 9 * VL);
        a5.intoArray(out, 10 * VL);
        b5.intoArray(out, 11 * VL);
        a6.intoArray(out, 12 * VL);
        b6.intoArray(out, 13 * VL);
        a7.intoArray(out, 14 * VL);
        b7.intoArray(out, 15 * VL);
    }

    @Override
    public void packPairs(float[] src, int s, long[] dst, int d, int n) {
        int i = 0;
        for (; i + VL <= n; i += VL) FloatVector.fromArray(S, src, s + i).reinterpretAsLongs().intoArray(dst, d + i / 2);
        for (; i < n; i += 2) dst[d + i / 2] = (Float.floatToRawIntBits(src[s + i]) & 0xFFFFFFFFL) | ((long) Float.floatToRawIntBits(src[s + i + 1]) << 32);
    }

    /**
     * {@code dst[d..d+n) += src[s..s+n)} in preferred-species vectors, the tail in scalars. Tails in a second species
     * (256-bit vectors for runs of 8 or 24 floats) were tried: with JDK 17's C2 the stores of both species then fell
     * back to the non-intrinsified {@code FloatVector.stOp} path in the col2im walk, which got slower, not faster.
     */
    @Override
    public void add(float[] src, int s, float[] dst, int d, int n) {
        int i = 0;
        for (; i + VL <= n; i += VL) FloatVector.fromArray(S, dst, d + i).add(FloatVector.fromArray(S, src, s + i)).intoArray(dst, d + i);
        for (; i < n; i++) dst[d + i] += src[s + i];
    }

    private static FloatVector start(float[] c, int off) {
        return FloatVector.fromArray(S, c, off);
    }

    /** {@link #block12} for adjacent rows of A (row stride 1): constant offsets, one bounds check for the twelve loads. */
    private static void block12Adjacent(float[] a, int ai, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c0 = start(c, ci), c1 = start(c, ci + ldc), c2 = start(c, ci + 2 * ldc), c3 = start(c, ci + 3 * ldc);
        FloatVector c4 = start(c, ci + 4 * ldc), c5 = start(c, ci + 5 * ldc), c6 = start(c, ci + 6 * ldc), c7 = start(c, ci + 7 * ldc);
        FloatVector c8 = start(c, ci + 8 * ldc), c9 = start(c, ci + 9 * ldc), c10 = start(c, ci + 10 * ldc), c11 = start(c, ci + 11 * ldc);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, stepB[p]);
            int x = ai + stepA[p];
            c11 = FloatVector.broadcast(S, a[x + 11]).fma(bv, c11);
            c0 = FloatVector.broadcast(S, a[x]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[x + 1]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[x + 2]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[x + 3]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[x + 4]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[x + 5]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[x + 6]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[x + 7]).fma(bv, c7);
            c8 = FloatVector.broadcast(S, a[x + 8]).fma(bv, c8);
            c9 = FloatVector.broadcast(S, a[x + 9]).fma(bv, c9);
            c10 = FloatVector.broadcast(S, a[x + 10]).fma(bv, c10);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
        c4.intoArray(c, ci + 4 * ldc);
        c5.intoArray(c, ci + 5 * ldc);
        c6.intoArray(c, ci + 6 * ldc);
        c7.intoArray(c, ci + 7 * ldc);
        c8.intoArray(c, ci + 8 * ldc);
        c9.intoArray(c, ci + 9 * ldc);
        c10.intoArray(c, ci + 10 * ldc);
        c11.intoArray(c, ci + 11 * ldc);
    }

    /** Twelve rows of one vector each. */
    private static void block12(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c0 = start(c, ci), c1 = start(c, ci + ldc), c2 = start(c, ci + 2 * ldc);
        FloatVector c3 = start(c, ci + 3 * ldc), c4 = start(c, ci + 4 * ldc), c5 = start(c, ci + 5 * ldc);
        FloatVector c6 = start(c, ci + 6 * ldc), c7 = start(c, ci + 7 * ldc), c8 = start(c, ci + 8 * ldc);
        FloatVector c9 = start(c, ci + 9 * ldc), c10 = start(c, ci + 10 * ldc), c11 = start(c, ci + 11 * ldc);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, stepB[p]);
            int x = ai + stepA[p];
            c0 = FloatVector.broadcast(S, a[x]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c7);
            c8 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c8);
            c9 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c9);
            c10 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c10);
            c11 = FloatVector.broadcast(S, a[x + rs]).fma(bv, c11);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
        c4.intoArray(c, ci + 4 * ldc);
        c5.intoArray(c, ci + 5 * ldc);
        c6.intoArray(c, ci + 6 * ldc);
        c7.intoArray(c, ci + 7 * ldc);
        c8.intoArray(c, ci + 8 * ldc);
        c9.intoArray(c, ci + 9 * ldc);
        c10.intoArray(c, ci + 10 * ldc);
        c11.intoArray(c, ci + 11 * ldc);
    }

    /** Eight rows of two vectors each (16 accumulators: only with 32 vector registers). */
    private static void block8x2(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c00 = start(c, ci), c01 = start(c, ci + VL);
        FloatVector c10 = start(c, ci + ldc), c11 = start(c, ci + ldc + VL);
        FloatVector c20 = start(c, ci + 2 * ldc), c21 = start(c, ci + 2 * ldc + VL);
        FloatVector c30 = start(c, ci + 3 * ldc), c31 = start(c, ci + 3 * ldc + VL);
        FloatVector c40 = start(c, ci + 4 * ldc), c41 = start(c, ci + 4 * ldc + VL);
        FloatVector c50 = start(c, ci + 5 * ldc), c51 = start(c, ci + 5 * ldc + VL);
        FloatVector c60 = start(c, ci + 6 * ldc), c61 = start(c, ci + 6 * ldc + VL);
        FloatVector c70 = start(c, ci + 7 * ldc), c71 = start(c, ci + 7 * ldc + VL);
        for (int p = 0; p < k; p++) {
            int bi = stepB[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + VL);
            int x = ai + stepA[p];
            FloatVector v = FloatVector.broadcast(S, a[x]);
            c00 = v.fma(b0, c00);
            c01 = v.fma(b1, c01);
            v = FloatVector.broadcast(S, a[x += rs]);
            c10 = v.fma(b0, c10);
            c11 = v.fma(b1, c11);
            v = FloatVector.broadcast(S, a[x += rs]);
            c20 = v.fma(b0, c20);
            c21 = v.fma(b1, c21);
            v = FloatVector.broadcast(S, a[x += rs]);
            c30 = v.fma(b0, c30);
            c31 = v.fma(b1, c31);
            v = FloatVector.broadcast(S, a[x += rs]);
            c40 = v.fma(b0, c40);
            c41 = v.fma(b1, c41);
            v = FloatVector.broadcast(S, a[x += rs]);
            c50 = v.fma(b0, c50);
            c51 = v.fma(b1, c51);
            v = FloatVector.broadcast(S, a[x += rs]);
            c60 = v.fma(b0, c60);
            c61 = v.fma(b1, c61);
            v = FloatVector.broadcast(S, a[x + rs]);
            c70 = v.fma(b0, c70);
            c71 = v.fma(b1, c71);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + VL);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + VL);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + VL);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + VL);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + VL);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + VL);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + VL);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + VL);
    }

    /**
     * {@link #block8x2} for adjacent rows of A (row stride 1, as in a kernel gradient, whose rows are input channels):
     * constant offsets let C2 check the eight loads once and keep no row offsets in registers.
     */
    private static void block8x2Adjacent(float[] a, int ai, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c00 = start(c, ci), c01 = start(c, ci + VL);
        FloatVector c10 = start(c, ci + 1 * ldc), c11 = start(c, ci + 1 * ldc + VL);
        FloatVector c20 = start(c, ci + 2 * ldc), c21 = start(c, ci + 2 * ldc + VL);
        FloatVector c30 = start(c, ci + 3 * ldc), c31 = start(c, ci + 3 * ldc + VL);
        FloatVector c40 = start(c, ci + 4 * ldc), c41 = start(c, ci + 4 * ldc + VL);
        FloatVector c50 = start(c, ci + 5 * ldc), c51 = start(c, ci + 5 * ldc + VL);
        FloatVector c60 = start(c, ci + 6 * ldc), c61 = start(c, ci + 6 * ldc + VL);
        FloatVector c70 = start(c, ci + 7 * ldc), c71 = start(c, ci + 7 * ldc + VL);
        for (int p = 0; p < k; p++) {
            int bi = stepB[p], x = ai + stepA[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector v = FloatVector.broadcast(S, a[x + 7]);
            c70 = v.fma(b0, c70);
            c71 = v.fma(b1, c71);
            v = FloatVector.broadcast(S, a[x]);
            c00 = v.fma(b0, c00);
            c01 = v.fma(b1, c01);
            v = FloatVector.broadcast(S, a[x + 1]);
            c10 = v.fma(b0, c10);
            c11 = v.fma(b1, c11);
            v = FloatVector.broadcast(S, a[x + 2]);
            c20 = v.fma(b0, c20);
            c21 = v.fma(b1, c21);
            v = FloatVector.broadcast(S, a[x + 3]);
            c30 = v.fma(b0, c30);
            c31 = v.fma(b1, c31);
            v = FloatVector.broadcast(S, a[x + 4]);
            c40 = v.fma(b0, c40);
            c41 = v.fma(b1, c41);
            v = FloatVector.broadcast(S, a[x + 5]);
            c50 = v.fma(b0, c50);
            c51 = v.fma(b1, c51);
            v = FloatVector.broadcast(S, a[x + 6]);
            c60 = v.fma(b0, c60);
            c61 = v.fma(b1, c61);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + VL);
        c10.intoArray(c, ci + 1 * ldc);
        c11.intoArray(c, ci + 1 * ldc + VL);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + VL);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + VL);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + VL);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + VL);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + VL);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + VL);
    }

    /** Six rows of two vectors each. */
    private static void block6x2(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c00 = start(c, ci), c01 = start(c, ci + VL);
        FloatVector c10 = start(c, ci + ldc), c11 = start(c, ci + ldc + VL);
        FloatVector c20 = start(c, ci + 2 * ldc), c21 = start(c, ci + 2 * ldc + VL);
        FloatVector c30 = start(c, ci + 3 * ldc), c31 = start(c, ci + 3 * ldc + VL);
        FloatVector c40 = start(c, ci + 4 * ldc), c41 = start(c, ci + 4 * ldc + VL);
        FloatVector c50 = start(c, ci + 5 * ldc), c51 = start(c, ci + 5 * ldc + VL);
        for (int p = 0; p < k; p++) {
            int bi = stepB[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + VL);
            int x = ai + stepA[p];
            FloatVector v = FloatVector.broadcast(S, a[x]);
            c00 = v.fma(b0, c00);
            c01 = v.fma(b1, c01);
            v = FloatVector.broadcast(S, a[x += rs]);
            c10 = v.fma(b0, c10);
            c11 = v.fma(b1, c11);
            v = FloatVector.broadcast(S, a[x += rs]);
            c20 = v.fma(b0, c20);
            c21 = v.fma(b1, c21);
            v = FloatVector.broadcast(S, a[x += rs]);
            c30 = v.fma(b0, c30);
            c31 = v.fma(b1, c31);
            v = FloatVector.broadcast(S, a[x += rs]);
            c40 = v.fma(b0, c40);
            c41 = v.fma(b1, c41);
            v = FloatVector.broadcast(S, a[x + rs]);
            c50 = v.fma(b0, c50);
            c51 = v.fma(b1, c51);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + VL);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + VL);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + VL);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + VL);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + VL);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + VL);
    }

    /** Eight rows of one vector each (a tail of twelve-row blocks: eight independent chains keep both FMA ports busy, four would not). */
    private static void block8(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c0 = start(c, ci), c1 = start(c, ci + ldc), c2 = start(c, ci + 2 * ldc), c3 = start(c, ci + 3 * ldc);
        FloatVector c4 = start(c, ci + 4 * ldc), c5 = start(c, ci + 5 * ldc), c6 = start(c, ci + 6 * ldc), c7 = start(c, ci + 7 * ldc);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, stepB[p]);
            int x = ai + stepA[p];
            c0 = FloatVector.broadcast(S, a[x]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c4);
            c5 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c5);
            c6 = FloatVector.broadcast(S, a[x += rs]).fma(bv, c6);
            c7 = FloatVector.broadcast(S, a[x + rs]).fma(bv, c7);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
        c4.intoArray(c, ci + 4 * ldc);
        c5.intoArray(c, ci + 5 * ldc);
        c6.intoArray(c, ci + 6 * ldc);
        c7.intoArray(c, ci + 7 * ldc);
    }

    /** Four rows of one vector each (the tail of twelve-row blocks). */
    private static void block4(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c0 = start(c, ci), c1 = start(c, ci + ldc), c2 = start(c, ci + 2 * ldc), c3 = start(c, ci + 3 * ldc);
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, stepB[p]);
            int x = ai + stepA[p];
            c0 = FloatVector.broadcast(S, a[x]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[x + rs]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[x + 2 * rs]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[x + 3 * rs]).fma(bv, c3);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + ldc);
        c2.intoArray(c, ci + 2 * ldc);
        c3.intoArray(c, ci + 3 * ldc);
    }

    /** Three rows of two vectors each (the tail of six-row blocks). */
    private static void block3x2(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        FloatVector c00 = start(c, ci), c01 = start(c, ci + VL);
        FloatVector c10 = start(c, ci + ldc), c11 = start(c, ci + ldc + VL);
        FloatVector c20 = start(c, ci + 2 * ldc), c21 = start(c, ci + 2 * ldc + VL);
        for (int p = 0; p < k; p++) {
            int bi = stepB[p], x = ai + stepA[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector v = FloatVector.broadcast(S, a[x]);
            c00 = v.fma(b0, c00);
            c01 = v.fma(b1, c01);
            v = FloatVector.broadcast(S, a[x + rs]);
            c10 = v.fma(b0, c10);
            c11 = v.fma(b1, c11);
            v = FloatVector.broadcast(S, a[x + 2 * rs]);
            c20 = v.fma(b0, c20);
            c21 = v.fma(b1, c21);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + VL);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + VL);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + VL);
    }

    /** Three rows of four vectors each (12 accumulators; only with 32 vector registers). */
    private static void block3x4(float[] a, int ai, int rs, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci, int ldc) {
        int c1 = ci + ldc, c2 = ci + 2 * ldc;
        FloatVector c00 = start(c, ci), c01 = start(c, ci + VL), c02 = start(c, ci + 2 * VL), c03 = start(c, ci + 3 * VL);
        FloatVector c10 = start(c, c1), c11 = start(c, c1 + VL), c12 = start(c, c1 + 2 * VL), c13 = start(c, c1 + 3 * VL);
        FloatVector c20 = start(c, c2), c21 = start(c, c2 + VL), c22 = start(c, c2 + 2 * VL), c23 = start(c, c2 + 3 * VL);
        for (int p = 0; p < k; p++) {
            int bi = stepB[p], x0 = ai + stepA[p];
            FloatVector b0 = FloatVector.fromArray(S, b, bi), b1 = FloatVector.fromArray(S, b, bi + VL);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * VL), b3 = FloatVector.fromArray(S, b, bi + 3 * VL);
            FloatVector v = FloatVector.broadcast(S, a[x0]);
            c00 = v.fma(b0, c00);
            c01 = v.fma(b1, c01);
            c02 = v.fma(b2, c02);
            c03 = v.fma(b3, c03);
            v = FloatVector.broadcast(S, a[x0 + rs]);
            c10 = v.fma(b0, c10);
            c11 = v.fma(b1, c11);
            c12 = v.fma(b2, c12);
            c13 = v.fma(b3, c13);
            v = FloatVector.broadcast(S, a[x0 + 2 * rs]);
            c20 = v.fma(b0, c20);
            c21 = v.fma(b1, c21);
            c22 = v.fma(b2, c22);
            c23 = v.fma(b3, c23);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + VL);
        c02.intoArray(c, ci + 2 * VL);
        c03.intoArray(c, ci + 3 * VL);
        c10.intoArray(c, c1);
        c11.intoArray(c, c1 + VL);
        c12.intoArray(c, c1 + 2 * VL);
        c13.intoArray(c, c1 + 3 * VL);
        c20.intoArray(c, c2);
        c21.intoArray(c, c2 + VL);
        c22.intoArray(c, c2 + 2 * VL);
        c23.intoArray(c, c2 + 3 * VL);
    }

    /** One row of {@code nv} vectors (the tail of a block), two vectors at a time. */
    private static void row(int nv, float[] a, int ai, int[] stepA, int[] stepB, int k, float[] b, float[] c, int ci) {
        for (int v0 = 0; v0 < nv; v0 += 2) {
            if (v0 + 1 < nv) {
                rowPair(a, ai, stepA, stepB, k, b, v0 * VL, c, ci + v0 * VL);
            } else {
                FloatVector acc = start(c, ci + v0 * VL);
                for (int p = 0; p < k; p++) acc = FloatVector.broadcast(S, a[ai + stepA[p]]).fma(FloatVector.fromArray(S, b, stepB[p] + v0 * VL), acc);
                acc.intoArray(c, ci + v0 * VL);
            }
        }
    }

    private static void rowPair(float[] a, int ai, int[] stepA, int[] stepB, int k, float[] b, int bShift, float[] c, int ci) {
        FloatVector acc0 = start(c, ci), acc1 = start(c, ci + VL);
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.broadcast(S, a[ai + stepA[p]]);
            int bi = stepB[p] + bShift;
            acc0 = v.fma(FloatVector.fromArray(S, b, bi), acc0);
            acc1 = v.fma(FloatVector.fromArray(S, b, bi + VL), acc1);
        }
        acc0.intoArray(c, ci);
        acc1.intoArray(c, ci + VL);
    }
}
