package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)}:
 * {@code -sum(t log q, axis)} per sample for one-hot labels, {@code (batch, classes) -> (batch,)}, with
 * {@code q = clip(y_pred / sum(y_pred), 1e-7, 1 - 1e-7)} (or {@code log q = log_softmax(y_pred)} with
 * {@code fromLogits}) and labels smoothed to {@code t (1 - s) + s / classes}. Default name {@code categorical_crossentropy}.
 */
public final class CategoricalCrossentropy extends AbstractLoss<CategoricalCrossentropy> {
    private boolean fromLogits;
    private double labelSmoothing;
    private int axis = -1;

    public CategoricalCrossentropy() {
        super("categorical_crossentropy");
    }

    /** Keras's {@code from_logits=}: whether {@code y_pred} holds logits rather than probabilities. */
    public CategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code label_smoothing=} in [0, 1]: labels are mixed with the uniform distribution. */
    public CategoricalCrossentropy labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /** Keras's {@code axis=}: the class axis. */
    public CategoricalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.categoricalCrossentropy(yTrue, yPred, fromLogits, labelSmoothing, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        c.put("axis", axis);
        return c;
    }

    public static CategoricalCrossentropy fromConfig(Map<String, Object> config) {
        return withBaseConfig(new CategoricalCrossentropy(), config).fromLogits(Config.getBool(config, "from_logits", false))
                .labelSmoothing(Config.getDouble(config, "label_smoothing", 0.0)).axis(Config.getInt(config, "axis", -1));
    }
}
