package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code SpatialDropout3D(rate, data_format=None, seed=None)}: in training, zeroes entire channels of
 * {@code (batch, *spatial, channels)} (channels_last) or {@code (batch, channels, *spatial)} (channels_first) with probability {@code rate} and scales the rest by {@code 1/(1 − rate)}; identity at inference.
 */
public final class SpatialDropout3D extends BaseSpatialDropout<SpatialDropout3D> {
    public SpatialDropout3D(double rate) {
        super(3, rate);
    }

    public SpatialDropout3D dataFormat(String dataFormat) {
        setDataFormat(dataFormat);
        return this;
    }

    public static SpatialDropout3D fromConfig(Map<String, Object> c) {
        return configure(new SpatialDropout3D(rateOf(c)), c);
    }
}
