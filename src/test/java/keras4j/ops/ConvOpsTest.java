package keras4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import keras4j.testing.GradientChecker;
import keras4j.autograd.GradientTape;
import keras4j.tensor.ConvReference;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link ConvOps#conv}: forward and taped gradients against the reference loop, numerical gradient checks, shape rules, errors. */
class ConvOpsTest {
    private static final double TOLERANCE = 1e-4;

    /** Keras's padding rule, written independently of ConvOps: {before, after} per axis. */
    static int[][] kerasPads(String padding, int[] spatial, int[] k, int[] s, int[] d) {
        int[][] p = new int[spatial.length][2];
        for (int i = 0; i < spatial.length; i++) {
            int eff = d[i] * (k[i] - 1) + 1;
            if (padding.equals("same")) {
                int out = (int) Math.ceil(spatial[i] / (double) s[i]);
                int total = Math.max((out - 1) * s[i] + eff - spatial[i], 0);
                p[i][0] = total / 2;
                p[i][1] = total - p[i][0];
            } else if (padding.equals("causal")) {
                p[i][0] = d[i] * (k[i] - 1);
            }
        }
        return p;
    }

    static int[] toFirst(int rank) {
        int[] p = new int[rank + 2];
        p[1] = rank + 1;
        for (int i = 2; i < rank + 2; i++) p[i] = i - 1;
        return p;
    }

    static int[] toLast(int rank) {
        int[] p = new int[rank + 2];
        for (int i = 1; i <= rank; i++) p[i] = i + 1;
        p[rank + 1] = 1;
        return p;
    }

    record Geometry(int[] xLast, int[] k, int[] s, int[] d, String padding, int groups, String format) {
        @Override
        public String toString() {
            return "x=" + Arrays.toString(xLast) + " k=" + Arrays.toString(k) + " s=" + Arrays.toString(s) + " d=" + Arrays.toString(d)
                    + " " + padding + " groups=" + groups + " " + format;
        }
    }

    static List<Geometry> geometries(long seed, int count) {
        Random rnd = new Random(seed);
        List<Geometry> out = new ArrayList<>();
        while (out.size() < count) {
            int rank = 1 + out.size() % 3;
            String padding = rank == 1 ? new String[] {"valid", "same", "causal"}[rnd.nextInt(3)] : rnd.nextBoolean() ? "valid" : "same";
            int groups = 1 + rnd.nextInt(3), cinG = 1 + rnd.nextInt(3), coutG = 1 + rnd.nextInt(3);
            int[] x = new int[rank + 2], k = new int[rank + 2], s = new int[rank], d = new int[rank];
            x[0] = 1 + rnd.nextInt(2);
            x[rank + 1] = groups * cinG;
            k[rank] = cinG;
            k[rank + 1] = groups * coutG;
            boolean dilate = rnd.nextBoolean();
            boolean ok = true;
            for (int i = 0; i < rank; i++) {
                x[i + 1] = 2 + rnd.nextInt(rank == 3 ? 4 : 7);
                k[i] = 1 + rnd.nextInt(3);
                s[i] = dilate ? 1 : 1 + rnd.nextInt(2);
                d[i] = dilate ? 1 + rnd.nextInt(2) : 1;
                ok &= padding.equals("same") || padding.equals("causal") || x[i + 1] >= d[i] * (k[i] - 1) + 1;
            }
            if (ok) out.add(new Geometry(x, k, s, d, padding, groups, rnd.nextBoolean() ? "channels_last" : "channels_first"));
        }
        return out;
    }

    @Test
    void convAndItsTapedGradientsMatchTheReferenceInBothDataFormats() {
        for (Geometry g : geometries(7L, 150)) {
            int rank = g.xLast.length - 2;
            boolean first = g.format.equals("channels_first");
            Tensor xLast = Tensor.randomUniform(11, -1f, 1f, g.xLast);
            Tensor w = Tensor.randomUniform(12, -1f, 1f, g.k);
            Tensor x = first ? xLast.permute(toFirst(rank)) : xLast;
            int[][] p = kerasPads(g.padding, Arrays.copyOfRange(g.xLast, 1, rank + 1), g.k, g.s, g.d);
            int[] pb = new int[rank], pa = new int[rank];
            for (int i = 0; i < rank; i++) {
                pb[i] = p[i][0];
                pa[i] = p[i][1];
            }
            int[] yLastShape = ConvReference.outputShape(g.xLast, g.k, g.s, g.d, pb, pa);
            Tensor dyLast = Tensor.randomUniform(13, -1f, 1f, yLastShape);
            Tensor dy = first ? dyLast.permute(toFirst(rank)) : dyLast;

            Tensor y, dx, dw;
            try (GradientTape tape = new GradientTape()) {
                tape.watch(x, w);
                y = ConvOps.conv(x, w, g.s, g.padding, g.d, g.groups, g.format);
                List<Tensor> grads = tape.gradient(Ops.sum(Ops.multiply(y, dy)), x, w);
                dx = grads.get(0);
                dw = grads.get(1);
            }
            Tensor yLast = first ? y.permute(toLast(rank)) : y;
            Tensor dxLast = first ? dx.permute(toLast(rank)) : dx;
            assertArrayEquals(yLastShape, yLast.shape(), g::toString);
            float[] yRef = ConvReference.forward(g.xLast, Internal.array(xLast), g.k, Internal.array(w), g.s, g.d, pb, pa, g.groups);
            float[] dxRef = ConvReference.backwardInput(g.xLast, g.k, Internal.array(w), Internal.array(dyLast), g.s, g.d, pb, pa, g.groups);
            float[] dwRef = ConvReference.backwardKernel(g.xLast, Internal.array(xLast), g.k, Internal.array(dyLast), g.s, g.d, pb, pa, g.groups);
            assertTrue(ConvReference.relativeError(Internal.array(yLast), yRef) <= TOLERANCE, () -> "forward " + g);
            assertTrue(ConvReference.relativeError(Internal.array(dxLast), dxRef) <= TOLERANCE, () -> "input gradient " + g);
            assertTrue(ConvReference.relativeError(Internal.array(dw), dwRef) <= TOLERANCE, () -> "kernel gradient " + g);
        }
    }

