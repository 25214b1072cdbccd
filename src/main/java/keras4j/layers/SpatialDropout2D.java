package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code SpatialDropout2D(rate, data_format=None, seed=None)}: in training, zeroes entire channels of
 * {@code (batch, *spatial, channels)} (channels_last) or {@code (batch, channels, *spatial)} (channels_first) with probability {@code rate} and scales the rest by {@code 1/(1 − rate)}; identity at inference.
 */
public final class SpatialDropout2D extends BaseSpatialDropout<SpatialDropout2D> {
    public SpatialDropout2D(double rate) {
        super(2, rate);
    }

    public SpatialDropout2D dataFormat(String dataFormat) {
        setDataFormat(dataFormat);
        return this;
    }

    public static SpatialDropout2D fromConfig(Map<String, Object> c) {
        return configure(new SpatialDropout2D(rateOf(c)), c);
    }
}
