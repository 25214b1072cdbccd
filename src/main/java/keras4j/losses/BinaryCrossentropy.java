package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)}:
 * {@code mean(-(t log p + (1 - t) log(1 - p)), axis)} per sample, {@code (batch, d) -> (batch,)}, with p clipped
 * to {@code [1e-7, 1 - 1e-7]} (or {@code p = sigmoid(y_pred)} computed stably with {@code fromLogits}) and labels
 * smoothed to {@code t (1 - s) + 0.5 s}. Default name {@code binary_crossentropy}.
 */
public final class BinaryCrossentropy extends AbstractLoss<BinaryCrossentropy> {
    private boolean fromLogits;
    private double labelSmoothing;
    private int axis = -1;

    public BinaryCrossentropy() {
        super("binary_crossentropy");
    }

    /** Keras's {@code from_logits=}: whether {@code y_pred} holds logits rather than probabilities. */
    public BinaryCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code label_smoothing=} in [0, 1]: labels are squeezed towards 0.5. */
    public BinaryCrossentropy labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /** Keras's {@code axis=}: the axis averaged over. */
    public BinaryCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.binaryCrossentropy(yTrue, yPred, fromLogits, labelSmoothing, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        c.put("axis", axis);
        return c;
    }

    public static BinaryCrossentropy fromConfig(Map<String, Object> config) {
        return withBaseConfig(new BinaryCrossentropy(), config).fromLogits(Config.getBool(config, "from_logits", false))
                .labelSmoothing(Config.getDouble(config, "label_smoothing", 0.0)).axis(Config.getInt(config, "axis", -1));
    }
}
