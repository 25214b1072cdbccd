package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.CosineSimilarity(axis=-1)}: the negative cosine similarity
 * {@code -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)} per sample, {@code (batch, d) -> (batch,)}
 * (-1 for identical directions, 0 for orthogonal ones), then reduced. Default name {@code cosine_similarity}.
 */
public final class CosineSimilarity extends AbstractLoss<CosineSimilarity> {
    private int axis = -1;

    public CosineSimilarity() {
        super("cosine_similarity");
    }

    /** Keras's {@code axis=}: the axis along which the similarity is computed. */
    public CosineSimilarity axis(int axis) {
        this.axis = axis;
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.cosineSimilarity(yTrue, yPred, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        return c;
    }

    public static CosineSimilarity fromConfig(Map<String, Object> config) {
        return withBaseConfig(new CosineSimilarity(), config).axis(Config.getInt(config, "axis", -1));
    }
}
