package keras4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Gemm} against a double-precision triple loop for many shapes, transposes, scalars,
 * offsets and leading dimensions, on the kernel this JVM selects (SIMD when the test JVM has
 * {@code jdk.incubator.vector}, see the {@code simd} surefire execution), on the forced scalar
 * kernel, with 1 and 2 threads; and checks {@link Parallel}.
 */
class GemmTest {

    private static final int DEFAULT_THREADS = Parallel.threads();

    @AfterEach
    void restore() {
        Gemm.forceScalar(false);
        ScalarGemm.fmaOverride = null;
        Parallel.setThreads(DEFAULT_THREADS);
    }

    /** {m, n, k} triples: tiny, primes, vectors, block-edge straddlers, multi-block. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 1, 7}, {2, 3, 4}, {17, 31, 13}, {13, 17, 31}, {31, 13, 17},
        {1, 300, 70}, {1, 64, 1}, {257, 1, 65}, {300, 1, 1}, {1, 1, 1000},
        {5, 63, 64}, {6, 64, 65}, {7, 65, 97}, {11, 129, 33}, {12, 48, 47}, {19, 16, 23},
        {64, 64, 64}, {65, 65, 65}, {97, 193, 389}, {145, 130, 385}, {300, 257, 129},
        {149, 1031, 37}, {61, 2053, 5}, {3, 40, 2000}, {4, 700, 100}, {2000, 3, 50},
    };

    private static final float[][] SCALARS = {{1f, 0f}, {1f, 1f}, {-0.5f, 0f}, {2f, -1.5f}, {0.75f, 0.25f}};

    @Test
    void selectedKernelMatchesReference() {
        String expected = Gemm.simdAvailable() ? "simd" : "scalar";
        assertEquals(expected, Gemm.kernelName());
        boolean flag = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(flag, Gemm.simdAvailable(), "SIMD kernel must load exactly when the module is present");
        runAll(1);
        runAll(2);
    }

    @Test
    void forcedScalarKernelMatchesReference() {
        Gemm.forceScalar(true);
        assertEquals("scalar", Gemm.kernelName());
        runAll(1);
        runAll(2);
        Gemm.forceScalar(false);
        assertEquals(Gemm.simdAvailable() ? "simd" : "scalar", Gemm.kernelName());
    }

    @Test
    void scalarKernelWithoutFmaMatchesReference() {
        Gemm.forceScalar(true);
        ScalarGemm.fmaOverride = false;
        Random rnd = new Random(7);
        for (int[] s : new int[][] {{17, 31, 13}, {97, 193, 389}, {300, 257, 129}}) {
            check(rnd, false, false, s[0], s[1], s[2], 1.5f, 0.5f, 0, 0, 0, 0);
            check(rnd, true, true, s[0], s[1], s[2], 1f, 0f, 3, 1, 2, 5);
        }
    }

    @Test
    void kernelsCalledDirectlyMatchReference() {
        // Exercise each kernel below the triple-loop and threading thresholds, split into tasks or not.
        List<GemmKernel> kernels = new ArrayList<>();
        kernels.add(new ScalarGemm());
        if (Gemm.simdAvailable()) {
            Gemm.forceScalar(false);
            kernels.add(Gemm.kernel());
        }
        Random rnd = new Random(11);
        Parallel.setThreads(2);
        for (GemmKernel kernel : kernels) {
            for (int threads = 1; threads <= 3; threads++) {
                for (int[] s : new int[][] {{1, 1, 1}, {2, 3, 4}, {6, 64, 1}, {7, 65, 3}, {1, 17, 2},
                        {5, 300, 9}, {150, 2, 3}, {13, 1100, 2}}) {
                    for (boolean ta : new boolean[] {false, true}) {
                        for (boolean tb : new boolean[] {false, true}) {
                            Case cs = new Case(rnd, ta, tb, s[0], s[1], s[2], 1.25f, 0.5f, 1, 2, 3, 4);
                            kernel.gemm(ta, tb, cs.m, cs.n, cs.k, cs.alpha, cs.a, cs.aOff, cs.lda, cs.b, cs.bOff,
                                    cs.ldb, cs.beta, cs.c, cs.cOff, cs.ldc, threads);
                            cs.verify(kernel.name() + " direct, threads=" + threads);
                        }
                    }
                }
            }
        }
    }

    private void runAll(int threads) {
        Parallel.setThreads(threads);
        Random rnd = new Random(42 + threads);
        int count = 0;
        for (int[] s : SHAPES) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                float[] ab = SCALARS[count % SCALARS.length];
                // Alternate between compact storage and padded storage with offsets.
                boolean padded = count % 2 == 1;
                check(rnd, ta, tb, s[0], s[1], s[2], ab[0], ab[1],
                        padded ? 3 : 0, padded ? 5 : 0, padded ? 7 : 0, padded ? 2 : 0);
                count++;
            }
        }
    }

    private static void check(Random rnd, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta,
                              int off, int padA, int padB, int padC) {
        Case cs = new Case(rnd, ta, tb, m, n, k, alpha, beta, off, padA, padB, padC);
        Gemm.sgemm(ta, tb, m, n, k, alpha, cs.a, cs.aOff, cs.lda, cs.b, cs.bOff, cs.ldb, beta, cs.c, cs.cOff,
                cs.ldc);
        cs.verify(Gemm.kernelName() + " threads=" + Parallel.threads());
    }

    /** A random problem with its operands, a saved copy of C and a double-precision reference. */
    private static final class Case {
        final boolean ta, tb;
        final int m, n, k, aOff, bOff, cOff, lda, ldb, ldc;
        final float alpha, beta;
        final float[] a, b, c, c0;

