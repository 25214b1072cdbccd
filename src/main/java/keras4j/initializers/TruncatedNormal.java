package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;

/**
 * Normal samples re-drawn beyond two standard deviations
 * ({@code keras.initializers.TruncatedNormal(mean=0.0, stddev=0.05, seed=None)}).
 */
public final class TruncatedNormal extends RandomInitializer {
    private final double mean;
    private final double stddev;

    public TruncatedNormal(double mean, double stddev, Long seed) {
        super(seed);
        this.mean = mean;
        this.stddev = stddev;
    }

    public TruncatedNormal() {
        this(0.0, 0.05, null);
    }

    @Override
    public Tensor call(int... shape) {
        Rng rng = rng();
        return fill(shape, () -> mean + stddev * truncated(rng));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("mean", mean);
        c.put("stddev", stddev);
        c.put("seed", seed);
        return c;
    }
}
