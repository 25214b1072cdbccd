package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.CategoricalGeneralizedCrossEntropy(q=0.5)} (generalized crossentropy for noisy
 * labels): {@code (1 - p^q) / q} per sample with {@code p = y_pred[label]}; labels are class indices of
 * shape {@code (batch,)} (or {@code (batch, 1)}), predictions probabilities {@code (batch, classes)}.
 * q → 0 approaches crossentropy, q = 1 is MAE. Default name {@code categorical_generalized_cross_entropy}.
 */
public final class CategoricalGeneralizedCrossEntropy extends AbstractLoss<CategoricalGeneralizedCrossEntropy> {
    private double q = 0.5;

    public CategoricalGeneralizedCrossEntropy() {
        super("categorical_generalized_cross_entropy");
    }

    /** Keras's {@code q=}, in (0, 1). */
    public CategoricalGeneralizedCrossEntropy q(double q) {
        if (!(q > 0 && q < 1)) throw new IllegalArgumentException("q must be in the interval (0, 1). Received: q=" + q);
        this.q = q;
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return CrossentropyFunctions.categoricalGeneralizedCrossEntropy(yTrue, yPred, q);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("q", q);
        return c;
    }

    public static CategoricalGeneralizedCrossEntropy fromConfig(Map<String, Object> config) {
        return withBaseConfig(new CategoricalGeneralizedCrossEntropy(), config).q(Config.getDouble(config, "q", 0.5));
    }
}
