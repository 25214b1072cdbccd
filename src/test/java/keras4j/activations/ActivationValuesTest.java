package keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import keras4j.testing.GradientChecker;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed values (Keras docstring examples, known constants) and the activations that act along an axis. */
class ActivationValuesTest {

    private static final Tensor DOC_X = Tensor.vector(-10, -5, 0, 5, 10);

    private static void assertValues(float[] expected, Tensor actual, float tolerance) {
        assertArrayEquals(expected, actual.toFloatArray(), tolerance);
    }

    @Test
    void reluDocstringExamples() {
        assertValues(new float[] {0, 0, 0, 5, 10}, Activations.relu(DOC_X), 0f);
        assertValues(new float[] {-5, -2.5f, 0, 5, 10}, Activations.relu(DOC_X, 0.5f, null, 0f), 0f);
        assertValues(new float[] {0, 0, 0, 5, 5}, Activations.relu(DOC_X, 0f, 5f, 0f), 0f);
        assertValues(new float[] {0, 0, 0, 0, 10}, Activations.relu(DOC_X, 0f, null, 5f), 0f);
        // Slope and cap together; slope and threshold together (x = threshold gives 0).
        assertValues(new float[] {-5, -2.5f, 0, 5, 5}, Activations.relu(DOC_X, 0.5f, 5f, 0f), 0f);
        assertValues(new float[] {-7.5f, -5, -2.5f, 0, 10}, Activations.relu(DOC_X, 0.5f, null, 5f), 0f);
        assertValues(new float[] {0, 0, 0, 5, 6}, Activations.relu6(DOC_X), 0f);
        assertThrows(IllegalArgumentException.class, () -> Activations.relu(DOC_X, 0f, -1f, 0f));
    }

    @Test
    void knownConstants() {
        Tensor one = Tensor.vector(1f);
        assertEquals(0.8413447460685429, Activations.gelu(one).item(), 1e-6);
        assertEquals(0.8411919906082768, Activations.gelu(one, true).item(), 1e-6);
        assertEquals(-1.1113307378125628, Activations.selu(Tensor.vector(-1f)).item(), 1e-6);
        assertEquals(0.8650983882673103, Activations.mish(one).item(), 1e-6);
        assertEquals(Math.log(2), Activations.softplus(Tensor.vector(0f)).item(), 1e-7);
        assertEquals(-Math.log(2), Activations.logSigmoid(Tensor.vector(0f)).item(), 1e-7);
        assertEquals(1.0, Activations.squareplus(Tensor.vector(0f)).item(), 0);
        assertEquals(0.25, Activations.sparsePlus(Tensor.vector(0f)).item(), 0);
        assertEquals(-0.786938680574733, Activations.celu(Tensor.vector(-1f), 2f).item(), 1e-6);
        assertEquals(0.75, Activations.hardSigmoid(Tensor.vector(1.5f)).item(), 1e-7);
        assertEquals(0.8, Activations.hardSigmoidKeras2(Tensor.vector(1.5f)).item(), 1e-7);
        assertEquals(1.0, Activations.hardSigmoid(Tensor.vector(3f)).item(), 0);
        assertEquals(0.0, Activations.hardSigmoidKeras2(Tensor.vector(-2.5f)).item(), 0);
        assertEquals(5.0 / 3, Activations.hardSilu(Tensor.vector(2f)).item(), 1e-6); // 2 · (2/6 + 0.5)
    }

    @Test
    void outputsKeepTheInputShape() {
        Tensor x = Tensor.randomUniform(3, -2, 2, 2, 3, 4);
        assertArrayEquals(new int[] {2, 3, 4}, Activations.mish(x).shape());
        assertArrayEquals(new int[] {2, 3, 4}, Activations.sparsemax(x, 1).shape());
        assertArrayEquals(new int[] {2, 3, 2}, Activations.glu(x).shape());
        assertArrayEquals(new int[] {1, 3, 4}, Activations.glu(x, 0).shape());
    }

