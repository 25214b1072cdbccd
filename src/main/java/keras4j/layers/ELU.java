package keras4j.layers;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The exponential linear unit as a layer, Keras's {@code keras.layers.ELU(alpha=1.0)}.
 *
 * <p>{@code f(x) = x} for {@code x >= 0}, {@code alpha·(exp(x) − 1)} otherwise. Shapes: output = input.
 * The config carries {@code alpha} (as Keras 2 wrote it); Keras 3's {@code ELU.get_config} omits it, which loses a
 * non-default alpha, so keras4j keeps the key.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class ELU extends AbstractLayer<ELU> {
    private double alpha;

    /** {@code ELU()} with {@code alpha=1.0}. */
    public ELU() {
        this(1.0);
    }

    /** {@code ELU(alpha)}: the scale of the negative part. */
    public ELU(double alpha) {
        alpha(alpha);
        this.supportsMasking = true;
    }

    /** Keras's {@code alpha}. */
    public ELU alpha(double alpha) {
        if (Double.isNaN(alpha) || Double.isInfinite(alpha)) throw new IllegalArgumentException("ELU: `alpha` must be a finite number. Received: alpha=" + alpha);
        this.alpha = alpha;
        return this;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.elu(inputs, (float) alpha);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha", alpha);
        return c;
    }

    /** Rebuilds from a Keras 2 config ({@code alpha}) or a Keras 3 one (no {@code alpha}: the default 1.0). */
    public static ELU fromConfig(Map<String, Object> config) {
        ELU e = new ELU(Config.getDouble(config, "alpha", 1.0));
        e.applyBaseConfig(config);
        return e;
    }
}
