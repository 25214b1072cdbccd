package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.SparseCategoricalCrossentropy(from_logits=False, ignore_class=None, axis=-1)}:
 * {@code -log q[label]} per sample, where labels are float class indices of shape {@code (batch,)} or
 * {@code (batch, 1)} and {@code y_pred} is {@code (batch, classes)}; q as in {@link CategoricalCrossentropy}.
 * Samples labelled {@code ignoreClass} get loss 0 and are masked out of the reduction, so the default
 * {@code sum_over_batch_size} averages over the remaining ones. Default name {@code sparse_categorical_crossentropy}.
 */
public final class SparseCategoricalCrossentropy extends AbstractLoss<SparseCategoricalCrossentropy> {
    private boolean fromLogits;
    private Integer ignoreClass;
    private int axis = -1;

    public SparseCategoricalCrossentropy() {
        super("sparse_categorical_crossentropy");
    }

    /** Keras's {@code from_logits=}: whether {@code y_pred} holds logits rather than probabilities. */
    public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** Keras's {@code ignore_class=}: a label value (e.g. padding or void) that contributes no loss; null for none. */
    public SparseCategoricalCrossentropy ignoreClass(Integer ignoreClass) {
        this.ignoreClass = ignoreClass;
        return this;
    }

    /** Keras's {@code axis=}: the class axis of {@code y_pred}. */
    public SparseCategoricalCrossentropy axis(int axis) {
        this.axis = axis;
        return this;
    }

    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.sparseCategoricalCrossentropy(yTrue, yPred, fromLogits, ignoreClass, axis);
    }

    @Override
    protected Tensor outputMask(Tensor yTrue, Tensor yPred) {
        return ignoreClass == null ? null : CrossentropyFunctions.sparseValidMask(yTrue, yPred, ignoreClass, axis);
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
        return withBaseConfig(new SparseCategoricalCrossentropy(), config).fromLogits(Config.getBool(config, "from_logits", false))
                .ignoreClass(ignore == null ? null : ((Number) ignore).intValue()).axis(Config.getInt(config, "axis", -1));
    }
}