        Case(Random rnd, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta,
             int off, int padA, int padB, int padC) {
            this.ta = ta;
            this.tb = tb;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.beta = beta;
            int aRows = ta ? k : m, aCols = ta ? m : k;
            int bRows = tb ? n : k, bCols = tb ? k : n;
            lda = aCols + padA;
            ldb = bCols + padB;
            ldc = n + padC;
            aOff = off;
            bOff = 2 * off;
            cOff = off == 0 ? 0 : off + 1;
            a = random(rnd, aOff + aRows * lda + 3);
            b = random(rnd, bOff + bRows * ldb + 3);
            c = random(rnd, cOff + m * ldc + 3);
            if (beta == 0f) {
                Arrays.fill(c, Float.NaN); // must be ignored
            }
            c0 = c.clone();
        }

        void verify(String what) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    double mag = 0;
                    for (int p = 0; p < k; p++) {
                        double x = a[ta ? aOff + p * lda + i : aOff + i * lda + p];
                        double y = b[tb ? bOff + j * ldb + p : bOff + p * ldb + j];
                        s += x * y;
                        mag += Math.abs(x * y);
                    }
                    int ci = cOff + i * ldc + j;
                    double expected = alpha * s + (beta == 0f ? 0 : beta * (double) c0[ci]);
                    double scale = Math.abs(alpha) * mag + Math.abs(beta) * (beta == 0f ? 0 : Math.abs(c0[ci]));
                    double tol = 1e-5 + 2e-6 * Math.sqrt(k) * scale + 1e-6 * scale;
                    if (!(Math.abs(c[ci] - expected) <= tol)) {
                        fail(String.format("%s: %s%s m=%d n=%d k=%d alpha=%s beta=%s: C[%d,%d]=%s, expected %s",
                                what, ta ? "T" : "N", tb ? "T" : "N", m, n, k, alpha, beta, i, j, c[ci], expected));
                    }
                }
            }
            // Everything outside the m x n window of C is untouched.
            for (int idx = 0; idx < c.length; idx++) {
                int rel = idx - cOff;
                boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
                if (!inside && Float.floatToRawIntBits(c[idx]) != Float.floatToRawIntBits(c0[idx])) {
                    fail(what + ": wrote outside C at index " + idx);
                }
            }
        }
    }

    private static float[] random(Random rnd, int len) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) {
            x[i] = rnd.nextFloat() * 2f - 1f;
        }
        return x;
    }

    @Test
    void largeProductAgreesAcrossKernelsAndThreads() {
        int m = 259, n = 517, k = 401;
        Random rnd = new Random(5);
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        float[] ref = new float[m * n];
        Gemm.forceScalar(true);
        Parallel.setThreads(1);
        Gemm.matmul(a, b, ref, m, k, n);
        for (boolean scalar : new boolean[] {true, false}) {
            for (int threads : new int[] {1, 2, 3}) {
                Gemm.forceScalar(scalar);
                Parallel.setThreads(threads);
                float[] c = new float[m * n];
                Arrays.fill(c, Float.NaN);
                Gemm.matmul(a, b, c, m, k, n);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(ref[i], c[i], 2e-4f * (1f + Math.abs(ref[i])), "element " + i);
                }
            }
        }
    }

    @Test
    void degenerateDimensions() {
        float[] c = {1f, 2f, 3f, 4f, 5f, 6f};
        // k == 0: C = beta * C, A and B not read.
        Gemm.sgemm(false, false, 2, 3, 0, 1f, new float[0], 0, 1, new float[0], 0, 3, 2f, c, 0, 3);
        assertEquals(List.of(2f, 4f, 6f, 8f, 10f, 12f), boxed(c));
        // alpha == 0 with beta == 0 clears C, even NaN.
        float[] nan = {Float.NaN, Float.NaN, 1f, Float.NaN};
        Gemm.sgemm(false, false, 2, 2, 2, 0f, new float[4], 0, 2, new float[4], 0, 2, 0f, nan, 0, 2);
        assertEquals(List.of(0f, 0f, 0f, 0f), boxed(nan));
        // m == 0 or n == 0: nothing happens.
        float[] untouched = {7f};
        Gemm.sgemm(false, false, 0, 1, 5, 1f, new float[0], 0, 5, new float[5], 0, 1, 0f, untouched, 0, 1);
        Gemm.sgemm(false, false, 1, 0, 5, 1f, new float[5], 0, 5, new float[0], 0, 1, 0f, untouched, 0, 1);
        assertEquals(7f, untouched[0]);
        // matmul with k == 0 gives zeros.
        float[] z = {Float.NaN, Float.NaN};
        Gemm.matmul(new float[0], new float[0], z, 1, 0, 2);
        assertEquals(List.of(0f, 0f), boxed(z));
    }

    @Test
    void matmulIsPlainProduct() {
        float[] a = {1, 2, 3, 4, 5, 6};          // 2 x 3
        float[] b = {7, 8, 9, 10, 11, 12};       // 3 x 2
        float[] c = new float[4];
        Gemm.matmul(a, b, c, 2, 3, 2);
        assertEquals(List.of(58f, 64f, 139f, 154f), boxed(c));
    }

    @Test
    void invalidArgumentsAreRejected() {
        float[] x = new float[16];
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2));
        IllegalArgumentException lda = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, x, 0, 2, x, 0, 2, 0f, new float[4], 0, 2));
        assertTrue(lda.getMessage().contains("A"), lda.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(true, false, 3, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, new float[6], 0, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, x, 1, 4, x, 0, 4, 0f, new float[16], 0, 4));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 4, 4, 4, 1f, x, 0, 4, x, 0, 4, 0f, new float[15], 0, 4));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 2, 1f, x, -1, 2, x, 0, 2, 0f, x, 0, 2));
        assertThrows(NullPointerException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 2, 1f, null, 0, 2, x, 0, 2, 0f, x, 0, 2));
    }

    @Test
    void setThreadsValidates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(-3));
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        Parallel.setThreads(3);
        assertEquals(3, Parallel.threads());
        assertTrue(DEFAULT_THREADS >= 1);
    }

    @Test
    void forRangeCoversEveryIndexOnce() {
        for (int threads : new int[] {1, 2, 4}) {
            Parallel.setThreads(threads);
            for (int count : new int[] {0, 1, 2, 3, 17, 1000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(1, count));
                Parallel.forRange(count, i -> hits.incrementAndGet(i));
                for (int i = 0; i < count; i++) {
                    assertEquals(1, hits.get(i), "threads=" + threads + " count=" + count + " index " + i);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(-1, i -> { }));
    }

    @Test
    void forRangeUsesSeveralThreads() {
        Parallel.setThreads(2);
        int best = 0;
        for (int attempt = 0; attempt < 50 && best < 2; attempt++) {
            ConcurrentHashMap<Thread, Boolean> seen = new ConcurrentHashMap<>();
            Parallel.forRange(2, i -> {
                seen.put(Thread.currentThread(), true);
                long end = System.nanoTime() + 2_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            assertTrue(seen.size() <= 2, "at most threads() threads take part");
            best = Math.max(best, seen.size());
        }
        assertEquals(2, best, "a worker should help the calling thread");
    }

    @Test
    void forRangePropagatesExceptions() {
        Parallel.setThreads(2);
        for (int count : new int[] {1, 2, 100}) {
            AtomicInteger ran = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(count, i -> {
                ran.incrementAndGet();
                if (i == count - 1) {
                    throw new IllegalStateException("boom " + i);
                }
            }));
            assertEquals("boom " + (count - 1), e.getMessage());
            assertTrue(ran.get() >= 1 && ran.get() <= count);
        }
        AssertionError err = assertThrows(AssertionError.class, () -> Parallel.forRange(4, i -> {
            throw new AssertionError("error " + i);
        }));
        assertTrue(err.getMessage().startsWith("error "));
        // The pool still works after failures.
        AtomicInteger sum = new AtomicInteger();
        Parallel.forRange(10, sum::addAndGet);
        assertEquals(45, sum.get());
    }

    @Test
    void nestedForRangeRunsInline() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(8 * 8);
        Parallel.forRange(8, i -> {
            Thread outer = Thread.currentThread();
            Parallel.forRange(8, j -> {
                assertSame(outer, Thread.currentThread());
                hits.incrementAndGet(i * 8 + j);
            });
        });
        for (int i = 0; i < 64; i++) {
            assertEquals(1, hits.get(i));
        }
    }

    @Test
    void gemmInsideParallelLoop() {
        Parallel.setThreads(2);
        Case[] cases = new Case[6];
        Random rnd = new Random(3);
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new Case(rnd, i % 2 == 0, i % 3 == 0, 90 + i, 110, 70, 1f, 0f, 0, 0, 0, 0);
        }
        Parallel.forRange(cases.length, i -> {
            Case cs = cases[i];
            Gemm.sgemm(cs.ta, cs.tb, cs.m, cs.n, cs.k, cs.alpha, cs.a, cs.aOff, cs.lda, cs.b, cs.bOff, cs.ldb,
                    cs.beta, cs.c, cs.cOff, cs.ldc);
        });
        for (Case cs : cases) {
            cs.verify("nested " + Gemm.kernelName());
        }
    }

    @Test
    void concurrentCallersShareThePool() throws Exception {
        Parallel.setThreads(2);
        int callers = 4;
        Thread[] ts = new Thread[callers];
        Throwable[] errors = new Throwable[callers];
        for (int t = 0; t < callers; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                try {
                    Random rnd = new Random(id);
                    for (int rep = 0; rep < 5; rep++) {
                        check(rnd, rep % 2 == 0, rep % 3 == 0, 70 + id, 90, 80, 1f, 0f, 0, 0, 0, 0);
                        AtomicIntegerArray hits = new AtomicIntegerArray(500);
                        Parallel.forRange(500, hits::incrementAndGet);
                        for (int i = 0; i < 500; i++) {
                            assertEquals(1, hits.get(i));
                        }
                    }
                } catch (Throwable e) {
                    errors[id] = e;
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        for (Throwable e : errors) {
            if (e != null) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void simdDetectionMatchesModule() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!module) {
            assertFalse(Gemm.simdAvailable());
            assertEquals("scalar", Gemm.kernelName());
        }
    }

    private static List<Float> boxed(float[] x) {
        List<Float> out = new ArrayList<>();
        for (float v : x) {
            out.add(v);
        }
        return out;
    }
}
