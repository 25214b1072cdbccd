package keras4j.metrics;

import java.util.Map;
import keras4j.losses.CrossentropyFunctions;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.SparseCategoricalCrossentropy(from_logits=False, ignore_class=None, axis=-1)}: the mean
 * over samples of {@code -log q[label]} for class-index labels (see {@link keras4j.losses.SparseCategoricalCrossentropy}).
 * As in Keras, samples of {@code ignore_class} contribute 0 and still count, unless sample weights are given, in
 * which case their weight is zeroed. Default name {@code sparse_categorical_crossentropy}; direction down.
 */
public final class SparseCategoricalCrossentropy extends MeanMetricWrapper {
    private boolean fromLogits;
    private Integer ignoreClass;
    private int axis = -1;

    public SparseCategoricalCrossentropy() {
        this("sparse_categorical_crossentropy");
    }

    public SparseCategoricalCrossentropy(String name) {
        super(name);
        setDirection("down");
    }

    /** Keras's {@code from_logits=}. */
    public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code ignore_class=} (null for none). */
    public SparseCategoricalCrossentropy ignoreClass(Integer ignoreClass) {
        this.ignoreClass = ignoreClass;
        return this;
    }

    /** Keras's {@code axis=}: the class axis of the predictions. */
    public SparseCategoricalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.sparseCategoricalCrossentropy(yTrue, yPred, fromLogits, ignoreClass, axis);
    }

    @Override
    protected Tensor valuesMask(Tensor yTrue, Tensor yPred) {
        if (ignoreClass == null) return null;
        Tensor labels = yTrue.rank() == yPred.rank() && yTrue.dim(axis) == 1 ? yTrue.squeeze(axis) : yTrue;
        return labels.ne(ignoreClass);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("from_logits", fromLogits);
        c.put("ignore_class", ignoreClass);
        c.put("axis", axis);
        return c;
    }

    public static SparseCategoricalCrossentropy fromConfig(Map<String, Object> config) {
        Object ignore = config.get("ignore_class");
        return withName(new SparseCategoricalCrossentropy(), config).fromLogits(Config.getBool(config, "from_logits", false))
                .ignoreClass(ignore == null ? null : ((Number) ignore).intValue()).axis(Config.getInt(config, "axis", -1));
    }
}
