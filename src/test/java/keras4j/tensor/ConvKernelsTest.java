package keras4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares {@link ConvKernels} with {@link ConvReference} over randomised geometries, on one to three threads, with every
 * {@link ConvPlan} that applies to each geometry (explicit plans: no shared switches, so these tests may run in parallel).
 */
class ConvKernelsTest {
    private static final double TOLERANCE = 1e-4;
    private final int savedThreads = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(savedThreads);
    }

    /** One geometry: input and kernel shapes, strides, dilations, padding before/after, groups. */
    record Case(String name, int[] x, int[] k, int[] s, int[] d, int[] pb, int[] pa, int groups) {
        ConvSpec spec() {
            return ConvSpec.of(x, k, s, d, pb, pa, groups);
        }

        @Override
        public String toString() {
            return name + " x=" + Arrays.toString(x) + " k=" + Arrays.toString(k) + " s=" + Arrays.toString(s) + " d=" + Arrays.toString(d)
                    + " pad=" + Arrays.toString(pb) + "/" + Arrays.toString(pa) + " groups=" + groups;
        }
    }

    /** Random geometries over ranks 1-3, kernel sizes, strides, dilations, valid/same/causal/explicit padding, channels and groups. */
    static List<Case> randomCases(long seed, int count) {
        return randomCases(seed, count, false);
    }

    /**
     * Random geometries; {@code wide} makes the width 16–55 and the channel counts larger, with one group (except
     * depthwise cases), so the direct kernels run, including their staged edge rows, dilations, strides and crops.
     */
    static List<Case> randomCases(long seed, int count, boolean wide) {
        Random rnd = new Random(seed);
        List<Case> cases = new ArrayList<>();
        String[] kinds = {"valid", "same", "causal", "explicit"};
        while (cases.size() < count) {
            int rank = 1 + cases.size() % 3;
            String kind = kinds[rnd.nextInt(kinds.length)];
            boolean depthwise = rnd.nextInt(5) == 0;
            int groups = depthwise ? 2 + rnd.nextInt(3) : wide ? 1 : 1 + rnd.nextInt(3);
            int cinG = depthwise ? 1 : 1 + rnd.nextInt(wide ? 12 : 3);
            int coutG = 1 + rnd.nextInt(wide ? 40 : 3);
            int[] x = new int[rank + 2], k = new int[rank + 2], s = new int[rank], d = new int[rank], pb = new int[rank], pa = new int[rank];
            x[0] = 1 + rnd.nextInt(3);
            x[rank + 1] = cinG * groups;
            k[rank] = cinG;
            k[rank + 1] = coutG * groups;
            int maxLen = rank == 1 ? 14 : rank == 2 ? 8 : 5;
            for (int i = 0; i < rank; i++) {
                x[i + 1] = wide && i == rank - 1 ? 16 + rnd.nextInt(40) : 1 + rnd.nextInt(maxLen);
                k[i] = 1 + rnd.nextInt(rank == 1 ? 5 : 3);
                s[i] = 1 + rnd.nextInt(3);
                d[i] = 1 + rnd.nextInt(2);
                int eff = d[i] * (k[i] - 1) + 1;
                switch (kind) {
                    case "same" -> {
                        int out = (x[i + 1] + s[i] - 1) / s[i];
                        int total = Math.max((out - 1) * s[i] + eff - x[i + 1], 0);
                        pb[i] = total / 2;
                        pa[i] = total - pb[i];
                    }
                    case "causal" -> pb[i] = eff - 1;
                    case "explicit" -> {
                        pb[i] = rnd.nextInt(4) - 1;
                        pa[i] = rnd.nextInt(4) - 1;
                    }
                    default -> { }
                }
            }
            int[] y = ConvReference.outputShape(x, k, s, d, pb, pa);
            boolean ok = true;
            for (int v : y) ok &= v > 0;
            if (ok) cases.add(new Case(kind + (depthwise ? "/depthwise" : ""), x, k, s, d, pb, pa, groups));
        }
        return cases;
    }

    /** Larger geometries that split into several chunks and parallel tasks, and take the special paths. */
    static List<Case> largeCases() {
        return List.of(
                new Case("2d same", new int[] {4, 40, 40, 3}, new int[] {3, 3, 3, 8}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1),
                new Case("1d causal dilated", new int[] {5, 300, 4}, new int[] {5, 4, 6}, new int[] {1}, new int[] {2}, new int[] {8}, new int[] {0}, 1),
                new Case("1d causal dilated, 32 filters", new int[] {3, 300, 5}, new int[] {5, 5, 32}, new int[] {1}, new int[] {2}, new int[] {8},
                        new int[] {0}, 1),
                new Case("1d same, 20 filters", new int[] {2, 200, 3}, new int[] {3, 3, 20}, new int[] {1}, new int[] {1}, new int[] {1},
                        new int[] {1}, 1),
                new Case("3d same groups", new int[] {2, 6, 12, 12, 4}, new int[] {3, 3, 3, 2, 6}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                        new int[] {1, 1, 1}, new int[] {1, 1, 1}, 2),
                new Case("2d strided", new int[] {3, 33, 31, 5}, new int[] {4, 2, 5, 7}, new int[] {2, 3}, new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 1}, 1),
                new Case("2d depthwise dm2", new int[] {3, 30, 30, 6}, new int[] {3, 3, 1, 12}, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0},
                        new int[] {1, 1}, 6),
                new Case("1d depthwise", new int[] {2, 400, 5}, new int[] {3, 1, 5}, new int[] {1}, new int[] {3}, new int[] {3}, new int[] {3}, 5),
                new Case("2d pointwise", new int[] {2, 20, 20, 8}, new int[] {1, 1, 8, 16}, new int[] {1, 1}, new int[] {1, 1}, new int[] {0, 0},
                        new int[] {0, 0}, 1),
                new Case("3d pointwise groups", new int[] {2, 4, 9, 9, 6}, new int[] {1, 1, 1, 2, 9}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                        new int[] {0, 0, 0}, new int[] {0, 0, 0}, 3),
                new Case("1x1 strided", new int[] {2, 15, 15, 4}, new int[] {1, 1, 4, 5}, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0},
                        new int[] {0, 0}, 1),
                new Case("wide channels", new int[] {2, 9, 9, 70}, new int[] {3, 3, 70, 33}, new int[] {1, 1}, new int[] {2, 2}, new int[] {2, 2},
                        new int[] {2, 2}, 1),
                new Case("32 filters", new int[] {3, 14, 13, 5}, new int[] {3, 3, 5, 32}, new int[] {1, 1}, new int[] {1, 1}, new int[] {0, 0},
                        new int[] {0, 0}, 1),
                new Case("16 filters", new int[] {2, 5, 9, 8, 3}, new int[] {3, 3, 3, 3, 16}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                        new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1),
                new Case("pointwise 16 filters", new int[] {2, 7, 9, 6}, new int[] {1, 1, 6, 16}, new int[] {1, 1}, new int[] {1, 1},
                        new int[] {0, 0}, new int[] {0, 0}, 1),
                new Case("many filters", new int[] {3, 12, 11, 5}, new int[] {3, 3, 5, 72}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1},
                        new int[] {1, 1}, 1),
                new Case("many filters groups", new int[] {2, 20, 6}, new int[] {4, 3, 130}, new int[] {2}, new int[] {1}, new int[] {1},
                        new int[] {2}, 2));
    }

    private static void compare(Case c) {
        compare(c, ConvTuning.POSITION_COPY_BUDGET, p -> true);
    }

    /** Whether {@code p} runs position vectors (itself, or as the flipped forward pass of an input gradient). */
    private static boolean usesPositions(ConvPlan p) {
        return p.path == ConvPlan.Path.DIRECT_POSITIONS || p.flipped != null && usesPositions(p.flipped);
    }

    /**
     * Every plan that applies to the case ({@link ConvPlan#all}) and passes {@code which} against the reference, for each
     * pass, with and without the bias; position vectors copy at most {@code positionCopyBudget} floats per task.
     */
    private static void compare(Case c, long positionCopyBudget, Predicate<ConvPlan> which) {
        ConvSpec spec = c.spec();
        long seed = Arrays.hashCode(c.x) * 31L + Arrays.hashCode(c.k);
        float[] x = Tensor.randomUniform(seed, -1f, 1f, c.x).data;
        float[] w = Tensor.randomUniform(seed + 1, -1f, 1f, c.k).data;
        int[] yShape = ConvReference.outputShape(c.x, c.k, c.s, c.d, c.pb, c.pa);
        assertArrayEquals(yShape, spec.outputShape(), c::toString);
        float[] dy = Tensor.randomUniform(seed + 2, -1f, 1f, yShape).data;
        int filters = c.k[c.k.length - 1];
        float[] bias = Tensor.randomUniform(seed + 3, -2f, 2f, filters).data;

        float[] yRef = ConvReference.forward(c.x, x, c.k, w, c.s, c.d, c.pb, c.pa, c.groups);
        float[] dxRef = ConvReference.backwardInput(c.x, c.k, w, dy, c.s, c.d, c.pb, c.pa, c.groups);
        float[] dwRef = ConvReference.backwardKernel(c.x, x, c.k, dy, c.s, c.d, c.pb, c.pa, c.groups);
        // The bias goes into the forward pass (the reference's output plus the bias on every output channel), and its
        // gradient comes with the kernel's: dy summed over every axis but the channels.
        float[] ybRef = yRef.clone();
        for (int i = 0; i < ybRef.length; i++) ybRef[i] += bias[i % filters];
        float[] dbRef = new float[filters];
        for (int i = 0; i < dy.length; i++) dbRef[i % filters] += dy[i];

        for (ConvPlan.Pass pass : ConvPlan.Pass.values()) {
            List<ConvPlan> plans = ConvPlan.all(spec, pass);
            String chosen = ConvPlan.of(spec, pass).toString();
            assertTrue(plans.stream().anyMatch(p -> p.toString().equals(chosen)), () -> pass + " of " + c + ": chosen plan " + chosen + " not in " + plans);
            for (ConvPlan plain : plans) {
                if (!which.test(plain)) continue;
                ConvPlan p = plain.withPositionCopyBudget(positionCopyBudget);
                String what = pass + " by " + p + ", " + c;
                switch (pass) {
                    case FORWARD -> {
                        float[] y = filled(yRef.length);
                        ConvKernels.forward(p, x, w, null, y);
                        assertClose(yRef, y, what);
                        float[] yb = filled(yRef.length);
                        ConvKernels.forward(p, x, w, bias, yb);
                        assertClose(ybRef, yb, what + ", with bias");
                    }
                    case INPUT_GRADIENT -> {
                        float[] dx = filled(x.length);
                        ConvKernels.backwardInput(p, dy, w, dx);
                        assertClose(dxRef, dx, what);
                    }
                    case KERNEL_GRADIENT -> {
                        float[] dw = filled(w.length);
                        ConvKernels.backwardKernel(p, x, dy, dw, null);
                        assertClose(dwRef, dw, what);
                        float[] dw2 = filled(w.length), db = filled(filters);
                        ConvKernels.backwardKernel(p, x, dy, dw2, db);
                        assertClose(dwRef, dw2, what + ", with bias");
                        assertClose(dbRef, db, what + ", bias gradient");
                    }
                }
            }
        }
    }

    /** An output buffer full of NaN, so a result element the kernel does not write fails the comparison. */
    private static float[] filled(int n) {
        float[] a = new float[n];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        double error = ConvReference.relativeError(actual, expected);
        assertTrue(error <= TOLERANCE, () -> what + ": error " + error);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 3})
    void randomGeometriesMatchTheReferenceOnEveryPlan(int threads) {
        Parallel.setThreads(threads);
        for (Case c : randomCases(20261126L + threads, 240)) compare(c);
    }

    /** Wide geometries, where the direct plans (position vectors, channel pairs, rows in registers) apply. */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void randomWideGeometriesMatchTheReferenceOnEveryPlan(int threads) {
        Parallel.setThreads(threads);
        for (Case c : randomCases(20261127L + threads, 60, true)) compare(c);
    }

    /** Position vectors on images split into line ranges (within one depth, and across depths), as large images are. */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void positionVectorsOnSplitImagesMatchTheReference(int threads) {
        Parallel.setThreads(threads);
        for (Case c : randomCases(20261128L + threads, 40, true)) compare(c, 2000, ConvKernelsTest::usesPositions);
        compare(new Case("3d same, 16 filters", new int[] {2, 6, 7, 40, 4}, new int[] {3, 3, 3, 4, 16}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1), 2000, ConvKernelsTest::usesPositions);
        compare(new Case("2d same, 16 filters", new int[] {1, 20, 36, 6}, new int[] {3, 3, 6, 16}, new int[] {2, 1}, new int[] {1, 2},
                new int[] {1, 2}, new int[] {1, 2}, 1), 2000, ConvKernelsTest::usesPositions);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 3})
    void largeGeometriesMatchTheReferenceOnEveryPlan(int threads) {
        Parallel.setThreads(threads);
        for (Case c : largeCases()) compare(c);
    }

    /** The decision table on the benchmark's convolutions and the special shapes, on this JVM's vector width. */
    @Test
    void planChoosesThePathByShape() {
        ConvPlan.Pass fwd = ConvPlan.Pass.FORWARD, in = ConvPlan.Pass.INPUT_GRADIENT, ker = ConvPlan.Pass.KERNEL_GRADIENT;
        ConvSpec depthwise = largeCases().get(6).spec(), pointwise = largeCases().get(8).spec();
        for (ConvPlan.Pass pass : ConvPlan.Pass.values()) assertEquals(ConvPlan.Path.DEPTHWISE, ConvPlan.of(depthwise, pass).path);
        assertEquals(ConvPlan.Path.POINTWISE, ConvPlan.of(pointwise, fwd).path);
        assertEquals(ConvPlan.Path.POINTWISE, ConvPlan.of(pointwise, in).path);
        ConvSpec conv1d = ConvSpec.of(new int[] {64, 1000, 16}, new int[] {5, 16, 32}, new int[] {1}, new int[] {2}, new int[] {8}, new int[] {0}, 1);
        ConvSpec conv3d = ConvSpec.of(new int[] {8, 16, 32, 32, 8}, new int[] {3, 3, 3, 8, 16}, new int[] {1, 1, 1}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1);
        ConvNarrowKernel k = ConvPlan.vectorKernel();
        if (k == null) {
            // Without the Vector API every product is a GEMM over patches.
            assertEquals("patches (" + ConvPlan.chunkRows(conv1d) + " rows a chunk) + GEMM", ConvPlan.of(conv1d, fwd).toString());
            assertEquals(ConvPlan.Path.COL2IM, ConvPlan.of(conv3d, in).path);
            assertEquals("GEMM + col2im with scalar adds", ConvPlan.of(conv3d, in).toString());
            assertEquals(ConvPlan.Path.PATCHES, ConvPlan.of(conv3d, ker).path);
            return;
        }
        // Causal Conv1D: 8 edge positions in 1,000, so the lines are not staged; 32 filters are too many for position vectors.
        ConvPlan p = ConvPlan.of(conv1d, fwd);
        assertEquals(k.vectorLength() >= 16 ? ConvPlan.Path.DIRECT_LINES : ConvPlan.Path.PATCHES, p.path, p::toString);
        if (p.path == ConvPlan.Path.DIRECT_LINES) assertFalse(p.staged);
        // Its kernel gradient runs in lines wherever the narrow kernel takes 32 columns (4 vectors need 32 registers).
        ConvPlan k1 = ConvPlan.of(conv1d, ker);
        assertEquals(k.maxColumns() >= 32 ? ConvPlan.Path.DIRECT_LINES : ConvPlan.Path.PATCHES, k1.path, k1::toString);
        if (k1.path == ConvPlan.Path.DIRECT_LINES) assertFalse(k1.staged);
        // Conv3D same, 16 filters × 27 taps: position vectors with 32 vector registers; 2 edge positions in 32 are staged.
        ConvPlan f3 = ConvPlan.of(conv3d, fwd);
        assertEquals(k.positionWidth() > 0 ? ConvPlan.Path.DIRECT_POSITIONS : ConvPlan.Path.DIRECT_LINES, f3.path, f3::toString);
        if (f3.path == ConvPlan.Path.DIRECT_LINES) assertTrue(f3.staged);
        assertTrue(ConvPlan.of(conv3d, ker).staged);
        // Its input gradient (8 input channels) is a flipped forward pass: 8 filters × 27 taps on position vectors with
        // 32 registers; with 8 lanes the 8 channels fill whole vectors as rows in registers.
        ConvPlan i3 = ConvPlan.of(conv3d, in);
        assertEquals(ConvPlan.Path.FLIPPED_FORWARD, i3.path, i3::toString);
        assertEquals(k.positionWidth() > 0 ? ConvPlan.Path.DIRECT_POSITIONS : ConvPlan.Path.DIRECT_LINES, i3.flipped.path, i3::toString);
    }

    /**
     * The vector width this run was asked for (the pom's {@code simd-256} execution caps it with
     * {@code -XX:MaxVectorSize=32}, so the 256-bit register blocks run on AVX-512 machines too); without the property,
     * the vector kernel exists exactly when the JVM has the Vector API.
     */
    @Test
    void runsAtTheRequestedVectorWidth() {
        String bits = System.getProperty("keras4j.test.vectorBits");
        ConvNarrowKernel k = ConvPlan.vectorKernel();
        if (bits != null) {
            assertTrue(k != null, "a vector width was requested but the JVM has no Vector API kernel");
            assertEquals(Integer.parseInt(bits), k.vectorLength() * 32, "vector bits of the convolution kernel");
            if (k.vectorLength() * 32 < 512) assertEquals(0, k.positionWidth(), "position blocks need 512-bit vectors");
        } else {
            assertEquals(VectorModule.present(), k != null, "vector kernel loaded exactly when the Vector API is present");
        }
    }

    @Test
    void repeatedCallsReuseScratchAndGiveIdenticalResults() {
        Case c = largeCases().get(0);
        ConvSpec spec = c.spec();
        Tensor x = Tensor.randomUniform(1, -1f, 1f, c.x);
        Tensor w = Tensor.randomUniform(2, -1f, 1f, c.k);
        float[] first = Internal.array(ConvKernels.forward(spec, x, w));
        float[] second = Internal.array(ConvKernels.forward(spec, x, w));
        assertArrayEquals(first, second);
        float[] out = new float[first.length];
        Arrays.fill(out, Float.NaN);
        ConvKernels.forward(spec, Internal.array(x), Internal.array(w), out);
        assertArrayEquals(first, out);
    }

    @Test
    void specReportsShapes() {
        ConvSpec spec = ConvSpec.of(new int[] {2, 28, 28, 1}, new int[] {3, 3, 1, 32}, new int[] {1, 1}, new int[] {1, 1},
                new int[] {0, 0}, new int[] {0, 0}, 1);
        assertEquals(2, spec.rank());
        assertArrayEquals(new int[] {2, 26, 26, 32}, spec.outputShape());
        assertArrayEquals(new int[] {3, 3, 1, 32}, spec.kernelShape());
        assertArrayEquals(new int[] {2, 28, 28, 1}, spec.inputShape());
        assertTrue(spec.toString().contains("output=(2, 26, 26, 32)"));
    }

    @Test
    void specRejectsInconsistentGeometry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(new int[] {1, 5, 5, 3},
                new int[] {3, 3, 2, 4}, new int[] {1, 1}, new int[] {1, 1}, new int[] {0, 0}, new int[] {0, 0}, 1));
        assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(new int[] {1, 2, 2, 3},
                new int[] {3, 3, 3, 4}, new int[] {1, 1}, new int[] {1, 1}, new int[] {0, 0}, new int[] {0, 0}, 1));
        assertTrue(e.getMessage().startsWith("Computed output size would be zero or negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(new int[] {1, 5, 4},
                new int[] {3, 2, 3}, new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0}, 2));
        assertTrue(e.getMessage().contains("evenly divisible"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(new int[] {1, 5, 4},
                new int[] {3, 4, 3}, new int[] {0}, new int[] {1}, new int[] {0}, new int[] {0}, 1));
        assertTrue(e.getMessage().contains("strides"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(new int[] {5, 4},
                new int[] {3, 4, 3}, new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0}, 1));
        assertTrue(e.getMessage().contains("rank 3, 4 or 5"), e.getMessage());
        Tensor x = Tensor.zeros(1, 5, 4);
        Tensor wrong = Tensor.zeros(3, 4, 2);
        ConvSpec spec = ConvSpec.of(new int[] {1, 5, 4}, new int[] {3, 4, 3}, new int[] {1}, new int[] {1}, new int[] {0}, new int[] {0}, 1);
        e = assertThrows(IllegalArgumentException.class, () -> ConvKernels.forward(spec, x, wrong));
        assertTrue(e.getMessage().contains("kernel has shape (3, 4, 2), expected (3, 4, 3)"), e.getMessage());
    }
}
