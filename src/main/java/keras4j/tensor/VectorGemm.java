package keras4j.tensor;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SGEMM on the incubating Vector API ({@code jdk.incubator.vector}).
 *
 * <p>Goto/BLIS blocking: for each {@code NC}-wide column block and {@code KC}-deep slice of k,
 * op(B) is packed into {@code NR}-wide column panels (row p of a panel is {@code NR} contiguous
 * floats); for each {@code MC}-tall row block op(A), scaled by alpha, is packed into
 * {@code MR}-tall row panels (column p of a panel is {@code MR} contiguous floats). The
 * micro-kernel keeps an {@code MR x NR} tile of C in {@code MR * NR / VL} vector registers
 * (6 x 4 vectors = 6 x 64 floats with 512-bit vectors), and for every p broadcasts one A value per
 * row and issues one fused multiply-add per accumulator. Tiles cut by the right edge of C use
 * kernels with fewer vectors; the tile is written to a small buffer and merged into C with beta,
 * which keeps the micro-kernels free of branches (and small enough for the C1 compiler, which
 * must succeed for the tiered JIT to reach C2 reliably).
 *
 * <p>This class is only loaded (reflectively, by {@link Gemm}) when the JVM resolves the
 * {@code jdk.incubator.vector} module; nothing else references it.
 */
