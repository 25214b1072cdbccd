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
    /** Column granularity of the tasks a block is split into. */
    private static final int PANEL = 64;

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
                     float beta, float[] c, int cOff, int ldc, int threads) {
        Boolean override = fmaOverride;
        boolean fma = override != null ? override : FmaSupport.ENABLED;
        int kcStep = GemmKernel.balancedStep(k, KC, 2);
        int mcStep = GemmKernel.balancedStep(m, MC, MR);
        int ncMax = Math.min(NC, n);
        int needA = kcStep * GemmKernel.roundUp(Math.min(mcStep, m), MR);
        Buffers own = buffers(needA, ncMax);
        float[][] bRows = own.bRows;
        if (bRows.length < kcStep || bRows[0].length < ncMax) {
            int rows = Math.max(bRows.length, kcStep);
            int cols = Math.max(bRows.length == 0 ? 0 : bRows[0].length, ncMax);
            bRows = own.bRows = new float[rows][cols];
        }
        float[][] rowsB = bRows;
        int rowBlocks = (m + mcStep - 1) / mcStep;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + PANEL - 1) / PANEL;
            int pieces = GemmKernel.pieces(rowBlocks, panels, threads);
            int tasks = rowBlocks * pieces;
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                float blockBeta = pc == 0 ? beta : 1f;
                int jcF = jc, pcF = pc;
                if (threads > 1 && kc > 1 && (long) kc * nc >= GemmKernel.PARALLEL_PACK) {
                    int parts = Math.min(threads, kc);
                    Parallel.forRange(parts, t -> packB(transB, b, bOff, ldb, pcF, jcF, kc * t / parts,
                            kc * (t + 1) / parts, nc, rowsB));
                } else {
                    packB(transB, b, bOff, ldb, pc, jc, 0, kc, nc, rowsB);
                }
                if (tasks == 1) {
                    block(fma, transA, m, 0, mcStep, 0, nc, pc, jc, kc, alpha, a, aOff, lda, rowsB, blockBeta,
                            c, cOff, ldc, own);
                } else {
                    Parallel.forRange(tasks, t -> {
                        int jb = t % pieces;
                        block(fma, transA, m, t / pieces * mcStep, mcStep, panels * jb / pieces * PANEL,
                                Math.min(nc, panels * (jb + 1) / pieces * PANEL), pcF, jcF, kc, alpha, a, aOff, lda,
                                rowsB, blockBeta, c, cOff, ldc, buffers(needA, ncMax));
                    });
                }
            }
        }
    }

    /** This thread's buffers, with room for a packed A block and accumulator rows of ncMax. */
    private static Buffers buffers(int needA, int ncMax) {
        Buffers buf = BUFFERS.get();
        if (buf.a.length < needA) {
            buf.a = new float[needA];
        }
        if (buf.acc[0].length < ncMax) {
            for (int r = 0; r < MR; r++) {
                buf.acc[r] = new float[ncMax];
            }
        }
        return buf;
    }

    /**
     * One task: packs rows [ic, ic + mcStep) of op(A) for the slice pc into this thread's buffer
     * and updates C[ic:ic+mc, jc+j0 : jc+j1] from the shared B rows, MR rows at a time.
     */
    private static void block(boolean fma, boolean transA, int m, int ic, int mcStep, int j0, int j1, int pc,
                              int jc, int kc, float alpha, float[] a, int aOff, int lda, float[][] bRows,
                              float beta, float[] c, int cOff, int ldc, Buffers buf) {
        int mc = Math.min(mcStep, m - ic);
        float[] ap = buf.a;
        packA(transA, a, aOff, lda, ic, pc, mc, kc, alpha, ap);
        float[][] acc = buf.acc;
        float[] t0 = acc[0], t1 = acc[1], t2 = acc[2], t3 = acc[3];
        for (int ir = 0; ir < mc; ir += MR) {
            int h = Math.min(MR, mc - ir);
            int crow = cOff + (ic + ir) * ldc + jc;
            for (int r = 0; r < MR; r++) {
                loadRow(acc[r], j0, j1, r < h, beta, c, crow + r * ldc);
            }
            if (fma) {
                kernelFma(kc, j0, j1, ap, ir * kc, bRows, t0, t1, t2, t3);
            } else {
                kernelPlain(kc, j0, j1, ap, ir * kc, bRows, t0, t1, t2, t3);
            }
            for (int r = 0; r < h; r++) {
                System.arraycopy(acc[r], j0, c, crow + r * ldc + j0, j1 - j0);
            }
        }
    }

    /** acc[j0:j1] = beta * C row (zero when beta == 0 or the row is past the edge of C). */
    private static void loadRow(float[] acc, int j0, int j1, boolean inside, float beta, float[] c, int ci) {
        if (!inside || beta == 0f) {
            Arrays.fill(acc, j0, j1, 0f);
            return;
        }
        System.arraycopy(c, ci + j0, acc, j0, j1 - j0);
        if (beta != 1f) {
            for (int j = j0; j < j1; j++) {
                acc[j] *= beta;
            }
        }
    }

    /** bRows[p][0:nc] = op(B)[pc + p, jc:jc+nc] for p in [p0, p1). */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int pc, int jc, int p0, int p1, int nc,
                              float[][] bRows) {
        if (!transB) {
            // B is k x n: element (p, j) at bOff + p * ldb + j.
            for (int p = p0; p < p1; p++) {
                System.arraycopy(b, bOff + (pc + p) * ldb + jc, bRows[p], 0, nc);
            }
        } else {
            // B is n x k: element (p, j) at bOff + j * ldb + p.
            for (int j = 0; j < nc; j++) {
                int src = bOff + (jc + j) * ldb + pc;
                for (int p = p0; p < p1; p++) {
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
        if (transA) {
            // A is k x m: element (i, p) at aOff + p * lda + i. Read each stored row once, front to
            // back, and scatter it to the panels (a column walk thrashes L1 for power-of-two lda).
            for (int p = 0; p < kc; p++) {
                int src = aOff + (pc + p) * lda + ic;
                for (int ir = 0; ir < mc; ir += MR) {
                    int h = Math.min(MR, mc - ir);
                    int d = ir * kc + p * MR;
                    for (int r = 0; r < h; r++) {
                        ap[d + r] = alpha * a[src + ir + r];
                    }
                    for (int r = h; r < MR; r++) {
                        ap[d + r] = 0f;
                    }
                }
            }
            return;
        }
        // A is m x k: element (i, p) at aOff + i * lda + p.
        for (int ir = 0; ir < mc; ir += MR) {
            int h = Math.min(MR, mc - ir);
            int o = ir * kc;
            int src = aOff + (ic + ir) * lda + pc;
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < h; r++) {
                    ap[o + r] = alpha * a[src + r * lda + p];
                }
                for (int r = h; r < MR; r++) {
                    ap[o + r] = 0f;
                }
                o += MR;
            }
        }
    }

    /** t_r[j0:j1] += sum over p of ap[ao + p * MR + r] * bRows[p][0:nc], two k steps per pass. */
    private static void kernelFma(int kc, int j0, int j1, float[] ap, int ao, float[][] bRows,
                                  float[] t0, float[] t1, float[] t2, float[] t3) {
        int p = 0;
        for (; p + 1 < kc; p += 2) {
            float[] b0 = bRows[p];
            float[] b1 = bRows[p + 1];
            int ai = ao + p * MR;
            float a00 = ap[ai], a10 = ap[ai + 1], a20 = ap[ai + 2], a30 = ap[ai + 3];
            float a01 = ap[ai + 4], a11 = ap[ai + 5], a21 = ap[ai + 6], a31 = ap[ai + 7];
            for (int j = j0; j < j1; j++) {
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
            for (int j = j0; j < j1; j++) {
                float x0 = b0[j];
                t0[j] = Math.fma(a0, x0, t0[j]);
                t1[j] = Math.fma(a1, x0, t1[j]);
                t2[j] = Math.fma(a2, x0, t2[j]);
                t3[j] = Math.fma(a3, x0, t3[j]);
            }
        }
    }

    /** Same as {@link #kernelFma} with separate multiply and add, one k step per pass. */
    private static void kernelPlain(int kc, int j0, int j1, float[] ap, int ao, float[][] bRows,
                                    float[] t0, float[] t1, float[] t2, float[] t3) {
        for (int p = 0; p < kc; p++) {
            float[] b0 = bRows[p];
            int ai = ao + p * MR;
            float a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
            for (int j = j0; j < j1; j++) {
                float x0 = b0[j];
                t0[j] += a0 * x0;
                t1[j] += a1 * x0;
                t2[j] += a2 * x0;
                t3[j] += a3 * x0;
            }
        }
    }
}
