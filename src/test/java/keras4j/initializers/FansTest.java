package keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import keras4j.initializers.VarianceScaling.Fans;
import keras4j.tensor.Internal;
import org.junit.jupiter.api.Test;

/** Keras's {@code compute_fans}. */
class FansTest {

    @Test
    void fansByRank() {
        assertEquals(new Fans(1, 1), VarianceScaling.computeFans());
        assertEquals(new Fans(7, 7), VarianceScaling.computeFans(7));
        assertEquals(new Fans(3, 4), VarianceScaling.computeFans(3, 4));
    }

    @Test
    void convKernelsMultiplyTheReceptiveField() {
        // Conv1D kernel (kernel, in, out)
        assertEquals(new Fans(5 * 4, 5 * 3), VarianceScaling.computeFans(5, 4, 3));
        // Conv2D kernel (kh, kw, in, out)
        assertEquals(new Fans(3 * 3 * 16, 3 * 3 * 32), VarianceScaling.computeFans(3, 3, 16, 32));
        // Conv3D kernel
        assertEquals(new Fans(2 * 3 * 4 * 5, 2 * 3 * 4 * 6), VarianceScaling.computeFans(2, 3, 4, 5, 6));
    }

    @Test
    void explicitAxes() {
        int[] shape = {8, 4, 16};
        assertEquals(new Fans(8, 64), VarianceScaling.computeFans(shape, new int[] {0}, new int[] {1, 2}));
        assertEquals(new Fans(32, 16), VarianceScaling.computeFans(shape, new int[] {0, 1}, new int[] {-1}));
        // Only one of the two lists: the default rule.
        assertEquals(new Fans(4 * 8, 16 * 8), VarianceScaling.computeFans(shape, new int[] {0}, null));
    }

    @Test
    void fansDriveTheScale() {
        // he_uniform on a conv kernel: limit sqrt(6 / fan_in) with fan_in = 3*3*2 = 18.
        float limit = (float) Math.sqrt(6 / 18.0);
        float max = 0;
        for (float v : Internal.array(new HeUniform(3L).call(3, 3, 2, 4000))) max = Math.max(max, Math.abs(v));
        assertEquals(limit, max, 0.01 * limit);
        // input/output axes replace the default fans: fan_in = 8 instead of 8*4.
        VarianceScaling withAxes = new VarianceScaling(3.0, "fan_in", "uniform", 4L, new int[] {0}, new int[] {1, 2});
        float max2 = 0;
        for (float v : Internal.array(withAxes.call(8, 4, 2000))) max2 = Math.max(max2, Math.abs(v));
        assertEquals(Math.sqrt(9 / 8.0), max2, 0.01);
    }
}
