package keras4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {

    private static void assertValues(Tensor t, int[] shape, float... values) {
        assertArrayEquals(shape, t.shape(), "shape");
        assertArrayEquals(values, t.toFloatArray(), 1e-6f);
    }

    @Test
    void creation() {
        assertValues(Tensor.zeros(2, 2), new int[] {2, 2}, 0, 0, 0, 0);
        assertValues(Tensor.ones(3), new int[] {3}, 1, 1, 1);
        assertValues(Tensor.full(7f, 1, 2), new int[] {1, 2}, 7, 7);
        assertValues(Tensor.arange(4), new int[] {4}, 0, 1, 2, 3);
        assertValues(Tensor.arange(1f, 2f, 0.25f), new int[] {4}, 1f, 1.25f, 1.5f, 1.75f);
        assertValues(Tensor.arange(3f, 0f, -1f), new int[] {3}, 3, 2, 1);
        assertValues(Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}}), new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertValues(Tensor.of(new float[][][] {{{1, 2}}, {{3, 4}}}), new int[] {2, 1, 2}, 1, 2, 3, 4);
        assertValues(Tensor.of(new float[][][][] {{{{1}, {2}}}}), new int[] {1, 1, 2, 1}, 1, 2);
        assertValues(Tensor.scalar(5f), new int[] {}, 5);
        assertEquals(5f, Tensor.scalar(5f).item());
        float[] src = {1, 2, 3, 4};
        Tensor copied = Tensor.of(src, 2, 2);
        Tensor wrapped = Tensor.wrap(src, 2, 2);
        src[0] = 9;
        assertEquals(1f, copied.get(0, 0));
        assertEquals(9f, wrapped.get(0, 0));
        assertEquals(4f, copied.get(-1, -1));
    }

    @Test
    void creationErrorsNameTheShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("(2, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0f, 1f, 0f));
        assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 2).get(2, 0));
    }

    @Test
    void randomIsSeededAndHasTheRightMoments() {
        Tensor a = Tensor.randomNormal(42, 1f, 2f, 100_000);
        Tensor b = Tensor.randomNormal(42, 1f, 2f, 100_000);
        assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        assertFalse(a.allClose(Tensor.randomNormal(43, 1f, 2f, 100_000), 0, 0));
        assertEquals(1.0, a.mean().item(), 0.03);
        assertEquals(4.0, a.variance(false).item(), 0.1);
        Tensor u = Tensor.randomUniform(7, -2f, 3f, 50_000);
        assertTrue(u.min().item() >= -2f && u.max().item() < 3f);
        assertEquals(0.5, u.mean().item(), 0.05);
    }

    @Test
    void reshapeInfersOneDimensionAndSharesData() {
        Tensor t = Tensor.arange(12);
        Tensor r = t.reshape(3, -1);
        assertArrayEquals(new int[] {3, 4}, r.shape());
        assertTrue(Internal.array(r) == Internal.array(t));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.reshape(5, -1));
        assertTrue(e.getMessage().contains("(12,)") && e.getMessage().contains("(5, -1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1));
        assertThrows(IllegalArgumentException.class, () -> t.reshape(5, 2));
    }

    @Test
    void transposeAndPermute() {
        Tensor m = Tensor.arange(6).reshape(2, 3);
        assertValues(m.transpose(), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = t.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) assertEquals(t.get(i, j, k), p.get(k, i, j));
        assertValues(t.transpose().reshape(-1).slice(0, 3), new int[] {3}, 0, 12, 4);
        assertThrows(IllegalArgumentException.class, () -> t.permute(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> t.permute(0, 1));
        // a big transpose exercises the tiled path
        Tensor big = Tensor.randomUniform(1, 0, 1, 67, 45);
        Tensor bt = big.transpose();
        assertEquals(big.get(66, 44), bt.get(44, 66));
        assertEquals(big.get(13, 40), bt.get(40, 13));
    }

    @Test
    void slicingGatheringConcatStack() {
        Tensor t = Tensor.arange(12).reshape(4, 3);
        assertValues(t.slice(1, 3), new int[] {2, 3}, 3, 4, 5, 6, 7, 8);
        assertValues(t.slice(1, 1, 2), new int[] {4, 1}, 1, 4, 7, 10);
        assertValues(t.gather(new int[] {3, 0, 3}), new int[] {3, 3}, 9, 10, 11, 0, 1, 2, 9, 10, 11);
        assertValues(t.take(new int[] {2, 0}, 1), new int[] {4, 2}, 2, 0, 5, 3, 8, 6, 11, 9);
        assertThrows(IllegalArgumentException.class, () -> t.slice(3, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> t.gather(new int[] {4}));
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new float[][] {{5}, {6}});
        assertValues(Tensor.concat(1, a, b), new int[] {2, 3}, 1, 2, 5, 3, 4, 6);
        assertValues(Tensor.concat(0, a, a), new int[] {4, 2}, 1, 2, 3, 4, 1, 2, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.concat(0, a, b));
        assertTrue(e.getMessage().contains("(2, 2)") && e.getMessage().contains("(2, 1)"), e.getMessage());
        assertValues(Tensor.stack(0, Tensor.vector(1, 2), Tensor.vector(3, 4)), new int[] {2, 2}, 1, 2, 3, 4);
        assertValues(Tensor.stack(1, Tensor.vector(1, 2), Tensor.vector(3, 4)), new int[] {2, 2}, 1, 3, 2, 4);
        assertValues(Tensor.stack(-1, Tensor.vector(1, 2), Tensor.vector(3, 4)), new int[] {2, 2}, 1, 3, 2, 4);
    }

    @Test
    void broadcastingArithmetic() {
        Tensor m = Tensor.arange(6).reshape(2, 3);
        Tensor row = Tensor.vector(10, 20, 30);
        Tensor col = Tensor.of(new float[] {100, 200}, 2, 1);
        assertValues(m.add(row), new int[] {2, 3}, 10, 21, 32, 13, 24, 35);
        assertValues(m.add(col), new int[] {2, 3}, 100, 101, 102, 203, 204, 205);
        assertValues(col.sub(row), new int[] {2, 3}, 90, 80, 70, 190, 180, 170);
        assertValues(m.mul(2f), new int[] {2, 3}, 0, 2, 4, 6, 8, 10);
        assertValues(Tensor.scalar(12f).div(Tensor.vector(1, 2, 3)), new int[] {3}, 12, 6, 4);
        assertValues(Tensor.vector(2, 3).pow(Tensor.vector(3, 2)), new int[] {2}, 8, 9);
        assertValues(Tensor.vector(1, 5).maximum(Tensor.vector(3, 2)), new int[] {2}, 3, 5);
        assertValues(Tensor.vector(1, 5).minimum(2f), new int[] {2}, 1, 2);
        assertValues(Tensor.vector(-2, 0.5f, 4).clip(0, 1), new int[] {3}, 0, 0.5f, 1);
        assertValues(Tensor.vector(1, 2, 3).gt(2f), new int[] {3}, 0, 0, 1);
        assertValues(Tensor.vector(1, 2, 3).le(Tensor.vector(3, 2, 1)), new int[] {3}, 1, 1, 0);
        assertValues(Tensor.vector(1, 2, 3).eq(2f), new int[] {3}, 0, 1, 0);
        assertValues(Tensor.vector(1, 2, 3).ne(2f), new int[] {3}, 1, 0, 1);
        assertValues(Tensor.where(Tensor.vector(1, 0, 1), Tensor.vector(1, 2, 3), Tensor.scalar(-1)), new int[] {3}, 1, -1, 3);
        // rank-3 with broadcasting on a middle axis: (2,1,3) * (1,2,1)
        Tensor x = Tensor.arange(6).reshape(2, 1, 3);
        Tensor y = Tensor.of(new float[] {1, -1}, 1, 2, 1);
        assertValues(x.mul(y), new int[] {2, 2, 3}, 0, 1, 2, 0, -1, -2, 3, 4, 5, -3, -4, -5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.add(Tensor.ones(2)));
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2,)"), e.getMessage());
    }

    @Test
    void unaryMath() {
        Tensor x = Tensor.vector(-1, 0, 2);
        assertValues(x.neg(), new int[] {3}, 1, 0, -2);
        assertValues(x.abs(), new int[] {3}, 1, 0, 2);
        assertValues(x.square(), new int[] {3}, 1, 0, 4);
        assertValues(x.relu(), new int[] {3}, 0, 0, 2);
        assertValues(x.sign(), new int[] {3}, -1, 0, 1);
        assertValues(x.exp(), new int[] {3}, (float) Math.exp(-1), 1, (float) Math.exp(2));
        assertValues(Tensor.vector(1, 4).sqrt(), new int[] {2}, 1, 2);
        assertValues(Tensor.vector(1, (float) Math.E).log(), new int[] {2}, 0, 1);
        assertValues(x.sigmoid(), new int[] {3}, (float) (1 / (1 + Math.exp(1))), 0.5f, (float) (1 / (1 + Math.exp(-2))));
        assertValues(Tensor.vector(-100, 100).sigmoid(), new int[] {2}, 0, 1);
        assertValues(x.tanh(), new int[] {3}, (float) Math.tanh(-1), 0, (float) Math.tanh(2));
        assertValues(x.map(v -> v * 10), new int[] {3}, -10, 0, 20);
        // erf against known values
        assertValues(Tensor.vector(0, 0.5f, 1, 2, 3, -1).erf(), new int[] {6},
                0f, 0.5204998778f, 0.8427007929f, 0.9953222650f, 0.9999779095f, -0.8427007929f);
        Tensor s = Tensor.of(new float[][] {{1, 2, 3}, {1000, 1000, 1000}}).softmax(1);
        assertValues(s, new int[] {2, 3}, 0.09003057f, 0.24472847f, 0.66524096f, 1 / 3f, 1 / 3f, 1 / 3f);
        Tensor ls = Tensor.of(new float[][] {{1, 2, 3}}).logSoftmax(-1);
        assertValues(ls, new int[] {1, 3}, -2.40760596f, -1.40760596f, -0.40760596f);
    }

    @Test
    void reductions() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        assertEquals(276f, t.sum().item());
        assertValues(t.sum(false, 0), new int[] {3, 4}, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34);
        assertValues(t.sum(false, -1), new int[] {2, 3}, 6, 22, 38, 54, 70, 86);
        assertValues(t.sum(true, 1), new int[] {2, 1, 4}, 12, 15, 18, 21, 48, 51, 54, 57);
        assertValues(t.sum(false, 0, 2), new int[] {3}, 60, 92, 124);
        assertValues(t.mean(false, 1, 2), new int[] {2}, 5.5f, 17.5f);
        assertValues(t.max(false, 1), new int[] {2, 4}, 8, 9, 10, 11, 20, 21, 22, 23);
        assertValues(t.min(true, 0, 2), new int[] {1, 3, 1}, 0, 4, 8);
        assertValues(Tensor.of(new float[][] {{1, 3, 2}, {5, 4, 4}}).argmax(1), new int[] {2}, 1, 0);
        assertValues(Tensor.of(new float[][] {{1, 3, 2}, {5, 4, 4}}).argmax(0), new int[] {3}, 1, 1, 1);
        assertValues(Tensor.of(new float[][] {{1, 3, 2}, {5, 0, 4}}).argmin(-1), new int[] {2}, 0, 1);
        assertValues(Tensor.vector(1, 2, 3, 4).variance(false), new int[] {}, 1.25f);
        assertValues(Tensor.of(new float[][] {{1, 3}, {2, 6}}).variance(true, 0), new int[] {1, 2}, 0.25f, 2.25f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.sum(false, 3));
        assertTrue(e.getMessage().contains("axis 3") && e.getMessage().contains("rank 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.sum(false, 1, -2));
    }

    @Test
    void broadcastToAndSumTo() {
        Tensor v = Tensor.vector(1, 2);
        Tensor b = v.broadcastTo(3, 2);
        assertValues(b, new int[] {3, 2}, 1, 2, 1, 2, 1, 2);
        assertValues(b.sumTo(2), new int[] {2}, 3, 6);
        assertValues(b.sumTo(1, 2), new int[] {1, 2}, 3, 6);
        assertValues(b.sumTo(3, 1), new int[] {3, 1}, 3, 3, 3);
        assertThrows(IllegalArgumentException.class, () -> v.broadcastTo(3));
        assertValues(Tensor.scatterAdd(new int[] {3, 2}, 0, new int[] {2, 0, 2}, Tensor.ones(3, 2)), new int[] {3, 2}, 1, 1, 0, 0, 2, 2);
    }

    @Test
    void matmulAllForms() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        assertValues(a.matmul(b), new int[] {2, 2}, 4, 5, 10, 11);
        assertValues(a.matmul(a, false, true), new int[] {2, 2}, 14, 32, 32, 77);
        assertValues(a.matmul(a, true, false), new int[] {3, 3}, 17, 22, 27, 22, 29, 36, 27, 36, 45);
        assertValues(a.matmul(Tensor.vector(1, 1, 1)), new int[] {2}, 6, 15);
        assertValues(Tensor.vector(1, 1).matmul(a), new int[] {3}, 5, 7, 9);
        // batched (2,2,3) @ (3,2) folds the batch; (2,2,3) @ (2,3,2) pairs batches; (1,2,3) @ (2,3,2) broadcasts
        Tensor batch = Tensor.stack(0, a, a.mul(2f));
        assertValues(batch.matmul(b), new int[] {2, 2, 2}, 4, 5, 10, 11, 8, 10, 20, 22);
        Tensor bb = Tensor.stack(0, b, b.mul(-1f));
        assertValues(batch.matmul(bb), new int[] {2, 2, 2}, 4, 5, 10, 11, -8, -10, -20, -22);
        assertValues(a.expandDims(0).matmul(bb), new int[] {2, 2, 2}, 4, 5, 10, 11, -4, -5, -10, -11);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.matmul(a));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("not aligned"), e.getMessage());
        // larger product against a double-precision reference
        Tensor x = Tensor.randomNormal(1, 0, 1, 70, 130), y = Tensor.randomNormal(2, 0, 1, 130, 90);
        Tensor z = x.matmul(y);
        for (int i = 0; i < 70; i += 7) for (int j = 0; j < 90; j += 11) {
            double s = 0;
            for (int k = 0; k < 130; k++) s += (double) x.get(i, k) * y.get(k, j);
            assertEquals(s, z.get(i, j), 1e-3);
        }
    }

    @Test
    void expandSqueezeAssignCopy() {
        Tensor t = Tensor.arange(6).reshape(2, 3);
        assertArrayEquals(new int[] {2, 1, 3}, t.expandDims(1).shape());
        assertArrayEquals(new int[] {2, 3, 1}, t.expandDims(-1).shape());
        assertArrayEquals(new int[] {2, 3}, t.expandDims(0).squeeze(0).shape());
        assertThrows(IllegalArgumentException.class, () -> t.squeeze(0));
        Tensor c = t.copy();
        assertNotSame(Internal.array(c), Internal.array(t));
        c.assign(Tensor.ones(2, 3));
        assertEquals(1f, c.get(1, 2));
        assertEquals(5f, t.get(1, 2));
        assertThrows(IllegalArgumentException.class, () -> c.assign(Tensor.ones(3, 2)));
    }

    @Test
    void toStringIsNumpyLike() {
        assertEquals("Tensor(shape=(2, 3), dtype=float32,\n[[0., 1., 2.],\n [3., 4., 5.]])", Tensor.arange(6).reshape(2, 3).toString());
        assertEquals("Tensor(shape=(2,), dtype=float32,\n[ 0.5000, -1.2500])", Tensor.vector(0.5f, -1.25f).toString());
        assertEquals("Tensor(shape=(), dtype=float32, 3.)", Tensor.scalar(3).toString());
        String big = Tensor.arange(2000).reshape(2, 1000).toString();
        assertTrue(big.startsWith("Tensor(shape=(2, 1000), dtype=float32,\n[[   0.,    1.,    2., ...,  997.,  998.,  999.],"), big);
        assertTrue(big.length() < 200, big);
        String cube = Tensor.arange(8).reshape(2, 2, 2).toString();
        assertEquals("Tensor(shape=(2, 2, 2), dtype=float32,\n[[[0., 1.],\n  [2., 3.]],\n\n [[4., 5.],\n  [6., 7.]]])", cube);
    }

    @Test
    void reluGradPassesTheGradientExactlyWhereTheOutputIsPositive() {
        float tiny = Float.MIN_VALUE, inf = Float.POSITIVE_INFINITY, nan = Float.NaN;
        Tensor y = Tensor.of(new float[] {0f, -0f, tiny, 1f, inf, nan, -nan, -1f, Float.MAX_VALUE}, 9);
        Tensor g = Tensor.of(new float[] {5, 5, 5, -5, 5, 5, 5, 5, nan}, 9);
        float[] expected = new float[9];
        for (int i = 0; i < 9; i++) expected[i] = Internal.array(y)[i] > 0 ? Internal.array(g)[i] : 0f;
        assertArrayEquals(expected, Internal.array(Tensor.reluGrad(g, y)));
        assertEquals(0, Float.floatToRawIntBits(Internal.array(Tensor.reluGrad(g, y))[1]), "a dropped gradient is +0");
        // The scalar loop (no Vector API) gives the same bits, also on a long input with a vector tail.
        Tensor long1 = Tensor.randomNormal(4, 0, 1, 1001);
        Tensor long2 = Tensor.randomNormal(5, 0, 1, 1001);
        Tensor withSimd = Tensor.reluGrad(long1, long2);
        try {
            SimdKernels.disable(true);
            assertArrayEquals(expected, Internal.array(Tensor.reluGrad(g, y)));
            assertArrayEquals(Internal.array(withSimd), Internal.array(Tensor.reluGrad(long1, long2)));
        } finally {
            SimdKernels.disable(false);
        }
    }

    @Test
    void largeElementwisePassesGiveTheSameResultsOnTwoThreads() {
        Tensor a = Tensor.randomNormal(1, 0, 1, 64, 40, 48);
        Tensor bias = Tensor.randomNormal(2, 0, 1, 48);
        Tensor column = Tensor.randomNormal(3, 0, 1, 40, 1);
        int before = Parallel.threads();
        Tensor[] serial, parallel;
        try {
            Parallel.setThreads(1);
            serial = elementwiseCases(a, bias, column);
            Parallel.setThreads(2);
            parallel = elementwiseCases(a, bias, column);
        } finally {
            Parallel.setThreads(before);
        }
        for (int i = 0; i < serial.length; i++) {
            assertArrayEquals(serial[i].shape(), parallel[i].shape(), "case " + i);
            assertArrayEquals(Internal.array(serial[i]), Internal.array(parallel[i]), 1e-6f * Math.max(1f, Math.abs(Internal.array(serial[i])[0])), "case " + i);
        }
        // The bias-shaped fast path agrees with explicit broadcasting.
        assertArrayEquals(Internal.array(a.add(bias.broadcastTo(a.shape()))), Internal.array(serial[0]));
        assertArrayEquals(Internal.array(bias.broadcastTo(a.shape()).sub(a)), Internal.array(serial[1]));
        float[] sums = Internal.array(serial[5]);
        for (int j = 0; j < 48; j++) {
            double s = 0;
            for (int r = 0; r < 64 * 40; r++) s += Internal.array(a)[r * 48 + j];
            assertEquals(s, sums[j], 1e-3, "column " + j);
        }
    }

    private static Tensor[] elementwiseCases(Tensor a, Tensor bias, Tensor column) {
        return new Tensor[] {a.add(bias), bias.sub(a), a.mul(column), a.mul(Tensor.scalar(3f)), a.relu(), a.sumTo(48), a.sum(),
                a.sum(false, 2), Tensor.scalar(2f).broadcastTo(64, 40, 48), Tensor.reluGrad(a, a.relu())};
    }

    @Test
    void fusedBiasReluMatchesTheSeparateOperations() {
        for (int threads : new int[] {1, 2}) {
            int before = Parallel.threads();
            try {
                Parallel.setThreads(threads);
                // 37 channels: rows do not divide the 2048-element tile; 3001 rows make several parallel chunks.
                Tensor x = Tensor.randomNormal(31, 0, 1, 3001, 37);
                Tensor bias = Tensor.randomNormal(32, 0, 1, 37);
                Tensor g = Tensor.randomNormal(33, 0, 1, 3001, 37);
                Tensor sum = x.add(bias);
                assertArrayEquals(Internal.array(sum), Internal.array(Tensor.biasAdd(x, bias, false)));
                Tensor out = Tensor.biasAdd(x, bias, true);
                assertArrayEquals(Internal.array(sum.relu()), Internal.array(out));
                float[] db = new float[37];
                Tensor dx = Tensor.reluGradWithBiasGrad(g, out, db);
                Tensor expected = Tensor.reluGrad(g, out);
                assertArrayEquals(Internal.array(expected), Internal.array(dx));
                assertArrayEquals(Internal.array(expected.sumTo(37)), db, 1e-4f);
            } finally {
                Parallel.setThreads(before);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.biasAdd(Tensor.zeros(2, 3), Tensor.zeros(2), true));
        assertTrue(e.getMessage().contains("bias must have shape (3,)"), e.getMessage());
    }
}
