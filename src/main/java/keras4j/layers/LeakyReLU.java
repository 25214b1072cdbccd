package keras4j.layers;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.tensor.Tensor;

/**
 * The leaky rectifier as a layer, Keras's {@code keras.layers.LeakyReLU(negative_slope=0.3)}.
 *
 * <p>{@code f(x) = x} for {@code x >= 0}, {@code negative_slope·x} otherwise. Shapes: output = input. Keras 2 called
 * the slope {@code alpha}; {@link #fromConfig} accepts both keys.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class LeakyReLU extends AbstractLayer<LeakyReLU> {
    private double negativeSlope;

    /** {@code LeakyReLU()} with {@code negative_slope=0.3}. */
    public LeakyReLU() {
        this(0.3);
    }

    /** {@code LeakyReLU(negative_slope)}: a non-negative slope. */
    public LeakyReLU(double negativeSlope) {
        negativeSlope(negativeSlope);
        this.supportsMasking = true;
    }

    /** Keras's {@code negative_slope} (Keras 2's {@code alpha}). */
    public LeakyReLU negativeSlope(double negativeSlope) {
        if (!(negativeSlope >= 0)) {
            throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope="
                    + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
        return this;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.leakyRelu(inputs, (float) negativeSlope);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("negative_slope", negativeSlope);
        return c;
    }

    /** Rebuilds from Keras 3's config ({@code negative_slope}) or Keras 2's ({@code alpha}). */
    public static LeakyReLU fromConfig(Map<String, Object> config) {
        Object slope = config.containsKey("negative_slope") ? config.get("negative_slope") : config.get("alpha");
        if (slope != null && !(slope instanceof Number)) {
            throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=" + slope);
        }
        LeakyReLU l = new LeakyReLU(slope == null ? 0.3 : ((Number) slope).doubleValue());
        l.applyBaseConfig(config);
        return l;
    }
}
