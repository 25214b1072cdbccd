package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.MeanAbsoluteError}: {@code mean(|y_true - y_pred|, axis=-1)}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code mean_absolute_error}.
 */
public final class MeanAbsoluteError extends AbstractLoss<MeanAbsoluteError> {

    public MeanAbsoluteError() {
        super("mean_absolute_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.meanAbsoluteError(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static MeanAbsoluteError fromConfig(Map<String, Object> config) {
        return withBaseConfig(new MeanAbsoluteError(), config);
    }
}
