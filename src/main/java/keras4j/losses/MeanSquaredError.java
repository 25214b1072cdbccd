package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.MeanSquaredError}: {@code mean((y_true - y_pred)^2, axis=-1)}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code mean_squared_error}.
 */
public final class MeanSquaredError extends AbstractLoss<MeanSquaredError> {

    public MeanSquaredError() {
        super("mean_squared_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.meanSquaredError(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static MeanSquaredError fromConfig(Map<String, Object> config) {
        return withBaseConfig(new MeanSquaredError(), config);
    }
}
