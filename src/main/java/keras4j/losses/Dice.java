package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.Dice(axis=None)}: {@code 1 - 2 sum(y_true y_pred) / (sum(y_true) + sum(y_pred) + 1e-7)},
 * the sums over {@code axis}. With the default (all axes) the value is one number for the whole batch;
 * {@code axis(1, 2)} gives one value per image of a {@code (batch, h, w)} mask. Default name {@code dice}.
 */
public final class Dice extends AbstractLoss<Dice> {
    private int[] axis;

    public Dice() {
        super("dice");
    }

    /** Keras's {@code axis=}: the axes summed over (none given means all, Keras's {@code None}). */
    public Dice axis(int... axis) {
        this.axis = axis == null || axis.length == 0 ? null : axis.clone();
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.dice(yTrue, yPred, axis);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axisToConfig(axis));
        return c;
    }

    public static Dice fromConfig(Map<String, Object> config) {
        return withBaseConfig(new Dice(), config).axis(axisFromConfig(config.get("axis")));
    }
}