    @Test
    void softmaxAndLogSoftmaxAlongAnyAxis() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {-1, 0, 4}});
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        Tensor s = Activations.softmax(x);
        assertEquals(Math.exp(2) / z, s.get(0, 1), 1e-6);
        assertEquals(Math.exp(0) / (Math.exp(-1) + 1 + Math.exp(4)), s.get(1, 1), 1e-6);
        Tensor s0 = Activations.softmax(x, 0);
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(-1)), s0.get(0, 0), 1e-6);
        assertEquals(Math.log(Math.exp(3) / z), Activations.logSoftmax(x).get(0, 2), 1e-6);
        assertEquals(Math.log(Math.exp(4) / (Math.exp(3) + Math.exp(4))), Activations.logSoftmax(x, 0).get(1, 2), 1e-6);
        // Large logits do not overflow.
        Tensor big = Activations.softmax(Tensor.vector(1000f, 1000f));
        assertValues(new float[] {0.5f, 0.5f}, big, 1e-7f);
    }

    @Test
    void sparsemaxValues() {
        assertValues(new float[] {0, 0, 1}, Activations.sparsemax(Tensor.vector(1, 2, 3)), 1e-7f);
        assertValues(new float[] {0.7f / 3, 1f / 3, 1.3f / 3}, Activations.sparsemax(Tensor.vector(0.1f, 0.2f, 0.3f)), 1e-6f);
        // tau = (0.9 + 0.5 - 1) / 2 = 0.2 -> [0, 0.3, 0.7, 0]
        assertValues(new float[] {0, 0.3f, 0.7f, 0}, Activations.sparsemax(Tensor.vector(0.1f, 0.5f, 0.9f, -1f)), 1e-6f);
        // Ties share the mass.
        assertValues(new float[] {0.5f, 0.5f, 0}, Activations.sparsemax(Tensor.vector(2, 2, 0)), 1e-7f);
        // Along axis 0 of a matrix: each column is one distribution.
        Tensor m = Tensor.of(new float[][] {{1, 0.1f}, {2, 0.2f}, {3, 0.3f}});
        Tensor out = Activations.sparsemax(m, 0);
        assertValues(new float[] {0, 0.7f / 3, 0, 1f / 3, 1, 1.3f / 3}, out, 1e-6f);
        Tensor sums = Activations.sparsemax(Tensor.randomUniform(9, -3, 3, 4, 5, 6), 1).sum(false, 1);
        for (float v : Internal.array(sums)) assertEquals(1f, v, 1e-5f);
    }

    @Test
    void sparsemaxGradient() {
        // Support boundaries are at least 0.1 from every element, so ±0.01 steps do not change the support.
        Tensor x = Tensor.of(new float[][] {{0.1f, 0.5f, 0.9f, -1f}, {0.3f, 0.4f, 0.2f, 0.35f}, {3f, -1f, 0.5f, 2.4f}});
        GradientChecker.Result r = GradientChecker.check(in -> Activations.sparsemax(in[0]), 1e-2, x);
        assertTrue(r.maxError() < 5e-3, r.toString());
        Tensor t = x.transpose();
        GradientChecker.Result r0 = GradientChecker.check(in -> Activations.sparsemax(in[0], 0), 1e-2, t);
        assertTrue(r0.maxError() < 5e-3, r0.toString());
    }

    @Test
    void softmaxAndLogSoftmaxGradients() {
        Tensor x = Tensor.randomUniform(5, -2, 2, 3, 4);
        assertTrue(GradientChecker.check(in -> Activations.softmax(in[0]), 1e-2, x).maxError() < 5e-3);
        assertTrue(GradientChecker.check(in -> Activations.softmax(in[0], 0), 1e-2, x).maxError() < 5e-3);
        assertTrue(GradientChecker.check(in -> Activations.logSoftmax(in[0]), 1e-2, x).maxError() < 5e-3);
        assertTrue(GradientChecker.check(in -> Activations.logSoftmax(in[0], 0), 1e-2, x).maxError() < 5e-3);
    }

    @Test
    void gluSplitsInHalves() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 0, -1}, {-3, 4, 2, 0.5f}});
        Tensor y = Activations.glu(x);
        assertValues(new float[] {(float) (1 * sig(0)), (float) (2 * sig(-1)), (float) (-3 * sig(2)), (float) (4 * sig(0.5))}, y, 1e-6f);
        Tensor y0 = Activations.glu(x, 0);
        assertValues(new float[] {(float) sig(-3), (float) (2 * sig(4)), 0, (float) (-1 * sig(0.5))}, y0, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> Activations.glu(Tensor.zeros(2, 3)));
        Tensor g = Tensor.randomUniform(6, -2, 2, 3, 4);
        assertTrue(GradientChecker.check(in -> Activations.glu(in[0]), 1e-2, g).maxError() < 5e-3);
        assertTrue(GradientChecker.check(in -> Activations.glu(in[0], 1), 1e-2, g).maxError() < 5e-3);
    }

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
