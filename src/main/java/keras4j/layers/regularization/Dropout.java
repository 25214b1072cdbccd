package keras4j.layers.regularization;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.ops.Ops;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Seeds;

/**
 * Keras's {@code Dropout(rate, noise_shape=None, seed=None)}: during training, zeroes each input unit with
 * probability {@code rate} and scales the rest by {@code 1/(1-rate)}; the identity at inference.
 * Any shape in, the same shape out; passes masks on.
 */
public final class Dropout extends AbstractLayer<Dropout> {
    private final double rate;
    private int[] noiseShape;
    private Long seed;
    private Rng rng;

    public Dropout(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=" + rate);
        }
        this.rate = rate;
        this.supportsMasking = true;
    }

    /** Keras's {@code noise_shape} (with batch axis; -1 takes the input's size) to share the mask along axes. */
    public Dropout noiseShape(int... shape) {
        this.noiseShape = shape.clone();
        return this;
    }

    public Dropout seed(long seed) {
        this.seed = seed;
        this.rng = new Rng(seed);
        return this;
    }

    public double rate() {
        return rate;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || rate == 0) return inputs;
        if (rng == null) rng = new Rng(Seeds.next());
        int[] shape = inputs.shape();
        if (noiseShape != null) {
            if (noiseShape.length != shape.length) {
                throw new IllegalArgumentException("Dropout \"" + name() + "\": noise_shape " + java.util.Arrays.toString(noiseShape) + " does not match input rank " + shape.length);
            }
            for (int i = 0; i < shape.length; i++) if (noiseShape[i] >= 0) shape[i] = noiseShape[i];
        }
        float keep = (float) (1 - rate);
        float scale = rate >= 1 ? 0f : 1f / keep;
        float[] m = new float[keras4j.tensor.Shapes.size(shape)];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble() < keep ? scale : 0f;
        return Ops.multiply(inputs, Tensor.wrap(m, shape));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rate", rate);
        c.put("seed", seed);
        c.put("noise_shape", noiseShape == null ? null : Config.shape(noiseShape));
        return c;
    }

    public static Dropout fromConfig(Map<String, Object> c) {
        Dropout d = new Dropout(Config.getDouble(c, "rate", 0));
        d.applyBaseConfig(c);
        if (c.get("seed") != null) d.seed(((Number) c.get("seed")).longValue());
        if (c.get("noise_shape") != null) d.noiseShape(Config.toShape(c.get("noise_shape")));
        return d;
    }
}
