package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** {@code gain} times the identity matrix, for 2-D shapes ({@code keras.initializers.Identity(gain=1.0)}). */
public final class Identity extends Initializer {
    private final float gain;

    public Identity(float gain) {
        this.gain = gain;
    }

    public Identity() {
        this(1f);
    }

    @Override
    public Tensor call(int... shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D matrices. Received: shape=" + java.util.Arrays.toString(shape));
        }
        float[] d = new float[shape[0] * shape[1]];
        for (int i = 0; i < Math.min(shape[0], shape[1]); i++) d[i * shape[1] + i] = gain;
        return Tensor.wrap(d, shape);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("gain", (double) gain);
    }
}
