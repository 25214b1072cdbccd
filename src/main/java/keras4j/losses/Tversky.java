package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.Tversky(alpha=0.5, beta=0.5, axis=None)}:
 * {@code 1 - TP / (TP + alpha FP + beta FN + 1e-7)} with {@code TP = sum(y_pred y_true)},
 * {@code FP = sum((1 - y_true) y_pred)}, {@code FN = sum(y_true (1 - y_pred))} over {@code axis} (all axes by
 * default, one value per batch). alpha = beta = 0.5 is the Dice loss. Default name {@code tversky}.
 */
public final class Tversky extends AbstractLoss<Tversky> {
    private double alpha = 0.5;
    private double beta = 0.5;
    private int[] axis;

    public Tversky() {
        super("tversky");
    }

    /** Keras's {@code alpha=}: the weight of false positives. */
    public Tversky alpha(double alpha) {
        this.alpha = alpha;
        return this;
    }

    /** Keras's {@code beta=}: the weight of false negatives. */
    public Tversky beta(double beta) {
        this.beta = beta;
        return this;
    }

    /** Keras's {@code axis=}: the axes summed over (none given means all). */
    public Tversky axis(int... axis) {
        this.axis = axis == null || axis.length == 0 ? null : axis.clone();
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.tversky(yTrue, yPred, alpha, beta, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha", alpha);
        c.put("beta", beta);
        c.put("axis", axisToConfig(axis));
        return c;
    }

    public static Tversky fromConfig(Map<String, Object> config) {
        return withBaseConfig(new Tversky(), config).alpha(Config.getDouble(config, "alpha", 0.5))
                .beta(Config.getDouble(config, "beta", 0.5)).axis(axisFromConfig(config.get("axis")));
    }
}
