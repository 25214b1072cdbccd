package keras4j.metrics;

import java.util.Map;
import keras4j.losses.CrossentropyFunctions;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.CategoricalCrossentropy(from_logits=False, label_smoothing=0, axis=-1)}: the mean over
 * samples of {@code -sum(t log q, axis)} for one-hot labels (see {@link keras4j.losses.CategoricalCrossentropy}).
 * Default name {@code categorical_crossentropy}; direction down.
 */
public final class CategoricalCrossentropy extends MeanMetricWrapper {
    private boolean fromLogits;
    private double labelSmoothing;
    private int axis = -1;

    public CategoricalCrossentropy() {
        this("categorical_crossentropy");
    }

    public CategoricalCrossentropy(String name) {
        super(name);
        setDirection("down");
    }

    /** Keras's {@code from_logits=}. */
    public CategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code label_smoothing=}. */
    public CategoricalCrossentropy labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        return this;
    }

    /** Keras's {@code axis=}: the class axis. */
    public CategoricalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
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
        return withName(new CategoricalCrossentropy(), config).fromLogits(Config.getBool(config, "from_logits", false))
                .labelSmoothing(Config.getDouble(config, "label_smoothing", 0)).axis(Config.getInt(config, "axis", -1));
    }
}
