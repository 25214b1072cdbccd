package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.Poisson}: the mean of {@code mean(y_pred - y_true log(y_pred + 1e-7), axis=-1)} over samples.
 * Default name {@code poisson}; direction {@code "down"}.
 */
public final class Poisson extends MeanMetricWrapper {

    public Poisson() {
        this("poisson");
    }

    public Poisson(String name) {
        super(keras4j.losses.LossFunctions::poisson, name);
        setDirection("down");
    }

    public static Poisson fromConfig(Map<String, Object> config) {
        return withName(new Poisson(), config);
    }
}
