package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.CategoricalHinge}: {@code max(max((1 - y_true) * y_pred) - sum(y_true * y_pred) + 1, 0)} over the last axis, {@code (batch, classes) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code categorical_hinge}.
 */
public final class CategoricalHinge extends AbstractLoss<CategoricalHinge> {

    public CategoricalHinge() {
        super("categorical_hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.categoricalHinge(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static CategoricalHinge fromConfig(Map<String, Object> config) {
        return withBaseConfig(new CategoricalHinge(), config);
    }
}
