package keras4j.ops;

import static keras4j.ops.ConvOpsTest.check;
import static keras4j.ops.ConvOpsTest.r;
import static keras4j.ops.ConvOpsTest.toFirst;
import static keras4j.ops.ConvOpsTest.toLast;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import keras4j.autograd.GradientTape;
import keras4j.tensor.ConvReference;
import keras4j.tensor.Internal;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link ConvOps#convTranspose}, {@link ConvOps#depthwiseConv} and {@link ConvOps#separableConv}. */
class ConvTransposeOpsTest {
    private static final double TOLERANCE = 1e-4;

    /** Keras's output length rule ({@code _get_output_shape_given_tf_padding}). */
    static int kerasLength(int in, int k, int s, int d, String padding, Integer op) {
        int eff = (k - 1) * d + 1;
        if (padding.equals("valid")) return (in - 1) * s + eff + (op == null ? Math.max(eff, s) - eff : op);
        return op == null ? in * s : (in - 1) * s + eff % 2 + op;
    }

    /** The left crop of the full scatter output, from Keras's JAX padding rule. */
    static int cropLeft(int k, int s, int d, String padding, Integer op) {
        int eff = (k - 1) * d + 1;
        int left;
        if (padding.equals("valid")) {
            left = eff - 1;
        } else {
            int padLen = op == null ? s + eff - 2 : eff + eff % 2 - 2 + op;
            left = Math.min(padLen / 2 + padLen % 2, eff - 1);
        }
        return eff - 1 - left;
    }

    /**
     * Transposed convolution by its definition: every input element scatters {@code x·w} into a full output of
     * length {@code (L−1)·s + k_eff}, which is then cropped (or zero-extended) to Keras's length. Mode 0 returns the
     * output, mode 1 the gradient for x and mode 2 the gradient for w, given {@code dy}.
     */
    static float[] reference(int mode, int[] xShape, float[] x, int[] kShape, float[] w, float[] dy, int[] s, int[] d, String padding, int[] op) {
        int rank = xShape.length - 2;
        int cin = xShape[rank + 1], filters = kShape[rank];
        int[] outShape = new int[rank + 2];
        int[] crop = new int[rank];
        outShape[0] = xShape[0];
        outShape[rank + 1] = filters;
        for (int i = 0; i < rank; i++) {
            Integer o = op == null ? null : op[i];
            outShape[i + 1] = kerasLength(xShape[i + 1], kShape[i], s[i], d[i], padding, o);
            crop[i] = cropLeft(kShape[i], s[i], d[i], padding, o);
        }
        double[] acc = new double[mode == 0 ? Shapes.size(outShape) : mode == 1 ? Shapes.size(xShape) : Shapes.size(kShape)];
        int[] inSpatial = Arrays.copyOfRange(xShape, 1, rank + 1), kSpatial = Arrays.copyOfRange(kShape, 0, rank);
        int nIn = Shapes.size(inSpatial), nK = Shapes.size(kSpatial);
        int[] ip = new int[rank], kp = new int[rank];
        for (int b = 0; b < xShape[0]; b++) {
            for (int ii = 0; ii < nIn; ii++) {
                unravel(ii, inSpatial, ip);
                for (int ki = 0; ki < nK; ki++) {
                    unravel(ki, kSpatial, kp);
                    int oi = b;
                    boolean inside = true;
                    for (int a = 0; a < rank; a++) {
                        int pos = ip[a] * s[a] + kp[a] * d[a] - crop[a];
                        inside &= pos >= 0 && pos < outShape[a + 1];
                        oi = oi * outShape[a + 1] + pos;
                    }
                    if (!inside) continue;
                    for (int f = 0; f < filters; f++) {
                        for (int c = 0; c < cin; c++) {
                            int xe = (b * nIn + ii) * cin + c, we = (ki * filters + f) * cin + c, ye = oi * filters + f;
                            switch (mode) {
                                case 0 -> acc[ye] += (double) x[xe] * w[we];
                                case 1 -> acc[xe] += (double) dy[ye] * w[we];
                                default -> acc[we] += (double) dy[ye] * x[xe];
                            }
                        }
                    }
                }
            }
        }
        float[] out = new float[acc.length];
        for (int i = 0; i < acc.length; i++) out[i] = (float) acc[i];
        return out;
    }

