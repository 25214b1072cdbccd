package keras4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

/** Compares {@link ConvKernels} with {@link ConvReference} over randomised geometries, on one and two threads. */
class ConvKernelsTest {
    private static final double TOLERANCE = 1e-4;
    private final int savedThreads = Parallel.threads();

    @AfterEach
    void restore() {
        Parallel.setThreads(savedThreads);
        ConvKernels.orientationOverride = null;
        ConvKernels.narrowDisabled = false;
        ConvKernels.directDisabled = false;
        ConvKernels.pairsDisabled = false;
        ConvKernels.positionsDisabled = false;
        ConvKernels.positionCopyBudget = 1 << 22;
    }

    /** How products are computed: as chosen by shape, through patch matrices only, or forced through Gemm in either kernel-gradient orientation. */
    enum Mode {
        AUTO, PATCHES, GEMM, GEMM_TRANSPOSED;

        void apply() {
            ConvKernels.directDisabled = this != AUTO;
            ConvKernels.narrowDisabled = this == GEMM || this == GEMM_TRANSPOSED;
            ConvKernels.orientationOverride = this == GEMM ? Boolean.FALSE : this == GEMM_TRANSPOSED ? Boolean.TRUE : null;
        }
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
        ConvSpec spec = c.spec();
        long seed = Arrays.hashCode(c.x) * 31L + Arrays.hashCode(c.k);
        Tensor x = Tensor.randomUniform(seed, -1f, 1f, c.x);
        Tensor w = Tensor.randomUniform(seed + 1, -1f, 1f, c.k);
        int[] yShape = ConvReference.outputShape(c.x, c.k, c.s, c.d, c.pb, c.pa);
        assertArrayEquals(yShape, spec.outputShape(), c::toString);
        Tensor dy = Tensor.randomUniform(seed + 2, -1f, 1f, yShape);

        float[] y = ConvKernels.forward(spec, x, w).data();
        float[] dx = ConvKernels.backwardInput(spec, dy, w).data();
        float[] dw = ConvKernels.backwardKernel(spec, x, dy).data();
        float[] yRef = ConvReference.forward(c.x, x.data(), c.k, w.data(), c.s, c.d, c.pb, c.pa, c.groups);
        float[] dxRef = ConvReference.backwardInput(c.x, c.k, w.data(), dy.data(), c.s, c.d, c.pb, c.pa, c.groups);
        float[] dwRef = ConvReference.backwardKernel(c.x, x.data(), c.k, dy.data(), c.s, c.d, c.pb, c.pa, c.groups);
        assertTrue(ConvReference.relativeError(y, yRef) <= TOLERANCE, () -> "forward " + c + ": error " + ConvReference.relativeError(y, yRef));
        assertTrue(ConvReference.relativeError(dx, dxRef) <= TOLERANCE, () -> "input gradient " + c + ": error " + ConvReference.relativeError(dx, dxRef));
        assertTrue(ConvReference.relativeError(dw, dwRef) <= TOLERANCE, () -> "kernel gradient " + c + ": error " + ConvReference.relativeError(dw, dwRef));

        // The bias goes into the same pass: the reference's output plus the bias on every output channel.
        int filters = c.k[c.k.length - 1];
        Tensor bias = Tensor.randomUniform(seed + 3, -2f, 2f, filters);
        float[] yb = ConvKernels.forward(spec, x, w, bias).data();
        float[] ybRef = yRef.clone();
        for (int i = 0; i < ybRef.length; i++) ybRef[i] += bias.data()[i % filters];
        assertTrue(ConvReference.relativeError(yb, ybRef) <= TOLERANCE, () -> "forward with bias " + c + ": error " + ConvReference.relativeError(yb, ybRef));

        // Its gradient comes with the kernel's: dy summed over every axis but the channels.
        Tensor[] both = ConvKernels.backwardKernelAndBias(spec, x, dy, true);
        float[] dw2 = both[0].data(), db = both[1].data();
        float[] dbRef = new float[filters];
        for (int i = 0; i < dy.data().length; i++) dbRef[i % filters] += dy.data()[i];
        assertTrue(ConvReference.relativeError(dw2, dwRef) <= TOLERANCE, () -> "kernel gradient with bias " + c);
        assertTrue(ConvReference.relativeError(db, dbRef) <= TOLERANCE, () -> "bias gradient " + c + ": error " + ConvReference.relativeError(db, dbRef));
    }

    /** Threads 1-3 crossed with the product modes. */
    static Stream<Arguments> settings() {
        List<Arguments> out = new ArrayList<>();
        for (int threads = 1; threads <= 3; threads++) {
            for (Mode mode : Mode.values()) out.add(Arguments.of(threads, mode));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "threads={0}, {1}")
    @MethodSource("settings")
    void randomGeometriesMatchTheReference(int threads, Mode mode) {
        Parallel.setThreads(threads);
        mode.apply();
        for (Case c : randomCases(20261126L + threads, 240)) compare(c);
    }

    /**
     * Wide geometries with each direct forward product: position vectors where they apply (the default), else channel
     * pairs, else rows in registers.
     */
    @ParameterizedTest(name = "threads={0}, position vectors={1}, channel pairs={2}")
    @CsvSource({"1, true, true", "2, true, true", "1, false, true", "2, false, true", "1, false, false", "2, false, false"})
    void randomWideGeometriesMatchTheReference(int threads, boolean positions, boolean pairs) {
        Parallel.setThreads(threads);
        ConvKernels.positionsDisabled = !positions;
        ConvKernels.pairsDisabled = !pairs;
        for (Case c : randomCases(20261127L + threads, 60, true)) compare(c);
    }

    /** Position vectors on images split into line ranges (within one depth, and across depths), as large images are. */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2})
    void positionVectorsOnSplitImagesMatchTheReference(int threads) {
        Parallel.setThreads(threads);
        ConvKernels.positionCopyBudget = 2000;
        for (Case c : randomCases(20261128L + threads, 40, true)) compare(c);
        compare(new Case("3d same, 16 filters", new int[] {2, 6, 7, 40, 4}, new int[] {3, 3, 3, 4, 16}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1));
        compare(new Case("2d same, 16 filters", new int[] {1, 20, 36, 6}, new int[] {3, 3, 6, 16}, new int[] {2, 1}, new int[] {1, 2},
                new int[] {1, 2}, new int[] {1, 2}, 1));
    }

    @ParameterizedTest(name = "threads={0}, {1}")
    @MethodSource("settings")
    void largeGeometriesMatchTheReference(int threads, Mode mode) {
        Parallel.setThreads(threads);
        mode.apply();
        for (Case c : largeCases()) compare(c);
    }

    @Test
    void repeatedCallsReuseScratchAndGiveIdenticalResults() {
        Case c = largeCases().get(0);
        ConvSpec spec = c.spec();
        Tensor x = Tensor.randomUniform(1, -1f, 1f, c.x);
        Tensor w = Tensor.randomUniform(2, -1f, 1f, c.k);
        float[] first = ConvKernels.forward(spec, x, w).data();
        float[] second = ConvKernels.forward(spec, x, w).data();
        assertArrayEquals(first, second);
        float[] out = new float[first.length];
        Arrays.fill(out, Float.NaN);
        ConvKernels.forward(spec, x.data(), w.data(), out);
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
