package keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import keras4j.tensor.Internal;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.Test;

class SeedsAndOrthogonalTest {

    static final List<LongFunction<Initializer>> SEEDED = List.of(
            RandomNormal::new, s -> new RandomUniform(-1, 1, s), s -> new TruncatedNormal(0, 1, s),
            s -> new VarianceScaling(1.0, "fan_avg", "untruncated_normal", s), GlorotUniform::new, GlorotNormal::new,
            HeUniform::new, HeNormal::new, LecunUniform::new, LecunNormal::new, s -> new Orthogonal(1.0, s));

    @Test
    void sameSeedSameTensorDifferentSeedDifferentTensor() {
        for (LongFunction<Initializer> make : SEEDED) {
            Initializer a = make.apply(42);
            float[] first = a.call(20, 30).toFloatArray();
            assertArrayEquals(first, a.call(20, 30).toFloatArray(), a + ": a seeded initializer repeats itself");
            assertArrayEquals(first, make.apply(42).call(20, 30).toFloatArray(), a + ": same seed, new instance");
            assertFalse(Arrays.equals(first, make.apply(43).call(20, 30).toFloatArray()), a + ": different seed");
        }
    }

    @Test
    void unseededDrawsFromTheGlobalSeed() {
        Initializer init = new GlorotUniform();
        float[] a = init.call(10, 10).toFloatArray();
        assertFalse(Arrays.equals(a, init.call(10, 10).toFloatArray()), "a fresh seed per call");
        Seeds.setRandomSeed(1234);
        float[] b = init.call(10, 10).toFloatArray();
        float[] c = new RandomNormal().call(10).toFloatArray();
        Seeds.setRandomSeed(1234);
        assertArrayEquals(b, init.call(10, 10).toFloatArray());
        assertArrayEquals(c, new RandomNormal().call(10).toFloatArray());
    }

    @Test
    void sameValuesOnAnyThread() throws Exception {
        float[] here = new HeNormal(7L).call(64, 64).toFloatArray();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[]>> futures = pool.invokeAll(List.of(
                    () -> new HeNormal(7L).call(64, 64).toFloatArray(), () -> new HeNormal(7L).call(64, 64).toFloatArray()));
            for (Future<float[]> f : futures) assertArrayEquals(here, f.get());
        } finally {
            pool.shutdown();
        }
    }

    /** Max |MᵀM − gain²·I| (columns orthonormal up to gain) for a (rows, cols) matrix. */
    static double gramError(float[] m, int rows, int cols, double gain, boolean ofColumns) {
        int n = ofColumns ? cols : rows, len = ofColumns ? rows : cols;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < len; k++) {
                    double a = ofColumns ? m[k * cols + i] : m[i * cols + k];
                    double b = ofColumns ? m[k * cols + j] : m[j * cols + k];
                    dot += a * b;
                }
                worst = Math.max(worst, Math.abs(dot - (i == j ? gain * gain : 0)));
            }
        }
        return worst;
    }

    @Test
    void orthogonalSquareTallWideAndConv() {
        float[] square = Internal.array(new Orthogonal(1.0, 1L).call(64, 64));
        assertEquals(0, gramError(square, 64, 64, 1, true), 1e-4);
        assertEquals(0, gramError(square, 64, 64, 1, false), 1e-4);
        float[] tall = Internal.array(new Orthogonal(2.0, 2L).call(100, 30));
        assertEquals(0, gramError(tall, 100, 30, 2, true), 4e-4);
        float[] wide = Internal.array(new Orthogonal(0.5, 3L).call(30, 100));
        assertEquals(0, gramError(wide, 30, 100, 0.5, false), 1e-4);
        // A conv kernel (3, 3, 8, 16) is flattened to (72, 16).
        Tensor conv = new Orthogonal(1.0, 4L).call(3, 3, 8, 16);
        assertArrayEquals(new int[] {3, 3, 8, 16}, conv.shape());
        assertEquals(0, gramError(Internal.array(conv), 72, 16, 1, true), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> new Orthogonal().call(5));
    }

    /** The (rows, cols) standard normal sample Orthogonal draws from {@code seed}. */
    static double[] sample(long seed, int rows, int cols) {
        Rng rng = new Rng(seed);
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
        return a;
    }

    @Test
    void orthogonalSignCorrectionGivesPositiveDiagonalR() {
        // q·sign(diag(r)) is the unique factor with R = QᵀA upper triangular with a positive diagonal.
        for (long seed = 0; seed < 5; seed++) {
            int m = 6, n = 3;
            double[] a = sample(seed, m, n);
            float[] tall = Internal.array(new Orthogonal(1.0, seed).call(m, n));
            float[] wide = Internal.array(new Orthogonal(1.0, seed).call(n, m)); // the transpose of the same q
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double r = 0;
                    for (int k = 0; k < m; k++) r += tall[k * n + i] * a[k * n + j];
                    if (i == j) assertTrue(r > 0, "diag(R) > 0");
                    if (i > j) assertEquals(0, r, 1e-5, "R is upper triangular");
                    assertEquals(tall[j * n + i], wide[i * m + j], 0f);
                }
            }
        }
        // 1x1: the sign of the single sample times gain; a column: the sample normalised.
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(3 * Math.signum(sample(seed, 1, 1)[0]), new Orthogonal(3.0, seed).call(1, 1).item(), 1e-6);
        }
        double[] col = sample(5L, 4, 1);
        double norm = Math.sqrt(col[0] * col[0] + col[1] * col[1] + col[2] * col[2] + col[3] * col[3]);
        Tensor v = new Orthogonal(1.0, 5L).call(4, 1);
        for (int i = 0; i < 4; i++) assertEquals(col[i] / norm, Internal.array(v)[i], 1e-6);
    }
}
