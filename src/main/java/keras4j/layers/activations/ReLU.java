package keras4j.layers.activations;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.layers.AbstractLayer;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}: x for threshold ≤ x < max_value,
 * max_value above, negative_slope·(x − threshold) below. Same shape out; passes masks on.
 */
public final class ReLU extends AbstractLayer<ReLU> {
    private Float maxValue;
    private float negativeSlope;
    private float threshold;

    public ReLU() {
        this.supportsMasking = true;
    }

    public ReLU maxValue(Float maxValue) {
        if (maxValue != null && maxValue < 0) throw new IllegalArgumentException("max_value of a ReLU layer cannot be a negative value. Received: " + maxValue);
        this.maxValue = maxValue;
        return this;
    }

    public ReLU negativeSlope(float negativeSlope) {
        if (negativeSlope < 0) throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be a negative value. Received: " + negativeSlope);
        this.negativeSlope = negativeSlope;
        return this;
    }

    public ReLU threshold(float threshold) {
        this.threshold = threshold;
        return this;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.relu(inputs, negativeSlope, maxValue, threshold);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("max_value", maxValue == null ? null : (double) maxValue);
        c.put("negative_slope", (double) negativeSlope);
        c.put("threshold", (double) threshold);
        return c;
    }

    public static ReLU fromConfig(Map<String, Object> c) {
        ReLU r = new ReLU();
        r.applyBaseConfig(c);
        if (c.get("max_value") != null) r.maxValue(((Number) c.get("max_value")).floatValue());
        r.negativeSlope(Config.getFloat(c, "negative_slope", 0f));
        r.threshold(Config.getFloat(c, "threshold", 0f));
        return r;
    }
}
