package keras4j.layers;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The rectified linear unit as a layer, Keras's {@code keras.layers.ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}.
 *
 * <p>{@code f(x) = max_value} for {@code x >= max_value}, {@code x} for {@code threshold <= x < max_value},
 * {@code negative_slope·(x − threshold)} otherwise. Shapes: output = input.
 * <pre>{@code
 * new ReLU().maxValue(6)                 // relu6
 * new ReLU().negativeSlope(0.1)          // leaky
 * }</pre>
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class ReLU extends AbstractLayer<ReLU> {
    private Double maxValue;
    private double negativeSlope;
    private double threshold;

    /** {@code ReLU()}: plain {@code max(x, 0)}. */
    public ReLU() {
        this.supportsMasking = true;
    }

    /** {@code ReLU(max_value, negative_slope, threshold)}; {@code maxValue} null means no cap. */
    public ReLU(Double maxValue, double negativeSlope, double threshold) {
        this();
        maxValue(maxValue);
        negativeSlope(negativeSlope);
        threshold(threshold);
    }

    /** Keras's {@code max_value}: the largest output (non-negative), or null for none. */
    public ReLU maxValue(Double maxValue) {
        if (maxValue != null && !(maxValue >= 0)) {
            throw new IllegalArgumentException("max_value of a ReLU layer cannot be a negative value. Received: max_value=" + maxValue);
        }
        this.maxValue = maxValue;
        return this;
    }

    public ReLU maxValue(double maxValue) {
        return maxValue(Double.valueOf(maxValue));
    }

    /** Keras's {@code negative_slope} (non-negative): the slope below the threshold. */
    public ReLU negativeSlope(double negativeSlope) {
        if (!(negativeSlope >= 0)) {
            throw new IllegalArgumentException("negative_slope of a ReLU layer cannot be None or a negative value. Received: negative_slope=" + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
        return this;
    }

    /** Keras's {@code threshold} (non-negative): values below it are damped. */
    public ReLU threshold(double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("threshold of a ReLU layer cannot be None or a negative value. Received: threshold=" + threshold);
        }
        this.threshold = threshold;
        return this;
    }

    public Double maxValue() {
        return maxValue;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.relu(inputs, (float) negativeSlope, maxValue == null ? null : maxValue.floatValue(), (float) threshold);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("max_value", maxValue);
        c.put("negative_slope", negativeSlope);
        c.put("threshold", threshold);
        return c;
    }

    /** Rebuilds from Keras's config ({@code max_value}, {@code negative_slope}, {@code threshold}; the same keys in Keras 2). */
    public static ReLU fromConfig(Map<String, Object> config) {
        Object max = config.get("max_value");
        ReLU r = new ReLU(max == null ? null : ((Number) max).doubleValue(), Config.getDouble(config, "negative_slope", 0.0), Config.getDouble(config, "threshold", 0.0));
        r.applyBaseConfig(config);
        return r;
    }
}
