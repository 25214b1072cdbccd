package keras4j.layers.activations;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.layers.AbstractLayer;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** Keras 2's {@code ThresholdedReLU(theta=1.0)}: x where x > theta, else 0. */
public final class ThresholdedReLU extends AbstractLayer<ThresholdedReLU> {
    private final float theta;

    public ThresholdedReLU(float theta) {
        if (theta < 0) throw new IllegalArgumentException("theta of a Thresholded ReLU layer cannot be a negative value. Received: " + theta);
        this.theta = theta;
        this.supportsMasking = true;
    }

    public ThresholdedReLU() {
        this(1f);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.threshold(inputs, theta, 0f);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("theta", (double) theta);
        return c;
    }

    public static ThresholdedReLU fromConfig(Map<String, Object> c) {
        ThresholdedReLU t = new ThresholdedReLU(Config.getFloat(c, "theta", 1f));
        t.applyBaseConfig(c);
        return t;
    }
}