final class VectorGemm implements GemmKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector (16 with AVX-512). */
    private static final int VL = S.length();
    /** Rows of the micro-tile. */
    static final int MR = 6;
    /** Vectors per micro-tile row: 4 with 32 vector registers (AVX-512), else 2 (AVX2: 16 registers). */
    private static final int NV = VL >= 16 ? 4 : 2;
    /** Columns of the micro-tile. */
    static final int NR = NV * VL;
    /** Depth of a packed slice: a B micro-panel is KC x NR, an A micro-panel MR x KC. */
    static final int KC = 384;
    /** Rows of a packed A block (kept in L2 while B micro-panels stream through). */
    static final int MC = 24 * MR;
    /** Columns of a packed B block. */
    static final int NC = Math.max(1, 1024 / NR) * NR;

    /** Depth of the pieces in which a transposed B is packed. */
    private static final int PB = 16;

    /** Per-thread packing buffers, grown on demand and reused by every call on that thread. */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    VectorGemm() {
        if (VL < 4) {
            throw new UnsupportedOperationException("preferred float vector has only " + VL + " lanes");
        }
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc, int threads) {
        int kcStep = GemmKernel.balancedStep(k, KC, 1);
        int mcStep = GemmKernel.balancedStep(m, MC, MR);
        int needA = kcStep * GemmKernel.roundUp(Math.min(mcStep, m), MR);
        Buffers own = buffers(needA);
        int needB = kcStep * Math.min(NC, GemmKernel.roundUp(n, NR));
        if (own.b.length < needB) {
            own.b = new float[needB];
        }
        float[] bp = own.b;
        int rowBlocks = (m + mcStep - 1) / mcStep;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            int pieces = GemmKernel.pieces(rowBlocks, panels, threads);
            int tasks = rowBlocks * pieces;
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                float blockBeta = pc == 0 ? beta : 1f;
                int jcF = jc, pcF = pc;
                if (threads > 1 && panels > 1 && (long) kc * nc >= GemmKernel.PARALLEL_PACK) {
                    int parts = Math.min(threads, panels);
                    Parallel.forRange(parts, t -> packB(transB, b, bOff, ldb, pcF, jcF, kc,
                            panels * t / parts * NR, Math.min(nc, panels * (t + 1) / parts * NR), bp));
                } else {
                    packB(transB, b, bOff, ldb, pc, jc, kc, 0, nc, bp);
                }
                if (tasks == 1) {
                    block(transA, m, 0, mcStep, 0, nc, pc, jc, kc, alpha, a, aOff, lda, bp, blockBeta, c, cOff, ldc,
                            own);
                } else {
                    Parallel.forRange(tasks, t -> {
                        int jb = t % pieces;
                        block(transA, m, t / pieces * mcStep, mcStep, panels * jb / pieces * NR,
                                Math.min(nc, panels * (jb + 1) / pieces * NR), pcF, jcF, kc, alpha, a, aOff, lda, bp,
                                blockBeta, c, cOff, ldc, buffers(needA));
                    });
                }
            }
        }
    }

    /** This thread's buffers, with room for a packed A block of {@code needA} floats. */
    private static Buffers buffers(int needA) {
        Buffers buf = BUFFERS.get();
        if (buf.a.length < needA) {
            buf.a = new float[needA];
        }
        return buf;
    }

    /**
     * One task: packs rows [ic, ic + mcStep) of op(A) for the slice pc into this thread's buffer
     * and updates C[ic:ic+mc, jc+jr0 : jc+jr1] from the shared packed B.
     */
    private static void block(boolean transA, int m, int ic, int mcStep, int jr0, int jr1, int pc, int jc, int kc,
                              float alpha, float[] a, int aOff, int lda, float[] bp, float beta,
                              float[] c, int cOff, int ldc, Buffers buf) {
        int mc = Math.min(mcStep, m - ic);
        packA(transA, a, aOff, lda, ic, pc, mc, kc, alpha, buf.a);
        macroKernel(mc, jr0, jr1, kc, buf.a, bp, buf.tile, beta, c, cOff + ic * ldc + jc, ldc);
    }

    /**
     * Packs op(B)[pc:pc+kc, jc+jr0 : jc+jr1] into NR-wide panels (jr0 a multiple of NR): the panel
     * of column jr starts at jr * kc and holds row p at jr * kc + p * NR; columns past the end are
     * zero.
     */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kc,
                              int jr0, int jr1, float[] bp) {
        for (int jr = jr0; jr < jr1; jr += NR) {
            int w = Math.min(NR, jr1 - jr);
            int o = jr * kc;
            if (!transB) {
                // B is k x n: element (p, j) at bOff + p * ldb + j.
                int src = bOff + pc * ldb + jc + jr;
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, src, bp, o, w);
                    if (w < NR) {
                        Arrays.fill(bp, o + w, o + NR, 0f);
                    }
                    src += ldb;
                    o += NR;
                }
            } else {
                // B is n x k: element (p, j) at bOff + j * ldb + p. Copy PB-long pieces of the w
                // stored rows so that the PB x NR destination block stays in L1.
                for (int p0 = 0; p0 < kc; p0 += PB) {
                    int pe = Math.min(kc, p0 + PB);
                    for (int q = 0; q < w; q++) {
                        int src = bOff + (jc + jr + q) * ldb + pc;
                        int d = o + p0 * NR + q;
                        for (int p = p0; p < pe; p++) {
                            bp[d] = b[src + p];
                            d += NR;
                        }
                    }
                }
                if (w < NR) {
                    for (int p = 0; p < kc; p++) {
                        Arrays.fill(bp, o + p * NR + w, o + p * NR + NR, 0f);
                    }
                }
            }
        }
    }

    /**
     * Packs alpha * op(A)[ic:ic+mc, pc:pc+kc] into MR-tall panels: panel i0 starts at i0 * kc and
     * holds column p at i0 * kc + p * MR; rows past mc are zero.
     */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int pc, int mc, int kc,
                              float alpha, float[] ap) {
        if (transA) {
            packATransposed(a, aOff, lda, ic, pc, mc, kc, alpha, ap);
            return;
        }
        // A is m x k: element (i, p) at aOff + i * lda + p; read MR rows side by side.
        for (int ir = 0; ir < mc; ir += MR) {
            int h = Math.min(MR, mc - ir);
            int o = ir * kc;
            int s0 = aOff + (ic + ir) * lda + pc;
            if (h == MR) {
                int s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda, s4 = s3 + lda, s5 = s4 + lda;
                for (int p = 0; p < kc; p++) {
                    ap[o] = alpha * a[s0 + p];
                    ap[o + 1] = alpha * a[s1 + p];
                    ap[o + 2] = alpha * a[s2 + p];
                    ap[o + 3] = alpha * a[s3 + p];
                    ap[o + 4] = alpha * a[s4 + p];
                    ap[o + 5] = alpha * a[s5 + p];
                    o += MR;
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < h; r++) {
                        ap[o + r] = alpha * a[s0 + r * lda + p];
                    }
                    for (int r = h; r < MR; r++) {
                        ap[o + r] = 0f;
                    }
                    o += MR;
                }
            }
        }
    }

    /**
     * {@link #packA} for A stored k x m (element (i, p) at aOff + p * lda + i). Each stored row is
     * read once, front to back, and scattered to the panels: walking down a column instead would
     * touch one cache line per p, all in the same L1 sets when lda is a power of two.
     */
    private static void packATransposed(float[] a, int aOff, int lda, int ic, int pc, int mc, int kc,
                                        float alpha, float[] ap) {
        int full = mc / MR * MR;
        for (int p = 0; p < kc; p++) {
            int src = aOff + (pc + p) * lda + ic;
            int o = p * MR;
            for (int ir = 0; ir < full; ir += MR) {
                int d = ir * kc + o;
                int s = src + ir;
                ap[d] = alpha * a[s];
                ap[d + 1] = alpha * a[s + 1];
                ap[d + 2] = alpha * a[s + 2];
                ap[d + 3] = alpha * a[s + 3];
                ap[d + 4] = alpha * a[s + 4];
                ap[d + 5] = alpha * a[s + 5];
            }
            if (full < mc) {
                int d = full * kc + o;
                int h = mc - full;
                for (int r = 0; r < h; r++) {
                    ap[d + r] = alpha * a[src + full + r];
                }
                for (int r = h; r < MR; r++) {
                    ap[d + r] = 0f;
                }
            }
        }
    }

    /** C[0:mc, jr0:jr1] (at cOff) = beta * C + packed A block * packed B panels. */
    private static void macroKernel(int mc, int jr0, int jr1, int kc, float[] ap, float[] bp, float[] tile,
                                    float beta, float[] c, int cOff, int ldc) {
        for (int jr = jr0; jr < jr1; jr += NR) {
            int w = Math.min(NR, jr1 - jr);
            int nv = (w + VL - 1) / VL;
            int bo = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int h = Math.min(MR, mc - ir);
                int ao = ir * kc;
                switch (nv) {
                    case 1:
                        kernel1(kc, ap, ao, bp, bo, tile);
                        break;
                    case 2:
                        kernel2(kc, ap, ao, bp, bo, tile);
                        break;
                    case 3:
                        kernel3(kc, ap, ao, bp, bo, tile);
                        break;
                    default:
                        kernel4(kc, ap, ao, bp, bo, tile);
                        break;
                }
                int co = cOff + ir * ldc + jr;
                if (h == MR && w == nv * VL) {
                    mergeFull(tile, w, beta, c, co, ldc);
                } else {
                    mergePartial(tile, h, w, beta, c, co, ldc);
                }
            }
        }
    }

    /** C[r, 0:w] = beta * C[r, 0:w] + tile[r, 0:w] for all MR rows; w is a multiple of VL. */
    private static void mergeFull(float[] t, int w, float beta, float[] c, int co, int ldc) {
        if (beta == 0f) {
            for (int r = 0; r < MR; r++) {
                System.arraycopy(t, r * NR, c, co + r * ldc, w);
            }
        } else if (beta == 1f) {
            for (int r = 0; r < MR; r++) {
                int ci = co + r * ldc;
                for (int j = 0; j < w; j += VL) {
                    FloatVector.fromArray(S, c, ci + j).add(FloatVector.fromArray(S, t, r * NR + j))
                            .intoArray(c, ci + j);
                }
            }
        } else {
            FloatVector bv = FloatVector.broadcast(S, beta);
            for (int r = 0; r < MR; r++) {
                int ci = co + r * ldc;
                for (int j = 0; j < w; j += VL) {
                    FloatVector.fromArray(S, c, ci + j).fma(bv, FloatVector.fromArray(S, t, r * NR + j))
                            .intoArray(c, ci + j);
                }
            }
        }
    }

    /** C[r, 0:w] = beta * C[r, 0:w] + tile[r, 0:w] for the first h rows. */
    private static void mergePartial(float[] t, int h, int w, float beta, float[] c, int co, int ldc) {
        for (int r = 0; r < h; r++) {
            int ci = co + r * ldc;
            int ti = r * NR;
            if (beta == 0f) {
                System.arraycopy(t, ti, c, ci, w);
            } else if (beta == 1f) {
                for (int j = 0; j < w; j++) {
                    c[ci + j] += t[ti + j];
                }
            } else {
                for (int j = 0; j < w; j++) {
                    c[ci + j] = beta * c[ci + j] + t[ti + j];
                }
            }
        }
    }

    /** Tile of 6 x 1 vectors: t[r * NR + v * VL] = sum over p of ap[ao + p * MR + r] * bp[bo + p * NR + v * VL]. */
    private static void kernel1(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR, ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50);
        }
        c00.intoArray(t, 0);
        c10.intoArray(t, NR);
        c20.intoArray(t, 2 * NR);
        c30.intoArray(t, 3 * NR);
        c40.intoArray(t, 4 * NR);
        c50.intoArray(t, 5 * NR);
    }

    /** Tile of 6 x 2 vectors: t[r * NR + v * VL] = sum over p of ap[ao + p * MR + r] * bp[bo + p * NR + v * VL]. */
    private static void kernel2(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR, ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + VL);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51);
        }
        c00.intoArray(t, 0);
        c01.intoArray(t, VL);
        c10.intoArray(t, NR);
        c11.intoArray(t, NR + VL);
        c20.intoArray(t, 2 * NR);
        c21.intoArray(t, 2 * NR + VL);
        c30.intoArray(t, 3 * NR);
        c31.intoArray(t, 3 * NR + VL);
        c40.intoArray(t, 4 * NR);
        c41.intoArray(t, 4 * NR + VL);
        c50.intoArray(t, 5 * NR);
        c51.intoArray(t, 5 * NR + VL);
    }

    /** Tile of 6 x 3 vectors: t[r * NR + v * VL] = sum over p of ap[ao + p * MR + r] * bp[bo + p * NR + v * VL]. */
    private static void kernel3(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR, ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + VL);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * VL);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01); c02 = a.fma(b2, c02);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11); c12 = a.fma(b2, c12);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21); c22 = a.fma(b2, c22);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31); c32 = a.fma(b2, c32);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41); c42 = a.fma(b2, c42);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51); c52 = a.fma(b2, c52);
        }
        c00.intoArray(t, 0);
        c01.intoArray(t, VL);
        c02.intoArray(t, 2 * VL);
        c10.intoArray(t, NR);
        c11.intoArray(t, NR + VL);
        c12.intoArray(t, NR + 2 * VL);
        c20.intoArray(t, 2 * NR);
        c21.intoArray(t, 2 * NR + VL);
        c22.intoArray(t, 2 * NR + 2 * VL);
        c30.intoArray(t, 3 * NR);
        c31.intoArray(t, 3 * NR + VL);
        c32.intoArray(t, 3 * NR + 2 * VL);
        c40.intoArray(t, 4 * NR);
        c41.intoArray(t, 4 * NR + VL);
        c42.intoArray(t, 4 * NR + 2 * VL);
        c50.intoArray(t, 5 * NR);
        c51.intoArray(t, 5 * NR + VL);
        c52.intoArray(t, 5 * NR + 2 * VL);
    }

    /** Tile of 6 x 4 vectors: t[r * NR + v * VL] = sum over p of ap[ao + p * MR + r] * bp[bo + p * NR + v * VL]. */
    private static void kernel4(int kc, float[] ap, int ao, float[] bp, int bo, float[] t) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR, ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + VL);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * VL);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * VL);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01); c02 = a.fma(b2, c02); c03 = a.fma(b3, c03);
            a = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11); c12 = a.fma(b2, c12); c13 = a.fma(b3, c13);
            a = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21); c22 = a.fma(b2, c22); c23 = a.fma(b3, c23);
            a = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31); c32 = a.fma(b2, c32); c33 = a.fma(b3, c33);
            a = FloatVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41); c42 = a.fma(b2, c42); c43 = a.fma(b3, c43);
            a = FloatVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51); c52 = a.fma(b2, c52); c53 = a.fma(b3, c53);
        }
        c00.intoArray(t, 0);
        c01.intoArray(t, VL);
        c02.intoArray(t, 2 * VL);
        c03.intoArray(t, 3 * VL);
        c10.intoArray(t, NR);
        c11.intoArray(t, NR + VL);
        c12.intoArray(t, NR + 2 * VL);
        c13.intoArray(t, NR + 3 * VL);
        c20.intoArray(t, 2 * NR);
        c21.intoArray(t, 2 * NR + VL);
        c22.intoArray(t, 2 * NR + 2 * VL);
        c23.intoArray(t, 2 * NR + 3 * VL);
        c30.intoArray(t, 3 * NR);
        c31.intoArray(t, 3 * NR + VL);
        c32.intoArray(t, 3 * NR + 2 * VL);
        c33.intoArray(t, 3 * NR + 3 * VL);
        c40.intoArray(t, 4 * NR);
        c41.intoArray(t, 4 * NR + VL);
        c42.intoArray(t, 4 * NR + 2 * VL);
        c43.intoArray(t, 4 * NR + 3 * VL);
        c50.intoArray(t, 5 * NR);
        c51.intoArray(t, 5 * NR + VL);
        c52.intoArray(t, 5 * NR + 2 * VL);
        c53.intoArray(t, 5 * NR + 3 * VL);
    }
}