    static Tensor r(long seed, int... shape) {
        return Tensor.randomUniform(seed, -1f, 1f, shape);
    }

    static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradientChecker.Result res = GradientChecker.check(f, 1e-2, inputs);
        assertTrue(res.maxError() < 1e-2, () -> name + ": " + res);
    }

    @Test
    void numericalGradientsAgreeForEveryConfigurationFamily() {
        Map<String, Object[]> families = new LinkedHashMap<>();
        // name -> {x shape, kernel shape, strides, padding, dilation, groups, data format}
        families.put("1d valid", new Object[] {new int[] {2, 7, 3}, new int[] {3, 3, 2}, new int[] {1}, "valid", new int[] {1}, 1, "channels_last"});
        families.put("1d same strided", new Object[] {new int[] {1, 8, 2}, new int[] {4, 2, 3}, new int[] {3}, "same", new int[] {1}, 1, "channels_last"});
        families.put("1d causal dilated", new Object[] {new int[] {2, 9, 2}, new int[] {3, 2, 2}, new int[] {1}, "causal", new int[] {2}, 1, "channels_last"});
        families.put("1d causal strided", new Object[] {new int[] {1, 9, 2}, new int[] {2, 2, 2}, new int[] {2}, "causal", new int[] {1}, 1, "channels_first"});
        families.put("2d valid", new Object[] {new int[] {2, 5, 4, 2}, new int[] {3, 2, 2, 3}, new int[] {1, 1}, "valid", new int[] {1, 1}, 1, "channels_last"});
        families.put("2d same strided", new Object[] {new int[] {1, 6, 5, 2}, new int[] {3, 3, 2, 2}, new int[] {2, 2}, "same", new int[] {1, 1}, 1, "channels_last"});
        families.put("2d same dilated", new Object[] {new int[] {1, 6, 6, 2}, new int[] {3, 2, 2, 2}, new int[] {1, 1}, "same", new int[] {2, 2}, 1, "channels_first"});
        families.put("2d groups", new Object[] {new int[] {1, 5, 5, 4}, new int[] {2, 2, 2, 6}, new int[] {1, 1}, "valid", new int[] {1, 1}, 2, "channels_last"});
        families.put("2d pointwise", new Object[] {new int[] {2, 3, 3, 3}, new int[] {1, 1, 3, 4}, new int[] {1, 1}, "valid", new int[] {1, 1}, 1, "channels_last"});
        families.put("3d valid", new Object[] {new int[] {1, 4, 4, 3, 2}, new int[] {2, 2, 2, 2, 2}, new int[] {1, 1, 1}, "valid", new int[] {1, 1, 1}, 1,
                "channels_last"});
        families.put("3d same strided channels_first", new Object[] {new int[] {1, 4, 3, 4, 2}, new int[] {3, 2, 3, 2, 2}, new int[] {2, 1, 2}, "same",
                new int[] {1, 1, 1}, 1, "channels_first"});
        families.put("3d groups", new Object[] {new int[] {1, 3, 3, 3, 4}, new int[] {2, 2, 2, 2, 4}, new int[] {1, 1, 1}, "same", new int[] {1, 1, 1}, 2,
                "channels_last"});
        long seed = 100;
        for (Map.Entry<String, Object[]> e : families.entrySet()) {
            Object[] a = e.getValue();
            int[] xShape = (int[]) a[0];
            String format = (String) a[6];
            int rank = xShape.length - 2;
            Tensor x = r(seed++, format.equals("channels_first") ? Tensor.zeros(xShape).permute(toFirst(rank)).shape() : xShape);
            Tensor w = r(seed++, (int[]) a[1]);
            check(e.getKey(), t -> ConvOps.conv(t[0], t[1], (int[]) a[2], (String) a[3], (int[]) a[4], (Integer) a[5], format), x, w);
        }
    }

    @Test
    void onlyTheKernelGradientIsRecordedWhenTheInputIsNotWatched() {
        Tensor x = r(1, 2, 6, 6, 3);
        Tensor w = r(2, 3, 3, 3, 4);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(w);
            Tensor y = ConvOps.conv(x, w, new int[] {1, 1}, "valid");
            assertEquals(1, tape.recordedOperations());
            Tensor dw = tape.gradient(y, w).get(0);
            float[] ref = ConvReference.backwardKernel(x.shape(), Internal.array(x), w.shape(), Internal.array(Tensor.ones(y.shape())), new int[] {1, 1}, new int[] {1, 1},
                    new int[] {0, 0}, new int[] {0, 0}, 1);
            assertTrue(ConvReference.relativeError(Internal.array(dw), ref) <= TOLERANCE);
        }
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x, w);
            ConvOps.conv(x, w, new int[] {1, 1}, "valid");
            assertEquals(2, tape.recordedOperations());
        }
    }

    @Test
    void explicitPaddingMatchesTheStringModes() {
        Tensor x = r(3, 2, 9, 3);
        Tensor w = r(4, 3, 3, 5);
        Tensor causal = ConvOps.conv(x, w, new int[] {2}, "causal", new int[] {2}, 1, null);
        Tensor explicit = ConvOps.conv(x, w, new int[] {2}, new int[][] {{4, 0}}, new int[] {2}, 1, "channels_last");
        assertArrayEquals(Internal.array(causal), Internal.array(explicit));
        assertArrayEquals(new int[] {2, 5, 5}, causal.shape());
        assertArrayEquals(new int[][] {{1, 2}}, ConvOps.padding("same", new int[] {8}, new int[] {4}, new int[] {1}, new int[] {1}));
        assertArrayEquals(new int[][] {{0, 0}, {1, 1}}, ConvOps.padding("same", new int[] {6, 3}, new int[] {3, 3}, new int[] {3, 2}, new int[] {1, 1}));
        assertArrayEquals(new int[][] {{6, 0}}, ConvOps.padding("causal", new int[] {8}, new int[] {4}, new int[] {1}, new int[] {2}));
    }

    @Test
    void outputShapesFollowKerasRules() {
        assertArrayEquals(new int[] {-1, 26, 26, 32}, ConvOps.convOutputShape(new int[] {-1, 28, 28, 1}, 32, new int[] {3, 3}, new int[] {1},
                "valid", null, new int[] {1}));
        assertArrayEquals(new int[] {-1, 7, 14, 8}, ConvOps.convOutputShape(new int[] {-1, 13, 27, 3}, 8, new int[] {3, 3}, new int[] {2, 2},
                "same", "channels_last", new int[] {1, 1}));
        assertArrayEquals(new int[] {4, 16, 4, -1}, ConvOps.convOutputShape(new int[] {4, 3, 10, -1}, 16, new int[] {4, 4}, new int[] {1, 1},
                "valid", "channels_first", new int[] {2, 1}));
        assertArrayEquals(new int[] {2, 334, 6}, ConvOps.convOutputShape(new int[] {2, 1000, 16}, 6, new int[] {5}, new int[] {3}, "causal",
                null, new int[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvOps.convOutputShape(new int[] {-1, 2, 2, 3}, 4,
                new int[] {3, 3}, new int[] {1, 1}, "valid", null, new int[] {1, 1}));
        assertTrue(e.getMessage().startsWith("Computed output size would be zero or negative. Received `inputs shape=(None, 2, 2, 3)`, "
                + "`kernel shape=(3, 3, 3, 4)`"), e.getMessage());
    }

    @Test
    void badArgumentsNameTheArgument() {
        Tensor x = r(1, 1, 5, 5, 2), w = r(2, 3, 3, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv(x, w, new int[] {1, 1}, "full", null, 1, null));
        assertEquals("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: full", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv(x, w, new int[] {1, 1}, "causal", null, 1, null));
        assertTrue(e.getMessage().contains("{'valid', 'same'}. Received: causal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv(x, w, new int[] {1, 1, 1}, "valid", null, 1, null));
        assertEquals("The `strides` argument must be a tuple of 2 integers. Received strides=(1, 1, 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv(x, w, new int[] {1}, "valid", null, 1, "nhwc"));
        assertTrue(e.getMessage().contains("Received: data_format=nhwc"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv(x, r(3, 3, 3, 2), new int[] {1}, "valid", null, 1, null));
        assertTrue(e.getMessage().contains("kernel shape must have the same length as input"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.conv(r(4, 3, 2), r(5, 3, 2, 2), new int[] {1}, "valid", null, 1, null));
        assertTrue(e.getMessage().contains("rank 3, 4 or 5"), e.getMessage());
    }
}
