package keras4j.tensor;

import java.util.Arrays;

/**
 * SGEMM in plain Java, shaped so that HotSpot's C2 auto-vectorises the inner loop.
 *
 * <p>Same Goto-style blocking as {@link VectorGemm} (KC-deep slices, MC-tall packed A blocks,
 * NC-wide B blocks), but the packed B block is an array of rows and the micro-kernel updates
 * {@code MR} rows of C, held in per-thread accumulator rows, with the long loop
 * {@code acc_r[j] = fma(a_r0, b0[j], fma(a_r1, b1[j], acc_r[j]))} over all {@code nc} columns.
 * Every array in that loop is indexed by the bare loop variable, which is what the JDK 17
 * superword pass needs to vectorise it (mixed base offsets defeat it); two k steps per pass halve
 * the loads and stores of the accumulators. When the JVM does not use FMA instructions (where
 * {@link Math#fma} would fall back to slow software arithmetic) a single-step multiply-add loop is
 * used instead.
 */
final class ScalarGemm implements GemmKernel {

    /** Rows of C updated together (they share the loads of B). */
    static final int MR = 4;
    /** Depth of a packed slice. */
    static final int KC = 256;
    /** Rows of a packed A block. */
    static final int MC = 32 * MR;
    /** Columns of a B block: the length of the vectorised inner loop. */
    static final int NC = 1024;

    /** Test hook: null follows the JVM's UseFMA flag, otherwise forces the FMA (true) or plain loop. */
    static volatile Boolean fmaOverride;

    /** Per-thread packing buffers, grown on demand and reused by every call on that thread. */
    private static final class Buffers {
        float[][] bRows = new float[0][0];
        float[] a = new float[0];
        final float[][] acc = {new float[0], new float[0], new float[0], new float[0]};
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Whether Math.fma is a hardware instruction; looked up on first use (costs a few ms). */
    private static final class FmaSupport {
        static final boolean ENABLED = detect();

        private static boolean detect() {
            try {
                com.sun.management.HotSpotDiagnosticMXBean bean = java.lang.management.ManagementFactory
                        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
                return bean == null || Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
            } catch (Throwable e) {
                // Not HotSpot or no management module: assume a modern CPU.
                return true;
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return 16;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        Boolean override = fmaOverride;
        boolean fma = override != null ? override : FmaSupport.ENABLED;
        int kcStep = GemmKernel.balancedStep(k, KC, 2);
        int mcStep = GemmKernel.balancedStep(m, MC, MR);
        int ncMax = Math.min(NC, n);
        Buffers buf = BUFFERS.get();
        float[][] bRows = buf.bRows;
        if (bRows.length < kcStep || bRows[0].length < ncMax) {
            int rows = Math.max(bRows.length, kcStep);
            int cols = Math.max(bRows.length == 0 ? 0 : bRows[0].length, ncMax);
            bRows = buf.bRows = new float[rows][cols];
        }
        int needA = kcStep * GemmKernel.roundUp(Math.min(mcStep, m), MR);
        if (buf.a.length < needA) {
            buf.a = new float[needA];
        }
        float[][] acc = buf.acc;
        if (acc[0].length < ncMax) {
            for (int r = 0; r < MR; r++) {
                acc[r] = new float[ncMax];
            }
        }
        float[] ap = buf.a;
        float[] t0 = acc[0], t1 = acc[1], t2 = acc[2], t3 = acc[3];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                packB(transB, b, bOff, ldb, pc, jc, kc, nc, bRows);
                float blockBeta = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += mcStep) {
                    int mc = Math.min(mcStep, m - ic);
                    packA(transA, a, aOff, lda, ic, pc, mc, kc, alpha, ap);
                    for (int ir = 0; ir < mc; ir += MR) {
                        int h = Math.min(MR, mc - ir);
                        int crow = cOff + (ic + ir) * ldc + jc;
                        for (int r = 0; r < MR; r++) {
                            loadRow(acc[r], nc, r < h, blockBeta, c, crow + r * ldc);
                        }
                        if (fma) {
                            kernelFma(kc, nc, ap, ir * kc, bRows, t0, t1, t2, t3);
                        } else {
                            kernelPlain(kc, nc, ap, ir * kc, bRows, t0, t1, t2, t3);
                        }
                        for (int r = 0; r < h; r++) {
                            System.arraycopy(acc[r], 0, c, crow + r * ldc, nc);
                        }
                    }
                }
            }
        }
    }

