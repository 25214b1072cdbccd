package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.MeanAbsolutePercentageError}: {@code 100 * mean(|(y_true - y_pred) / max(|y_true|, 1e-7)|, axis=-1)}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code mean_absolute_percentage_error}.
 */
public final class MeanAbsolutePercentageError extends AbstractLoss<MeanAbsolutePercentageError> {

    public MeanAbsolutePercentageError() {
        super("mean_absolute_percentage_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.meanAbsolutePercentageError(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static MeanAbsolutePercentageError fromConfig(Map<String, Object> config) {
        return withBaseConfig(new MeanAbsolutePercentageError(), config);
    }
}
