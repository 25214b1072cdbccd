package keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Distribution statistics of each initializer on large shapes, and the constant initializers' values. */
class InitializerStatisticsTest {

    private static final int[] BIG = {400, 500};
    private static final int[] CONV = {3, 3, 64, 128}; // fan_in 576, fan_out 1152

    record Stats(double mean, double std, double min, double max) {}

    static Stats stats(Tensor t) {
        double sum = 0, sq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : Internal.array(t)) {
            sum += v;
            sq += (double) v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int n = t.size();
        double mean = sum / n;
        return new Stats(mean, Math.sqrt(sq / n - mean * mean), min, max);
    }

    /** Mean within 5 standard errors, std within 1.5 %. */
    static void assertMoments(Stats s, double mean, double std, int n, String what) {
        assertEquals(mean, s.mean(), 5 * std / Math.sqrt(n), what + " mean");
        assertEquals(std, s.std(), 0.015 * std, what + " std");
    }

    @Test
    void randomNormal() {
        Tensor t = new RandomNormal(0.5, 2.0, 1L).call(BIG);
        assertArrayEquals(BIG, t.shape());
        assertMoments(stats(t), 0.5, 2.0, t.size(), "RandomNormal");
        assertMoments(stats(new RandomNormal(2L).call(BIG)), 0.0, 0.05, t.size(), "RandomNormal defaults");
    }

    @Test
    void randomUniform() {
        Tensor t = new RandomUniform(-1, 3, 2L).call(BIG);
        Stats s = stats(t);
        assertTrue(s.min() >= -1 && s.max() < 3, s.toString());
        assertTrue(s.min() < -0.99 && s.max() > 2.99, s.toString());
        assertMoments(s, 1.0, 4 / Math.sqrt(12), t.size(), "RandomUniform");
        Stats d = stats(new RandomUniform(3L).call(BIG));
        assertTrue(d.min() >= -0.05 && d.max() < 0.05, d.toString());
    }

    @Test
    void truncatedNormalRedrawsBeyondTwoStddev() {
        Tensor t = new TruncatedNormal(1.0, 0.5, 4L).call(BIG);
        Stats s = stats(t);
        assertTrue(s.min() >= 0.0 && s.max() <= 2.0, s.toString());
        assertTrue(s.min() < 0.01 && s.max() > 1.99, s.toString());
        // A standard normal truncated to [-2, 2] has standard deviation 0.87962566103423978.
        assertMoments(s, 1.0, 0.5 * 0.87962566103423978, t.size(), "TruncatedNormal");
    }

    @Test
    void varianceScalingModesAndDistributions() {
        int n = 3 * 3 * 64 * 128;
        // uniform, fan_avg: limit = sqrt(3 * scale / ((576 + 1152) / 2))
        double limit = Math.sqrt(3 * 1.5 / 864.0);
        Stats u = stats(new VarianceScaling(1.5, "fan_avg", "uniform", 5L).call(CONV));
        assertTrue(u.min() >= -limit && u.max() <= limit && u.max() > 0.99 * limit, u + " limit " + limit);
        assertMoments(u, 0, limit / Math.sqrt(3), n, "uniform fan_avg");
        // truncated_normal, fan_in: the corrected stddev makes the sample variance scale / fan_in.
        double std = Math.sqrt(2.0 / 576);
        Stats tn = stats(new VarianceScaling(2.0, "fan_in", "truncated_normal", 6L).call(CONV));
        double bound = 2 * std / 0.87962566103423978;
        assertTrue(tn.min() >= -bound && tn.max() <= bound, tn + " bound " + bound);
        assertMoments(tn, 0, std, n, "truncated_normal fan_in");
        // "normal" is an alias of truncated_normal.
        assertEquals("truncated_normal", new VarianceScaling(1.0, "fan_in", "normal").distribution());
        // untruncated_normal, fan_out.
        Stats un = stats(new VarianceScaling(1.0, "fan_out", "untruncated_normal", 7L).call(CONV));
        assertMoments(un, 0, Math.sqrt(1.0 / 1152), n, "untruncated_normal fan_out");
        assertTrue(un.max() > 3 * Math.sqrt(1.0 / 1152), "untruncated samples reach beyond 3 stddev");
    }

    @Test
    void presetsUseKerasScaleModeAndDistribution() {
        int n = BIG[0] * BIG[1];
        double fanIn = 400, fanOut = 500;
        Stats gu = stats(new GlorotUniform(8L).call(BIG));
        double gl = Math.sqrt(6 / (fanIn + fanOut));
        assertTrue(gu.min() >= -gl && gu.max() <= gl && gu.max() > 0.99 * gl, gu.toString());
        assertMoments(gu, 0, gl / Math.sqrt(3), n, "GlorotUniform");
        assertMoments(stats(new GlorotNormal(9L).call(BIG)), 0, Math.sqrt(2 / (fanIn + fanOut)), n, "GlorotNormal");
        double hl = Math.sqrt(6 / fanIn);
        Stats hu = stats(new HeUniform(10L).call(BIG));
        assertTrue(hu.max() <= hl && hu.max() > 0.99 * hl, hu.toString());
        assertMoments(hu, 0, hl / Math.sqrt(3), n, "HeUniform");
        Stats hn = stats(new HeNormal(11L).call(BIG));
        assertMoments(hn, 0, Math.sqrt(2 / fanIn), n, "HeNormal");
        assertTrue(hn.max() <= 2 * Math.sqrt(2 / fanIn) / 0.87962566103423978, hn.toString());
        double ll = Math.sqrt(3 / fanIn);
        Stats lu = stats(new LecunUniform(12L).call(BIG));
        assertTrue(lu.max() <= ll && lu.max() > 0.99 * ll, lu.toString());
        assertMoments(lu, 0, ll / Math.sqrt(3), n, "LecunUniform");
        assertMoments(stats(new LecunNormal(13L).call(BIG)), 0, Math.sqrt(1 / fanIn), n, "LecunNormal");
        VarianceScaling he = new HeNormal();
        assertEquals(2.0, he.scale());
        assertEquals("fan_in", he.mode());
        assertEquals("truncated_normal", he.distribution());
    }

    @Test
    void varianceScalingValidatesItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(0.0, "fan_in", "uniform"));
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(1.0, "fan_middle", "uniform"));
        assertTrue(mode.getMessage().contains("fan_middle"), mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(1.0, "fan_in", "cauchy"));
    }

    @Test
    void constantInitializers() {
        assertArrayEquals(new float[6], new Zeros().call(2, 3).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, new Ones().call(3).toFloatArray());
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, new Constant(2.5).call(2, 2).toFloatArray());
        assertArrayEquals(new float[] {0, 0}, new Constant().call(2).toFloatArray());
        assertArrayEquals(new int[0], new Ones().call().shape());
        assertArrayEquals(new float[] {3, 0, 0, 0, 3, 0}, new Identity(3).call(2, 3).toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, new Identity().call(3, 2).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new Identity().call(2, 2, 2));
    }

    @Test
    void scalarAndEmptyShapes() {
        assertArrayEquals(new int[0], new GlorotUniform(1L).call().shape());
        assertEquals(0, new RandomNormal(1L).call(0, 5).size());
    }
}
