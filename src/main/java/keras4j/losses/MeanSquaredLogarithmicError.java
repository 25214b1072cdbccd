package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.MeanSquaredLogarithmicError}: {@code mean((log(max(y_pred, 1e-7) + 1) - log(max(y_true, 1e-7) + 1))^2, axis=-1)}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code mean_squared_logarithmic_error}.
 */
public final class MeanSquaredLogarithmicError extends AbstractLoss<MeanSquaredLogarithmicError> {

    public MeanSquaredLogarithmicError() {
        super("mean_squared_logarithmic_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.meanSquaredLogarithmicError(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static MeanSquaredLogarithmicError fromConfig(Map<String, Object> config) {
        return withBaseConfig(new MeanSquaredLogarithmicError(), config);
    }
}
