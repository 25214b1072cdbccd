package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.Poisson}: {@code mean(y_pred - y_true * log(y_pred + 1e-7), axis=-1)}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code poisson}.
 */
public final class Poisson extends AbstractLoss<Poisson> {

    public Poisson() {
        super("poisson");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.poisson(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static Poisson fromConfig(Map<String, Object> config) {
        return withBaseConfig(new Poisson(), config);
    }
}
