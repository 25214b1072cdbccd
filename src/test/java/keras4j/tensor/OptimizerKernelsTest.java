package keras4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimizerKernelsTest {

    private static float[] random(long seed, int n, boolean positive) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (positive ? r.nextDouble() * 1e-3 : r.nextDouble(-1, 1));
        return a;
    }

    /** The Adam update written out in double from the formula, for one element (Keras 3's update_step). */
    private static double[] adamByHand(double w, double g, double m, double v, double alpha, double b1, double b2, double eps) {
        double m1 = m + (g - m) * (1 - b1);
        double v1 = v + (g * g - v) * (1 - b2);
        return new double[] {w - m1 * alpha / (Math.sqrt(v1) + eps), m1, v1};
    }

    @Test
    void adamFollowsKerasFormula() {
        float[] w = {0.5f, -1.25f, 2f}, g = {0.1f, -0.3f, 0f}, m = {0.01f, 0f, -0.2f}, v = {0.001f, 0.02f, 0.5f};
        float[] w0 = w.clone(), m0 = m.clone(), v0 = v.clone();
        OptimizerKernels.adam(w, g, m, v, null, 0.001f, 0.1f, 0.001f, 1e-7f);
        for (int i = 0; i < 3; i++) {
            double[] e = adamByHand(w0[i], g[i], m0[i], v0[i], 0.001, 0.9, 0.999, 1e-7);
            assertEquals(e[0], w[i], 1e-6);
            assertEquals(e[1], m[i], 1e-7);
            assertEquals(e[2], v[i], 1e-7);
        }
    }

    @Test
    void adamGivesTheSameBitsWithAndWithoutVectorsAndOnAnyThreadCount() {
        // 200,003 elements: several parallel chunks, each with a vector tail.
        int n = 200_003;
        float[] g = random(1, n, false);
        float[][] ref = {random(2, n, false), random(3, n, false), random(4, n, true)};
        float[][] scalar = copy(ref);
        int before = Parallel.threads();
        try {
            SimdKernels.disable(true);
            Parallel.setThreads(1);
            for (int step = 0; step < 3; step++) OptimizerKernels.adam(scalar[0], g, scalar[1], scalar[2], null, 1e-3f, 0.1f, 0.001f, 1e-7f);
            SimdKernels.disable(false);
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                float[][] run = copy(ref);
                for (int step = 0; step < 3; step++) OptimizerKernels.adam(run[0], g, run[1], run[2], null, 1e-3f, 0.1f, 0.001f, 1e-7f);
                for (int k = 0; k < 3; k++) assertArrayEquals(scalar[k], run[k], "array " + k + " on " + threads + " threads");
            }
        } finally {
            SimdKernels.disable(false);
            Parallel.setThreads(before);
        }
    }

    private static float[][] copy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
