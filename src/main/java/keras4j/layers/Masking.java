package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Masks timesteps whose features all equal {@code maskValue}, Keras's {@code keras.layers.Masking(mask_value=0.0)}.
 *
 * <p>Shapes: output = input {@code (batch, timesteps, features)}; the mask it produces has shape
 * {@code (batch, timesteps)}: {@code mask[b, t] = any(x[b, t, :] != mask_value)} (1 kept, 0 masked). Masked
 * timesteps are zeroed in the output ({@code where(mask, x, 0)}), and mask-aware layers downstream (RNNs,
 * pooling, merging, ...) skip them.
 *
 * <p>Mask-aware: produces a new mask from its input (an incoming mask is replaced, as in Keras).
 */
public final class Masking extends AbstractLayer<Masking> {
    private final double maskValue;

    /** {@code Masking()} with {@code mask_value=0.0}. */
    public Masking() {
        this(0.0);
    }

    /** {@code Masking(mask_value)}. */
    public Masking(double maskValue) {
        this.maskValue = maskValue;
        this.supportsMasking = true;
    }

    public double maskValue() {
        return maskValue;
    }

    /** 1 where any feature differs from the mask value, keeping the last axis (size 1). */
    private Tensor keep(Tensor inputs) {
        if (inputs.rank() == 0) throw new IllegalArgumentException("Layer \"" + name() + "\" (Masking) needs an input of rank >= 1. Received: input_shape=()");
        return inputs.ne((float) maskValue).max(true, -1);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.where(keep(inputs), inputs, Tensor.scalar(0f));
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return keep(inputs).squeeze(-1);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mask_value", maskValue);
        return c;
    }

    /** Rebuilds from Keras's config ({@code mask_value}, the same key in Keras 2). */
    public static Masking fromConfig(Map<String, Object> config) {
        Object v = config.get("mask_value");
        if (v != null && !(v instanceof Number)) {
            throw new IllegalArgumentException("Masking: `mask_value` must be a number. Received: mask_value=" + v);
        }
        Masking m = new Masking(Config.getDouble(config, "mask_value", 0.0));
        m.applyBaseConfig(config);
        return m;
    }
}
