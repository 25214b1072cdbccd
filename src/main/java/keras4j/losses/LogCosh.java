package keras4j.losses;

import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.losses.LogCosh}: {@code mean(log(cosh(y_pred - y_true)), axis=-1)}, {@code (batch, d) -> (batch,)}, per sample, then reduced (see {@link Loss}).
 * Default name {@code log_cosh}.
 */
public final class LogCosh extends AbstractLoss<LogCosh> {

    public LogCosh() {
        super("log_cosh");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return LossFunctions.logCosh(yTrue, yPred);
    }

    /** Builds the loss from its Keras config ({@code name}, {@code reduction}). */
    public static LogCosh fromConfig(Map<String, Object> config) {
        return withBaseConfig(new LogCosh(), config);
    }
}
