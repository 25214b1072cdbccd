package keras4j.initializers;

import java.util.Map;

/**
 * What Keras's {@code RandomNormal} and {@code TruncatedNormal} share: a seed, {@code mean} and {@code stddev},
 * and their config {@code {"seed", "mean", "stddev"}}. The subclasses say how values are drawn.
 */
abstract class NormalInitializer extends RandomInitializer {
    private final double mean;
    private final double stddev;

    NormalInitializer(double mean, double stddev, Long seed) {
        super(seed);
        this.mean = mean;
        this.stddev = stddev;
    }

    public double mean() {
        return mean;
    }

    public double stddev() {
        return stddev;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mean", mean);
        c.put("stddev", stddev);
        return c;
    }
}
