package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.SquaredHinge}: {@code mean(max(1 - y_true * y_pred, 0)^2, axis=-1)} (labels 0/1 are mapped to -1/1), {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code squared_hinge}.
 */
public final class SquaredHinge extends AbstractLoss<SquaredHinge> {

    public SquaredHinge() {
        super("squared_hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.squaredHinge(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static SquaredHinge fromConfig(Map<String, Object> config) {
        return withBaseConfig(new SquaredHinge(), config);
    }
}
