package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.RandomUniform(minval=-0.05, maxval=0.05, seed=None)}: samples of the uniform distribution on {@code [minval, maxval)}.
 * Config {@code {"seed", "minval", "maxval"}}.
 */
public final class RandomUniform extends RandomInitializer {
    private final double minval;
    private final double maxval;

    public RandomUniform() {
        this(-0.05, 0.05, (Long) null);
    }

    /** Keras's defaults with a seed: the same tensor on every call. */
    public RandomUniform(long seed) {
        this(-0.05, 0.05, Long.valueOf(seed));
    }

    public RandomUniform(double minval, double maxval) {
        this(minval, maxval, (Long) null);
    }

    public RandomUniform(double minval, double maxval, long seed) {
        this(minval, maxval, Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public RandomUniform(double minval, double maxval, Long seed) {
        super(seed);
        this.minval = minval;
        this.maxval = maxval;
    }

    public double minval() {
        return minval;
    }

    public double maxval() {
        return maxval;
    }

    @Override
    public Tensor call(int... shape) {
        return Sampling.uniform(rng(), minval, maxval, shape);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("minval", minval);
        c.put("maxval", maxval);
        return c;
    }

    public static RandomUniform fromConfig(Map<String, Object> config) {
        return new RandomUniform(Config.getDouble(config, "minval", -0.05), Config.getDouble(config, "maxval", 0.05), readSeed(config));
    }
}
