package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=None)}: samples of a normal distribution {@code N(mean, stddev²)}.
 * Config {@code {"seed", "mean", "stddev"}}.
 */
public final class RandomNormal extends NormalInitializer {
    public RandomNormal() {
        this(0.0, 0.05, (Long) null);
    }

    /** Keras's defaults with a seed: the same tensor on every call. */
    public RandomNormal(long seed) {
        this(0.0, 0.05, Long.valueOf(seed));
    }

    public RandomNormal(double mean, double stddev) {
        this(mean, stddev, (Long) null);
    }

    public RandomNormal(double mean, double stddev, long seed) {
        this(mean, stddev, Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public RandomNormal(double mean, double stddev, Long seed) {
        super(mean, stddev, seed);
    }

    @Override
    public Tensor call(int... shape) {
        return Sampling.normal(rng(), mean(), stddev(), shape);
    }

    public static RandomNormal fromConfig(Map<String, Object> config) {
        return new RandomNormal(Config.getDouble(config, "mean", 0.0), Config.getDouble(config, "stddev", 0.05), readSeed(config));
    }
}
