package keras4j.metrics;

import java.util.Map;
import keras4j.losses.CrossentropyFunctions;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.BinaryCrossentropy(from_logits=False, label_smoothing=0)}: the mean over samples of
 * the binary crossentropy {@code mean(-(t log p + (1 - t) log(1 - p)), axis=-1)} (see
 * {@link keras4j.losses.BinaryCrossentropy}). Default name {@code binary_crossentropy}; direction down.
 */
public final class BinaryCrossentropy extends MeanMetricWrapper {
    private boolean fromLogits;
    private double labelSmoothing;

    public BinaryCrossentropy() {
        this("binary_crossentropy");
    }

    public BinaryCrossentropy(String name) {
        super(name);
        setDirection("down");
    }

    /** Keras's {@code from_logits=}. */
    public BinaryCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code label_smoothing=}. */
    public BinaryCrossentropy labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.binaryCrossentropy(yTrue, yPred, fromLogits, labelSmoothing, -1);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("label_smoothing", labelSmoothing);
        return c;
    }

    public static BinaryCrossentropy fromConfig(Map<String, Object> config) {
        return withName(new BinaryCrossentropy(), config).fromLogits(Config.getBool(config, "from_logits", false))
                .labelSmoothing(Config.getDouble(config, "label_smoothing", 0));
    }
}
