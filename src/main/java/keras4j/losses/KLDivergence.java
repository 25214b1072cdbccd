package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.KLDivergence}: {@code sum(t * log(t / p), axis=-1)} with t, p clipped to {@code [1e-7, 1]}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code kl_divergence}.
 */
public final class KLDivergence extends AbstractLoss<KLDivergence> {

    public KLDivergence() {
        super("kl_divergence");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.klDivergence(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static KLDivergence fromConfig(Map<String, Object> config) {
        return withBaseConfig(new KLDivergence(), config);
    }
}
