package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.activations.Activations;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Softmax as a layer, Keras's {@code keras.layers.Softmax(axis=-1)}.
 *
 * <p>{@code exp(x) / Σ exp(x)} along {@code axis} (one axis, or several normalised together). Shapes: output = input.
 * With a mask (broadcastable to the input: each mask axis, aligned from the right, is 1 or the input's size),
 * masked positions are set to {@code -1e9} before the softmax and to 0 after it, as in Keras 3, so they get no
 * probability (and an all-masked row gives zeros).
 *
 * <p>Mask-aware: uses the mask as above and passes it on unchanged.
 */
public final class Softmax extends AbstractLayer<Softmax> {
    private static final float LARGE_NEGATIVE = -1e9f;
    private final int[] axes;

    /** {@code Softmax()} over the last axis. */
    public Softmax() {
        this(-1);
    }

    /** {@code Softmax(axis)}: one axis, or several ({@code axis=(1, 2)} in Keras) normalised together. */
    public Softmax(int... axes) {
        if (axes.length == 0) throw new IllegalArgumentException("Softmax: `axis` must name at least one axis. Received: axis=()");
        this.axes = axes.clone();
        this.supportsMasking = true;
    }

    /** The softmax axes (counting the batch axis, negative from the end). */
    public int[] axis() {
        return axes.clone();
    }

    @Override
    protected Tensor call(Tensor inputs, Tensor mask, boolean training) {
        Tensor x = inputs;
        Tensor keep = null;
        if (mask != null) {
            checkMask(inputs, mask);
            keep = mask.gt(0.5f);
            x = Ops.where(keep, x, Tensor.scalar(LARGE_NEGATIVE));
        }
        Tensor out = axes.length == 1 ? Activations.softmax(x, axes[0]) : Ops.exp(Ops.subtract(x, Ops.logSumExp(x, true, axes)));
        if (keep != null) out = Ops.where(keep, out, Tensor.scalar(0f));
        return out;
    }

    private void checkMask(Tensor inputs, Tensor mask) {
        int[] m = mask.shape(), s = inputs.shape();
        boolean ok = m.length <= s.length;
        for (int i = 1; ok && i <= m.length; i++) {
            int md = m[m.length - i], sd = s[s.length - i];
            ok = md == 1 || md == sd;
        }
        if (!ok) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Softmax): The `mask` must be broadcastable to `inputs`: each mask dimension must be 1 or match the inputs', and it must not have more dimensions. Received: inputs.shape="
                    + formatShape(s) + ", mask.shape=" + formatShape(m));
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axes.length == 1 ? (Object) axes[0] : Config.ints(axes));
        return c;
    }

    /** Rebuilds from Keras's config ({@code axis}: an integer or a list; the same key in Keras 2). */
    public static Softmax fromConfig(Map<String, Object> config) {
        Object axis = config.get("axis");
        Softmax s;
        if (axis == null) s = new Softmax();
        else if (axis instanceof Number n) s = new Softmax(n.intValue());
        else if (axis instanceof List<?>) s = new Softmax(Config.toInts(axis));
        else throw new IllegalArgumentException("Softmax: `axis` must be an integer or a list of integers. Received: axis=" + axis);
        s.applyBaseConfig(config);
        return s;
    }
}
