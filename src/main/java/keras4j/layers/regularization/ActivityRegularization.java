package keras4j.layers.regularization;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.regularizers.L1L2;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code ActivityRegularization(l1=0.0, l2=0.0)}: the identity that adds
 * {@code (l1·Σ|y| + l2·Σy²) / batch_size} to the model's losses. Passes masks on.
 */
public final class ActivityRegularization extends AbstractLayer<ActivityRegularization> {
    private final double l1;
    private final double l2;

    public ActivityRegularization(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
        this.supportsMasking = true;
        L1L2 r = new L1L2(l1, l2);
        activityRegularizer(r);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return inputs;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("l1", l1);
        c.put("l2", l2);
        return c;
    }

    public static ActivityRegularization fromConfig(Map<String, Object> c) {
        ActivityRegularization a = new ActivityRegularization(Config.getDouble(c, "l1", 0), Config.getDouble(c, "l2", 0));
        a.applyBaseConfig(c);
        return a;
    }
}
