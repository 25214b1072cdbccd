package keras4j.metrics;

import java.util.Map;
import keras4j.losses.LossFunctions;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.metrics.CosineSimilarity(axis=-1)}: the mean over samples of
 * {@code sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)} (1 for identical directions). Default name
 * {@code cosine_similarity}; direction up. As in Keras, {@code axis} is not part of the config.
 */
public final class CosineSimilarity extends MeanMetricWrapper {
    private int axis = -1;

    public CosineSimilarity() {
        this("cosine_similarity");
    }

    public CosineSimilarity(String name) {
        super(name);
        setDirection("up");
    }

    /** Keras's {@code axis=}. */
    public CosineSimilarity axis(int axis) {
        this.axis = axis;
        return this;
    }

    @Override
    protected Tensor values(Tensor yTrue, Tensor yPred) {
        return LossFunctions.cosine(yTrue, yPred, axis);
    }

    public static CosineSimilarity fromConfig(Map<String, Object> config) {
        return withName(new CosineSimilarity(), config);
    }
}
