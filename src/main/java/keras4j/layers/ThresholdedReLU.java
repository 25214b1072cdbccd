package keras4j.layers;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The thresholded rectifier, Keras 2's {@code keras.layers.ThresholdedReLU(theta=1.0)}. Keras 3 removed it in favour
 * of {@code ReLU(threshold=theta)}; keras4j keeps it (module {@code keras.layers}) so Keras 2 models load.
 *
 * <p>{@code f(x) = x} for {@code x > theta}, 0 otherwise. Shapes: output = input.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class ThresholdedReLU extends AbstractLayer<ThresholdedReLU> {
    private double theta;

    /** {@code ThresholdedReLU()} with {@code theta=1.0}. */
    public ThresholdedReLU() {
        this(1.0);
    }

    /** {@code ThresholdedReLU(theta)}: a non-negative threshold. */
    public ThresholdedReLU(double theta) {
        theta(theta);
        this.supportsMasking = true;
    }

    /** Keras 2's {@code theta}. */
    public ThresholdedReLU theta(double theta) {
        if (Double.isNaN(theta)) throw new IllegalArgumentException("Theta of a Thresholded ReLU layer cannot be None, expecting a float. Received: " + theta);
        if (theta < 0) throw new IllegalArgumentException("The theta value of a Thresholded ReLU layer should be >=0. Received: " + theta);
        this.theta = theta;
        return this;
    }

    public double theta() {
        return theta;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.threshold(inputs, (float) theta, 0f);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("theta", theta);
        return c;
    }

    /** Rebuilds from Keras 2's config ({@code theta}). */
    public static ThresholdedReLU fromConfig(Map<String, Object> config) {
        ThresholdedReLU t = new ThresholdedReLU(Config.getDouble(config, "theta", 1.0));
        t.applyBaseConfig(config);
        return t;
    }
}
