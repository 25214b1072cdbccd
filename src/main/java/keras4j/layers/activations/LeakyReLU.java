package keras4j.layers.activations;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.layers.AbstractLayer;
import keras4j.tensor.Tensor;

/** Keras's {@code LeakyReLU(negative_slope=0.3)} (Keras 2: {@code alpha=0.3}): x ≥ 0 → x, else slope·x. */
public final class LeakyReLU extends AbstractLayer<LeakyReLU> {
    private final float negativeSlope;

    public LeakyReLU(float negativeSlope) {
        if (negativeSlope < 0) throw new IllegalArgumentException("The negative_slope value of a Leaky ReLU layer cannot be negative. Received: negative_slope=" + negativeSlope);
        this.negativeSlope = negativeSlope;
        this.supportsMasking = true;
    }

    public LeakyReLU() {
        this(0.3f);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.leakyRelu(inputs, negativeSlope);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("negative_slope", (double) negativeSlope);
        return c;
    }

    public static LeakyReLU fromConfig(Map<String, Object> c) {
        Object slope = c.containsKey("negative_slope") ? c.get("negative_slope") : c.get("alpha");
        LeakyReLU l = new LeakyReLU(slope == null ? 0.3f : ((Number) slope).floatValue());
        l.applyBaseConfig(c);
        return l;
    }
}
