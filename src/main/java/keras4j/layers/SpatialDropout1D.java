package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code SpatialDropout1D(rate, seed=None)}: in training, zeroes entire channels of
 * {@code (batch, steps, channels)} with probability {@code rate} and scales the rest by {@code 1/(1 − rate)}; identity at inference.
 */
public final class SpatialDropout1D extends BaseSpatialDropout<SpatialDropout1D> {
    public SpatialDropout1D(double rate) {
        super(1, rate);
    }

    public static SpatialDropout1D fromConfig(Map<String, Object> c) {
        return configure(new SpatialDropout1D(rateOf(c)), c);
    }
}
