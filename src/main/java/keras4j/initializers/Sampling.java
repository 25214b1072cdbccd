package keras4j.initializers;

import keras4j.tensor.Internal;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;

/** Sequential samplers behind the random initializers (double arithmetic, rounded once to float). */
final class Sampling {
    private Sampling() {}

    /** Standard deviation of a standard normal truncated to [-2, 2]: Keras's correction constant. */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    static Tensor uniform(Rng rng, double min, double max, int[] shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = Internal.array(t);
        for (int i = 0; i < d.length; i++) d[i] = (float) (min + (max - min) * rng.nextDouble());
        return t;
    }

    static Tensor normal(Rng rng, double mean, double stddev, int[] shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = Internal.array(t);
        for (int i = 0; i < d.length; i++) d[i] = (float) (mean + stddev * rng.nextGaussian());
        return t;
    }

    /** Normal samples, each re-drawn until it lies within two standard deviations of the mean. */
    static Tensor truncatedNormal(Rng rng, double mean, double stddev, int[] shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = Internal.array(t);
        for (int i = 0; i < d.length; i++) {
            double z;
            do {
                z = rng.nextGaussian();
            } while (Math.abs(z) > 2);
            d[i] = (float) (mean + stddev * z);
        }
        return t;
    }
}
