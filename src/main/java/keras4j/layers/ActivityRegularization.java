package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Passes its input through and adds an activity penalty to the losses, Keras's
 * {@code keras.layers.ActivityRegularization(l1=0.0, l2=0.0)}.
 *
 * <p>Shapes: output = input. Each call records {@code (l1·Σ|y| + l2·Σy²) / batch_size} in {@link #losses()}
 * (Keras's {@code L1L2} activity regularizer, divided by the batch size as Keras's {@code Layer.__call__} does).
 * The config holds {@code l1} and {@code l2} only, as in Keras.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class ActivityRegularization extends AbstractLayer<ActivityRegularization> {
    private final double l1;
    private final double l2;

    /** {@code ActivityRegularization()}: both factors 0 (no penalty). */
    public ActivityRegularization() {
        this(0.0, 0.0);
    }

    /** {@code ActivityRegularization(l1, l2)}: non-negative factors of the L1 and L2 penalties. */
    public ActivityRegularization(double l1, double l2) {
        if (!(l1 >= 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("ActivityRegularization: `l1` and `l2` must be non-negative numbers. Received: l1=" + l1 + ", l2=" + l2);
        }
        this.l1 = l1;
        this.l2 = l2;
        this.supportsMasking = true;
        setActivityRegularizer(this::penalty, Config.of("module", "keras.regularizers", "class_name", "L1L2",
                "config", Config.of("l1", l1, "l2", l2), "registered_name", null));
    }

    private Tensor penalty(Tensor y) {
        Tensor total = Tensor.scalar(0f);
        if (l1 != 0) total = Ops.add(total, Ops.multiply(Ops.sum(Ops.abs(y)), (float) l1));
        if (l2 != 0) total = Ops.add(total, Ops.multiply(Ops.sum(Ops.square(y)), (float) l2));
        return total;
    }

    public double l1() {
        return l1;
    }

    public double l2() {
        return l2;
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

    /** Rebuilds from Keras's config ({@code l1}, {@code l2}; the same keys in Keras 2). */
    public static ActivityRegularization fromConfig(Map<String, Object> config) {
        ActivityRegularization a = new ActivityRegularization(Config.getDouble(config, "l1", 0.0), Config.getDouble(config, "l2", 0.0));
        a.applyBaseConfig(config);
        return a;
    }
}
