package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.Identity(gain=1.0)}: {@code gain · eye(rows, cols)} for a 2-D shape
 * (ones on the main diagonal of a possibly non-square matrix). Config {@code {"gain"}}.
 */
public final class Identity extends Initializer {
    private final double gain;

    public Identity() {
        this(1.0);
    }

    public Identity(double gain) {
        this.gain = gain;
    }

    public double gain() {
        return gain;
    }

    @Override
    public Tensor call(int... shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Identity matrix initializer can only be used for 2D matrices. Received: shape="
                    + Shape.format(shape) + " of rank " + shape.length + ".");
        }
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        int n = Math.min(shape[0], shape[1]);
        for (int i = 0; i < n; i++) d[i * shape[1] + i] = (float) gain;
        return t;
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("gain", gain);
    }

    public static Identity fromConfig(Map<String, Object> config) {
        return new Identity(Config.getDouble(config, "gain", 1.0));
    }
}
