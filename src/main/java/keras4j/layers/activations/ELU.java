package keras4j.layers.activations;

import java.util.Map;
import keras4j.activations.Activations;
import keras4j.layers.AbstractLayer;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** Keras's {@code ELU(alpha=1.0)}: x for x > 0, alpha·(exp(x) − 1) otherwise. */
public final class ELU extends AbstractLayer<ELU> {
    private final float alpha;

    public ELU(float alpha) {
        this.alpha = alpha;
        this.supportsMasking = true;
    }

    public ELU() {
        this(1f);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Activations.elu(inputs, alpha);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha", (double) alpha);
        return c;
    }

    public static ELU fromConfig(Map<String, Object> c) {
        ELU e = new ELU(Config.getFloat(c, "alpha", 1f));
        e.applyBaseConfig(c);
        return e;
    }
}