    /** acc[0:nc] = beta * C row (zero when beta == 0 or the row is past the edge of C). */
    private static void loadRow(float[] acc, int nc, boolean inside, float beta, float[] c, int ci) {
        if (!inside || beta == 0f) {
            Arrays.fill(acc, 0, nc, 0f);
            return;
        }
        System.arraycopy(c, ci, acc, 0, nc);
        if (beta != 1f) {
            for (int j = 0; j < nc; j++) {
                acc[j] *= beta;
            }
        }
    }

    /** bRows[p][0:nc] = op(B)[pc + p, jc:jc+nc]. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int kc, int nc,
                              float[][] bRows) {
        if (!transB) {
            // B is k x n: element (p, j) at bOff + p * ldb + j.
            int src = bOff + pc * ldb + jc;
            for (int p = 0; p < kc; p++) {
                System.arraycopy(b, src, bRows[p], 0, nc);
                src += ldb;
            }
        } else {
            // B is n x k: element (p, j) at bOff + j * ldb + p.
            for (int j = 0; j < nc; j++) {
                int src = bOff + (jc + j) * ldb + pc;
                for (int p = 0; p < kc; p++) {
                    bRows[p][j] = b[src + p];
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
        for (int ir = 0; ir < mc; ir += MR) {
            int h = Math.min(MR, mc - ir);
            int o = ir * kc;
            // Element (i, p) of op(A) is at aOff + i * rowStride + p * colStride.
            int rowStride = transA ? 1 : lda;
            int colStride = transA ? lda : 1;
            int src = aOff + (ic + ir) * rowStride + pc * colStride;
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < h; r++) {
                    ap[o + r] = alpha * a[src + r * rowStride];
                }
                for (int r = h; r < MR; r++) {
                    ap[o + r] = 0f;
                }
                src += colStride;
                o += MR;
            }
        }
    }

    /** t_r[0:nc] += sum over p of ap[ao + p * MR + r] * bRows[p][0:nc], two k steps per pass. */
    private static void kernelFma(int kc, int nc, float[] ap, int ao, float[][] bRows,
                                  float[] t0, float[] t1, float[] t2, float[] t3) {
        int p = 0;
        for (; p + 1 < kc; p += 2) {
            float[] b0 = bRows[p];
            float[] b1 = bRows[p + 1];
            int ai = ao + p * MR;
            float a00 = ap[ai], a10 = ap[ai + 1], a20 = ap[ai + 2], a30 = ap[ai + 3];
            float a01 = ap[ai + 4], a11 = ap[ai + 5], a21 = ap[ai + 6], a31 = ap[ai + 7];
            for (int j = 0; j < nc; j++) {
                float x0 = b0[j];
                float x1 = b1[j];
                t0[j] = Math.fma(a01, x1, Math.fma(a00, x0, t0[j]));
                t1[j] = Math.fma(a11, x1, Math.fma(a10, x0, t1[j]));
                t2[j] = Math.fma(a21, x1, Math.fma(a20, x0, t2[j]));
                t3[j] = Math.fma(a31, x1, Math.fma(a30, x0, t3[j]));
            }
        }
        if (p < kc) {
            float[] b0 = bRows[p];
            int ai = ao + p * MR;
            float a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
            for (int j = 0; j < nc; j++) {
                float x0 = b0[j];
                t0[j] = Math.fma(a0, x0, t0[j]);
                t1[j] = Math.fma(a1, x0, t1[j]);
                t2[j] = Math.fma(a2, x0, t2[j]);
                t3[j] = Math.fma(a3, x0, t3[j]);
            }
        }
    }

    /** Same as {@link #kernelFma} with separate multiply and add, one k step per pass. */
    private static void kernelPlain(int kc, int nc, float[] ap, int ao, float[][] bRows,
                                    float[] t0, float[] t1, float[] t2, float[] t3) {
        for (int p = 0; p < kc; p++) {
            float[] b0 = bRows[p];
            int ai = ao + p * MR;
            float a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
            for (int j = 0; j < nc; j++) {
                float x0 = b0[j];
                t0[j] += a0 * x0;
                t1[j] += a1 * x0;
                t2[j] += a2 * x0;
                t3[j] += a3 * x0;
            }
        }
    }
}
