package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.CategoricalFocalCrossentropy(alpha=0.25, gamma=2.0, from_logits=False,
 * label_smoothing=0.0, axis=-1)}: {@code sum(alpha (1 - q)^gamma (-t log q), axis)} per sample,
 * {@code (batch, classes) -> (batch,)}, with q the normalized probabilities clipped to {@code [1e-7, 1 - 1e-7]}
 * ({@code softmax(y_pred)} first with {@code fromLogits}). Default name {@code categorical_focal_crossentropy}.
 */
public final class CategoricalFocalCrossentropy extends AbstractLoss<CategoricalFocalCrossentropy> {
    private double alpha = 0.25;
    private double gamma = 2.0;
    private boolean fromLogits;
    private double labelSmoothing;
    private int axis = -1;

    public CategoricalFocalCrossentropy() {
        super("categorical_focal_crossentropy");
    }

    /** Keras's {@code alpha=}: a constant weight of every term. */
    public CategoricalFocalCrossentropy alpha(double alpha) {
        this.alpha = alpha;
        return this;
    }

    /** Keras's {@code gamma=}: the focusing exponent. */
    public CategoricalFocalCrossentropy gamma(double gamma) {
        this.gamma = gamma;
        return this;
    }

    /** Keras's {@code from_logits=}. */
    public CategoricalFocalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code label_smoothing=}. */
    public CategoricalFocalCrossentropy labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /** Keras's {@code axis=}: the class axis. */
    public CategoricalFocalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.categoricalFocalCrossentropy(yTrue, yPred, alpha, gamma, fromLogits, labelSmoothing, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        c.put("axis", axis);
        c.put("alpha", alpha);
        c.put("gamma", gamma);
        return c;
    }

    public static CategoricalFocalCrossentropy fromConfig(Map<String, Object> config) {
        return withBaseConfig(new CategoricalFocalCrossentropy(), config)
                .alpha(Config.getDouble(config, "alpha", 0.25)).gamma(Config.getDouble(config, "gamma", 2.0))
                .fromLogits(Config.getBool(config, "from_logits", false))
                .labelSmoothing(Config.getDouble(config, "label_smoothing", 0.0)).axis(Config.getInt(config, "axis", -1));
    }
}
