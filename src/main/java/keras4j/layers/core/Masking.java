package keras4j.layers.core;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code Masking(mask_value=0.0)}: a timestep is masked when all its features equal {@code maskValue};
 * masked timesteps are zeroed and the mask {@code (batch, timesteps)} is passed to mask-aware layers
 * (RNNs, merge layers, GlobalAveragePooling1D, Dense/Activation/Dropout pass it on).
 */
public final class Masking extends AbstractLayer<Masking> {
    private final float maskValue;

    public Masking(float maskValue) {
        this.maskValue = maskValue;
        this.supportsMasking = true;
    }

    public Masking() {
        this(0f);
    }

    /** {@code any(x != maskValue, axis=-1)} as 1/0. */
    private Tensor keep(Tensor x) {
        return x.ne(maskValue).max(false, -1);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.multiply(inputs, keep(inputs).expandDims(-1));
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return keep(inputs);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mask_value", (double) maskValue);
        return c;
    }

    public static Masking fromConfig(Map<String, Object> c) {
        Masking m = new Masking(keras4j.utils.Config.getFloat(c, "mask_value", 0f));
        m.applyBaseConfig(c);
        return m;
    }
}
