package keras4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import keras4j.testing.GradientChecker;
import keras4j.autograd.GradientTape;
import keras4j.ops.Ops;
import keras4j.ops.PoolOps;
import org.junit.jupiter.api.Test;

/**
 * The pooling kernels against a plain reference loop (written independently over explicit padded coordinates)
 * on a randomized sweep of ranks × pool sizes × strides × paddings × data formats, forward and backward.
 */
class PoolKernelsTest {

    /** Reference pooling on channels_last data, with the TF "same" rule and -inf / excluded padding. */
    static float[][] reference(float[] x, int[] shape, int[] k, int[] s, boolean same, boolean max, float[] gOut) {
        int n = shape.length - 2, batch = shape[0], ch = shape[n + 1];
        int[] out = new int[n], pad = new int[n];
        for (int i = 0; i < n; i++) {
            int L = shape[i + 1];
            out[i] = same ? (L + s[i] - 1) / s[i] : (L - k[i]) / s[i] + 1;
            int total = Math.max((out[i] - 1) * s[i] + k[i] - L, 0);
            pad[i] = same ? total / 2 : 0;
        }
        int outSpatial = 1, inSpatial = 1, win = 1;
        for (int i = 0; i < n; i++) { outSpatial *= out[i]; inSpatial *= shape[i + 1]; win *= k[i]; }
        float[] y = new float[batch * outSpatial * ch];
        float[] gx = new float[x.length];
        int[] oi = new int[n], wi = new int[n];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outSpatial; o++) {
                int rem = o;
                for (int i = n - 1; i >= 0; i--) { oi[i] = rem % out[i]; rem /= out[i]; }
                for (int c = 0; c < ch; c++) {
                    float best = Float.NEGATIVE_INFINITY; int bestIdx = -1; double sum = 0; int count = 0;
                    for (int w = 0; w < win; w++) {
                        int r = w;
                        for (int i = n - 1; i >= 0; i--) { wi[i] = r % k[i]; r /= k[i]; }
                        int flat = 0; boolean inside = true;
                        for (int i = 0; i < n; i++) {
                            int p = oi[i] * s[i] - pad[i] + wi[i];
                            if (p < 0 || p >= shape[i + 1]) inside = false;
                            flat = flat * shape[i + 1] + p;
                        }
                        if (!inside) continue;
                        int idx = (b * inSpatial + flat) * ch + c;
                        if (bestIdx < 0 || x[idx] > best) { best = x[idx]; bestIdx = idx; }
                        sum += x[idx];
                        count++;
                    }
                    int yi = (b * outSpatial + o) * ch + c;
                    y[yi] = max ? best : (float) (sum / count);
                    if (max) {
                        gx[bestIdx] += gOut[yi];
                    } else {
                        for (int w = 0; w < win; w++) {
                            int r = w;
                            for (int i = n - 1; i >= 0; i--) { wi[i] = r % k[i]; r /= k[i]; }
                            int flat = 0; boolean inside = true;
                            for (int i = 0; i < n; i++) {
                                int p = oi[i] * s[i] - pad[i] + wi[i];
                                if (p < 0 || p >= shape[i + 1]) inside = false;
                                flat = flat * shape[i + 1] + p;
                            }
                            if (inside) gx[(b * inSpatial + flat) * ch + c] += gOut[yi] / count;
                        }
                    }
                }
            }
        }
        return new float[][] {y, gx};
    }

    @Test
    void randomizedSweepMatchesReferenceForwardAndBackward() {
        Random rnd = new Random(7);
        int cases = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + trial % 3;
            boolean same = rnd.nextBoolean(), max = rnd.nextBoolean(), channelsFirst = rnd.nextBoolean();
            int[] k = new int[n], s = new int[n], shape = new int[n + 2];
            shape[0] = 1 + rnd.nextInt(3);
            shape[n + 1] = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                k[i] = 1 + rnd.nextInt(4);
                s[i] = 1 + rnd.nextInt(3);
                shape[i + 1] = (same ? 1 : k[i]) + rnd.nextInt(6);
            }
            Tensor x = Tensor.randomUniform(trial, -1f, 1f, shape);
            // A few ties and negative values make padding and argmax choices visible.
            if (trial % 5 == 0) Internal.array(x)[0] = Internal.array(x)[x.size() - 1];
            Tensor input = channelsFirst ? x.permute(toFirst(shape.length)) : x;
            String fmt = channelsFirst ? "channels_first" : "channels_last";
            String padding = same ? "same" : "valid";
            Tensor y, gx;
            try (GradientTape tape = new GradientTape()) {
                tape.watch(input);
                y = max ? PoolOps.maxPool(input, k, s, padding, fmt) : PoolOps.averagePool(input, k, s, padding, fmt);
                // Ops.transpose: y is tracked by the tape, and the plain Tensor.permute refuses tracked tensors.
                Tensor yLast = channelsFirst ? Ops.transpose(y, toLast(y.rank())) : y;
                Tensor gOut = Tensor.randomUniform(trial + 1000, -1f, 1f, yLast.shape());
                Tensor gOutFmt = channelsFirst ? gOut.permute(toFirst(gOut.rank())) : gOut;
                gx = tape.gradient(Ops.sum(Ops.multiply(y, gOutFmt)), input).get(0);
                float[][] ref = reference(Internal.array(x), shape, k, s, same, max, Internal.array(gOut));
                assertArrayEquals(ref[0], Internal.array(yLast), 1e-5f, () -> "forward " + describe(shape, k, s, padding, fmt, max));
                Tensor gxLast = channelsFirst ? gx.permute(toLast(gx.rank())) : gx;
                assertArrayEquals(ref[1], Internal.array(gxLast), 1e-5f, () -> "backward " + describe(shape, k, s, padding, fmt, max));
                assertArrayEquals(y.shape(), PoolOps.outputShape(input.shape(), k, s, padding, fmt));
            }
            cases++;
        }
        assertEquals(300, cases);
    }

    @Test
    void largeBatchRunsInParallelWithSameResult() {
        Tensor x = Tensor.randomUniform(3, -1f, 1f, 16, 9, 9, 4);
        Tensor a = PoolOps.maxPool(x, new int[] {3, 3}, new int[] {2, 2}, "same", "channels_last");
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Tensor b = PoolOps.maxPool(x, new int[] {3, 3}, new int[] {2, 2}, "same", "channels_last");
            assertArrayEquals(Internal.array(b), Internal.array(a));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void maxPaddingNeverWinsAndAverageExcludesPadding() {
        Tensor x = Tensor.of(new float[] {-5, -3, -4}, 1, 3, 1);
        assertArrayEquals(new float[] {-3, -4}, Internal.array(PoolOps.maxPool(x, new int[] {2}, new int[] {2}, "same", null)));
        assertArrayEquals(new float[] {-4, -4}, Internal.array(PoolOps.averagePool(x, new int[] {2}, new int[] {2}, "same", null)));
    }

    @Test
    void gradientChecks() {
        Tensor x = Tensor.randomUniform(11, -1f, 1f, 2, 5, 4, 3);
        GradientChecker.assertGradients(t -> PoolOps.averagePool(t[0], new int[] {2, 3}, new int[] {2, 1}, "same", "channels_last"), 1e-2, x);
        GradientChecker.assertGradients(t -> PoolOps.maxPool(t[0], new int[] {2, 2}, new int[] {1, 2}, "valid", "channels_first"), 1e-2, distinct(x.shape()));
    }

    @Test
    void maxGradientGoesToTheFirstMaximumAndOverlappingWindowsAddUp() {
        // Ties: the window (2, 7, 7, 1) routes its gradient to the first 7 only (TensorFlow's argmax order).
        Tensor x = Tensor.of(new float[] {2, 7, 7, 1}, 1, 4, 1);
        Tensor y = PoolKernels.maxPool(x, new int[] {4}, new int[] {1}, false);
        assertArrayEquals(new float[] {7}, Internal.array(y));
        assertArrayEquals(new float[] {0, 3, 0, 0}, Internal.array(PoolKernels.maxPoolBackward(x, y, new int[] {4}, new int[] {1}, false, Tensor.of(new float[] {3}, 1, 1, 1))));
        // Stride 1 < pool 2: the 9 wins both windows that contain it and receives both gradients.
        Tensor x2 = Tensor.of(new float[] {1, 9, 4}, 1, 3, 1);
        Tensor y2 = PoolKernels.maxPool(x2, new int[] {2}, new int[] {1}, false);
        assertArrayEquals(new float[] {9, 9}, Internal.array(y2));
        assertArrayEquals(new float[] {0, 5, 0}, Internal.array(PoolKernels.maxPoolBackward(x2, y2, new int[] {2}, new int[] {1}, false, Tensor.of(new float[] {2, 3}, 1, 2, 1))));
        // Channels are independent, and infinities and NaN still route to their own element.
        Tensor x3 = Tensor.of(new float[] {Float.NEGATIVE_INFINITY, 1, Float.NaN, Float.NEGATIVE_INFINITY, 0, Float.POSITIVE_INFINITY}, 1, 3, 2);
        Tensor y3 = PoolKernels.maxPool(x3, new int[] {3}, new int[] {3}, false);
        assertArrayEquals(new float[] {Float.NaN, Float.POSITIVE_INFINITY}, Internal.array(y3));
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1}, Internal.array(PoolKernels.maxPoolBackward(x3, y3, new int[] {3}, new int[] {3}, false, Tensor.ones(1, 1, 2))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolKernels.maxPoolBackward(x2, x2, new int[] {2}, new int[] {1}, false, Tensor.ones(1, 2, 1)));
        assertEquals(true, e.getMessage().contains("pooled shape (1, 2, 1)"), e.getMessage());
    }

    @Test
    void vectorAndScalarMaxPoolingAgreeBitForBit() {
        // Values rounded to a few levels make many ties; 37 channels leave a scalar tail after the vectors.
        Tensor x = Tensor.randomUniform(21, -2f, 2f, 3, 9, 8, 37).map(v -> Math.round(v * 2) / 2f);
        Internal.array(x)[5] = Float.NaN;
        Internal.array(x)[100] = Float.POSITIVE_INFINITY;
        Tensor g = Tensor.randomNormal(22, 0, 1, 3, 5, 4, 37);
        Tensor[] scalar, vector;
        try {
            SimdKernels.disable(true);
            scalar = maxPoolAndGradient(x, g);
        } finally {
            SimdKernels.disable(false);
        }
        vector = maxPoolAndGradient(x, g);
        assertArrayEquals(Internal.array(scalar[0]), Internal.array(vector[0]));
        assertArrayEquals(Internal.array(scalar[1]), Internal.array(vector[1]));
        assertArrayEquals(Internal.array(scalar[2]), Internal.array(vector[2]), "overlapping windows");
    }

    private static Tensor[] maxPoolAndGradient(Tensor x, Tensor g) {
        Tensor y = PoolKernels.maxPool(x, new int[] {2, 2}, new int[] {2, 2}, true);
        Tensor gx = PoolKernels.maxPoolBackward(x, y, new int[] {2, 2}, new int[] {2, 2}, true, g);
        Tensor y3 = PoolKernels.maxPool(x, new int[] {3, 3}, new int[] {1, 1}, false);
        Tensor gx3 = PoolKernels.maxPoolBackward(x, y3, new int[] {3, 3}, new int[] {1, 1}, false, Tensor.ones(y3.shape()));
        return new Tensor[] {y, gx, gx3};
    }

    @Test
    void errorsNameTheValues() {
        Tensor x = Tensor.zeros(1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolOps.maxPool(x, new int[] {3}, new int[] {1}, "valid", null));
        assertEquals(true, e.getMessage().contains("pool_size=[3]"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> PoolOps.maxPool(x, new int[] {1}, new int[] {1}, "full", null));
        assertEquals(true, p.getMessage().contains("Received: full"), p.getMessage());
    }

    /** Values spaced 0.05 apart in shuffled order, so no two are within the checker's step of each other. */
    static Tensor distinct(int... shape) {
        int n = Shapes.size(shape);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = (i - n / 2) * 0.05f;
        Random r = new Random(5);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = d[i]; d[i] = d[j]; d[j] = t;
        }
        return Tensor.wrap(d, shape);
    }

    private static String describe(int[] shape, int[] k, int[] s, String padding, String fmt, boolean max) {
        return (max ? "max" : "avg") + " shape=" + java.util.Arrays.toString(shape) + " k=" + java.util.Arrays.toString(k)
                + " s=" + java.util.Arrays.toString(s) + " " + padding + " " + fmt;
    }

    static int[] toFirst(int rank) {
        int[] p = new int[rank];
        p[1] = rank - 1;
        for (int i = 2; i < rank; i++) p[i] = i - 1;
        return p;
    }

    static int[] toLast(int rank) {
        int[] p = new int[rank];
        for (int i = 1; i < rank - 1; i++) p[i] = i + 1;
        p[rank - 1] = 1;
        return p;
    }
}
