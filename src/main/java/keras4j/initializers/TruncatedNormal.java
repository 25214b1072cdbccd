package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.TruncatedNormal(mean=0.0, stddev=0.05, seed=None)}: samples of {@code N(mean, stddev²)}, each value farther than {@code 2·stddev} from the mean re-drawn.
 * Config {@code {"seed", "mean", "stddev"}}.
 */
public final class TruncatedNormal extends NormalInitializer {
    public TruncatedNormal() {
        this(0.0, 0.05, (Long) null);
    }

    /** Keras's defaults with a seed: the same tensor on every call. */
    public TruncatedNormal(long seed) {
        this(0.0, 0.05, Long.valueOf(seed));
    }

    public TruncatedNormal(double mean, double stddev) {
        this(mean, stddev, (Long) null);
    }

    public TruncatedNormal(double mean, double stddev, long seed) {
        this(mean, stddev, Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public TruncatedNormal(double mean, double stddev, Long seed) {
        super(mean, stddev, seed);
    }

    @Override
    public Tensor call(int... shape) {
        return Sampling.truncatedNormal(rng(), mean(), stddev(), shape);
    }

    public static TruncatedNormal fromConfig(Map<String, Object> config) {
        return new TruncatedNormal(Config.getDouble(config, "mean", 0.0), Config.getDouble(config, "stddev", 0.05), readSeed(config));
    }
}
