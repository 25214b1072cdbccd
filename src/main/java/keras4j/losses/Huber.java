package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.losses.Huber(delta=1.0)}: with {@code e = |y_pred - y_true|},
 * {@code mean(e <= delta ? 0.5 e^2 : delta e - 0.5 delta^2, axis=-1)} per sample, {@code (batch, d) -> (batch,)},
 * then reduced. Default name {@code huber_loss}.
 */
public final class Huber extends AbstractLoss<Huber> {
    private double delta = 1.0;

    public Huber() {
        super("huber_loss");
    }

    /** Keras's {@code delta=}: where the loss changes from quadratic to linear. */
    public Huber delta(double delta) {
        this.delta = delta;
        return this;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.huber(yTrue, yPred, delta);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("delta", delta);
        return c;
    }

    public static Huber fromConfig(Map<String, Object> config) {
        return withBaseConfig(new Huber(), config).delta(Config.getDouble(config, "delta", 1.0));
    }
}
