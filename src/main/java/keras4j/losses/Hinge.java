package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.Hinge}: {@code mean(max(1 - y_true * y_pred, 0), axis=-1)} (labels 0/1 are mapped to -1/1), {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code hinge}.
 */
public final class Hinge extends AbstractLoss<Hinge> {

    public Hinge() {
        super("hinge");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.hinge(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static Hinge fromConfig(Map<String, Object> config) {
        return withBaseConfig(new Hinge(), config);
    }
}
