package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.BinaryFocalCrossentropy(apply_class_balancing=False, alpha=0.25, gamma=2.0,
 * from_logits=False, label_smoothing=0.0, axis=-1)}: {@code mean(w (1 - p_t)^gamma bce, axis)} per sample,
 * {@code (batch, d) -> (batch,)}, where {@code p_t = t p + (1 - t)(1 - p)}, bce is the binary crossentropy and
 * {@code w = t alpha + (1 - t)(1 - alpha)} with class balancing (else 1). Down-weights easy examples.
 * Default name {@code binary_focal_crossentropy}.
 */
public final class BinaryFocalCrossentropy extends AbstractLoss<BinaryFocalCrossentropy> {
    private boolean applyClassBalancing;
    private double alpha = 0.25;
    private double gamma = 2.0;
    private boolean fromLogits;
    private double labelSmoothing;
    private int axis = -1;

    public BinaryFocalCrossentropy() {
        super("binary_focal_crossentropy");
    }

    /** Keras's {@code apply_class_balancing=}: weight positives by alpha and negatives by 1 - alpha. */
    public BinaryFocalCrossentropy applyClassBalancing(boolean applyClassBalancing) {
        this.applyClassBalancing = applyClassBalancing;
        return this;
    }

    /** Keras's {@code alpha=}: the positive-class weight used with class balancing. */
    public BinaryFocalCrossentropy alpha(double alpha) {
        this.alpha = alpha;
        return this;
    }

    /** Keras's {@code gamma=}: the focusing exponent (0 gives plain binary crossentropy). */
    public BinaryFocalCrossentropy gamma(double gamma) {
        this.gamma = gamma;
        return this;
    }

    /** Keras's {@code from_logits=}. */
    public BinaryFocalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code label_smoothing=}. */
    public BinaryFocalCrossentropy labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /** Keras's {@code axis=}. */
    public BinaryFocalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.binaryFocalCrossentropy(yTrue, yPred, applyClassBalancing, alpha, gamma, fromLogits, labelSmoothing, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        c.put("axis", axis);
        c.put("apply_class_balancing", applyClassBalancing);
        c.put("alpha", alpha);
        c.put("gamma", gamma);
        return c;
    }

    public static BinaryFocalCrossentropy fromConfig(Map<String, Object> config) {
        return withBaseConfig(new BinaryFocalCrossentropy(), config)
                .applyClassBalancing(Config.getBool(config, "apply_class_balancing", false))
                .alpha(Config.getDouble(config, "alpha", 0.25)).gamma(Config.getDouble(config, "gamma", 2.0))
                .fromLogits(Config.getBool(config, "from_logits", false))
                .labelSmoothing(Config.getDouble(config, "label_smoothing", 0.0)).axis(Config.getInt(config, "axis", -1));
    }
}