    private static void unravel(int index, int[] shape, int[] out) {
        for (int a = shape.length - 1; a >= 0; a--) {
            out[a] = index % shape[a];
            index /= shape[a];
        }
    }

    @Test
    void smallHandComputedCases() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 3, 1);
        Tensor w = Tensor.of(new float[] {1, 10}, 2, 1, 1);
        Tensor y = ConvOps.convTranspose(x, w, new int[] {2}, "valid");
        assertArrayEquals(new float[] {1, 10, 2, 20, 3, 30}, Internal.array(y));
        Tensor w3 = Tensor.of(new float[] {1, 10, 100}, 3, 1, 1);
        Tensor same = ConvOps.convTranspose(x, w3, new int[] {2}, "same");
        // full scatter: [1, 10, 102, 20, 203, 30, 300]; "same" keeps 6 elements starting at 0.
        assertArrayEquals(new float[] {1, 10, 102, 20, 203, 30}, Internal.array(same));
    }

    @Test
    void transposeForwardAndGradientsMatchTheDefinition() {
        Random rnd = new Random(42);
        for (int n = 0; n < 120; ) {
            int rank = 1 + n % 3;
            String padding = rnd.nextBoolean() ? "valid" : "same";
            boolean first = rnd.nextBoolean();
            int cin = 1 + rnd.nextInt(3), filters = 1 + rnd.nextInt(3);
            int[] xShape = new int[rank + 2], kShape = new int[rank + 2], s = new int[rank], d = new int[rank];
            int[] op = rnd.nextInt(3) == 0 ? new int[rank] : null;
            boolean dilate = rnd.nextInt(4) == 0;
            xShape[0] = 1 + rnd.nextInt(2);
            xShape[rank + 1] = cin;
            kShape[rank] = filters;
            kShape[rank + 1] = cin;
            for (int i = 0; i < rank; i++) {
                xShape[i + 1] = 1 + rnd.nextInt(rank == 3 ? 3 : 5);
                kShape[i] = 1 + rnd.nextInt(4);
                s[i] = dilate ? 1 : 1 + rnd.nextInt(3);
                d[i] = dilate ? 2 : 1;
                if (op != null) op[i] = rnd.nextInt(s[i]);
            }
            boolean empty = false;
            for (int i = 0; i < rank; i++) {
                empty |= kerasLength(xShape[i + 1], kShape[i], s[i], d[i], padding, op == null ? null : op[i]) <= 0;
            }
            if (empty) continue;
            String what = "x=" + Arrays.toString(xShape) + " k=" + Arrays.toString(kShape) + " s=" + Arrays.toString(s) + " d=" + Arrays.toString(d)
                    + " " + padding + " op=" + Arrays.toString(op) + (first ? " channels_first" : "");
            Tensor xLast = r(n, xShape), w = r(1000 + n, kShape);
            Tensor x = first ? xLast.permute(toFirst(rank)) : xLast;
            float[] yRef = reference(0, xShape, Internal.array(xLast), kShape, Internal.array(w), null, s, d, padding, op);
            Tensor y, dx, dw;
            Tensor dy;
            try (GradientTape tape = new GradientTape()) {
                tape.watch(x, w);
                y = ConvOps.convTranspose(x, w, s, padding, op, d, first ? "channels_first" : "channels_last");
                dy = r(2000 + n, y.shape());
                List<Tensor> g = tape.gradient(Ops.sum(Ops.multiply(y, dy)), x, w);
                dx = g.get(0);
                dw = g.get(1);
            }
            Tensor yLast = first ? y.permute(toLast(rank)) : y;
            Tensor dyLast = first ? dy.permute(toLast(rank)) : dy;
            assertEquals(yRef.length, yLast.size(), what);
            assertTrue(ConvReference.relativeError(Internal.array(yLast), yRef) <= TOLERANCE, "forward " + what);
            float[] dxRef = reference(1, xShape, Internal.array(xLast), kShape, Internal.array(w), Internal.array(dyLast), s, d, padding, op);
            float[] dwRef = reference(2, xShape, Internal.array(xLast), kShape, Internal.array(w), Internal.array(dyLast), s, d, padding, op);
            Tensor dxLast = first ? dx.permute(toLast(rank)) : dx;
            assertTrue(ConvReference.relativeError(Internal.array(dxLast), dxRef) <= TOLERANCE, "input gradient " + what);
            assertTrue(ConvReference.relativeError(Internal.array(dw), dwRef) <= TOLERANCE, "kernel gradient " + what);
            n++;
        }
    }

    @Test
    void numericalGradientsOfTransposeDepthwiseAndSeparable() {
        check("transpose 1d valid", t -> ConvOps.convTranspose(t[0], t[1], new int[] {2}, "valid"), r(1, 2, 4, 2), r(2, 3, 3, 2));
        check("transpose 1d same output_padding", t -> ConvOps.convTranspose(t[0], t[1], new int[] {3}, "same", new int[] {2}, null, null),
                r(3, 1, 4, 2), r(4, 2, 2, 2));
        check("transpose 2d same channels_first", t -> ConvOps.convTranspose(t[0], t[1], new int[] {2, 1}, "same", null, new int[] {1, 1},
                "channels_first"), r(5, 1, 2, 3, 3), r(6, 3, 2, 2, 2));
        check("transpose 2d dilated", t -> ConvOps.convTranspose(t[0], t[1], new int[] {1, 1}, "valid", null, new int[] {2, 1}, null),
                r(7, 1, 3, 3, 2), r(8, 2, 2, 2, 2));
        check("transpose 3d", t -> ConvOps.convTranspose(t[0], t[1], new int[] {2, 1, 2}, "valid", new int[] {1, 0, 0}, null, null),
                r(9, 1, 2, 2, 2, 2), r(10, 2, 2, 1, 2, 2));
        check("depthwise 1d", t -> ConvOps.depthwiseConv(t[0], t[1], new int[] {1}, "same", new int[] {2}, null), r(11, 2, 7, 3), r(12, 3, 3, 2));
        check("depthwise 2d strided channels_first", t -> ConvOps.depthwiseConv(t[0], t[1], new int[] {2, 2}, "valid", null, "channels_first"),
                r(13, 1, 2, 5, 5), r(14, 3, 3, 2, 1));
        check("separable 1d", t -> ConvOps.separableConv(t[0], t[1], t[2], new int[] {1}, "valid", null, null), r(15, 2, 6, 2), r(16, 3, 2, 2),
                r(17, 1, 4, 3));
        check("separable 2d same channels_first", t -> ConvOps.separableConv(t[0], t[1], t[2], new int[] {2, 2}, "same", null, "channels_first"),
                r(18, 1, 2, 4, 4), r(19, 2, 2, 2, 1), r(20, 1, 1, 2, 3));
    }

    @Test
    void depthwiseMatchesAGroupedConvolutionPerChannel() {
        Tensor x = r(21, 2, 9, 8, 3), w = r(22, 3, 2, 3, 2);
        Tensor y = ConvOps.depthwiseConv(x, w, new int[] {2, 1}, "same", null, null);
        int[][] p = ConvOpsTest.kerasPads("same", new int[] {9, 8}, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1});
        // y[..., c*dm + m] = sum over taps of x[..., c] * w[..., c, m]: a convolution with groups = channels.
        float[] ref = ConvReference.forward(x.shape(), Internal.array(x), new int[] {3, 2, 1, 6}, Internal.array(w), new int[] {2, 1}, new int[] {1, 1},
                new int[] {p[0][0], p[1][0]}, new int[] {p[0][1], p[1][1]}, 3);
        assertArrayEquals(new int[] {2, 5, 8, 6}, y.shape());
        assertTrue(ConvReference.relativeError(Internal.array(y), ref) <= TOLERANCE);
        // One channel, multiplier 1, by hand: a 1-d moving window.
        Tensor one = ConvOps.depthwiseConv(Tensor.of(new float[] {1, 2, 3, 4}, 1, 4, 1), Tensor.of(new float[] {1, -1}, 2, 1, 1), new int[] {1},
                "valid", null, null);
        assertArrayEquals(new float[] {-1, -1, -1}, Internal.array(one));
    }

    @Test
    void separableIsDepthwiseThenPointwise() {
        Tensor x = r(23, 2, 7, 6, 3), dw = r(24, 3, 3, 3, 2), pw = r(25, 1, 1, 6, 4);
        Tensor y = ConvOps.separableConv(x, dw, pw, new int[] {1, 2}, "valid", new int[] {1}, "channels_last");
        Tensor expected = ConvOps.conv(ConvOps.depthwiseConv(x, dw, new int[] {1, 2}, "valid", null, null), pw, new int[] {1, 1}, "valid");
        assertArrayEquals(new int[] {2, 5, 2, 4}, y.shape());
        assertArrayEquals(Internal.array(expected), Internal.array(y), 1e-6f);
    }

    @Test
    void transposeOutputShapesMatchKerasTests() {
        assertArrayEquals(new int[] {2, 16, 5}, ConvOps.convTransposeOutputShape(new int[] {2, 8, 4}, new int[] {2}, 5, new int[] {2}, "valid",
                null, "channels_last", new int[] {1}));
        assertArrayEquals(new int[] {2, 23, 6}, ConvOps.convTransposeOutputShape(new int[] {2, 8, 4}, new int[] {2}, 6, new int[] {3}, "same",
                new int[] {2}, null, null));
        assertArrayEquals(new int[] {2, 6, 16, 10}, ConvOps.convTransposeOutputShape(new int[] {2, 4, 8, 8}, new int[] {2, 3}, 6, new int[] {2, 1},
                "valid", null, "channels_first", null));
        assertArrayEquals(new int[] {1, 224, 224, 2}, ConvOps.convTransposeOutputShape(new int[] {1, 14, 14, 2}, new int[] {7}, 2, new int[] {16},
                "valid", null, null, null));
        assertArrayEquals(new int[] {2, 16, 9, 17, 6}, ConvOps.convTransposeOutputShape(new int[] {2, 8, 8, 8, 4}, new int[] {2, 2, 3}, 6,
                new int[] {2, 1, 2}, "valid", null, null, null));
        assertArrayEquals(new int[] {-1, 23, 23, 23, 6}, ConvOps.convTransposeOutputShape(new int[] {-1, 8, 8, 8, 4}, new int[] {2}, 6, new int[] {3},
                "same", new int[] {2}, null, null));
        assertEquals(-1, ConvOps.convTransposeOutputLength(-1, 3, 2, 1, "same", null));
        Tensor y = ConvOps.convTranspose(r(26, 1, 14, 14, 2), r(27, 7, 7, 2, 2), new int[] {16}, "valid");
        assertArrayEquals(new int[] {1, 224, 224, 2}, y.shape());
    }

    @Test
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvOps.convTranspose(r(1, 1, 4, 2), r(2, 2, 3, 2), new int[] {1}, "causal"));
        assertEquals("The `padding` argument must be one of 'valid', 'same'. Received: padding=causal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.convTranspose(r(1, 1, 4, 2), r(2, 2, 3, 5), new int[] {1}, "valid"));
        assertTrue(e.getMessage().contains("expects 5 input channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.depthwiseConv(r(1, 1, 4, 2), r(2, 2, 3, 1), new int[] {1}, "valid", null, null));
        assertTrue(e.getMessage().contains("expects 3 input channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConvOps.depthwiseConv(r(1, 1, 4, 2), r(2, 2, 2, 1), new int[] {1}, "causal", null, null));
        assertTrue(e.getMessage().contains("Received: causal"), e.getMessage());
    }
}
