package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.SquaredHinge}: the mean of {@code mean(max(1 - y_true y_pred, 0)^2, axis=-1)} over samples.
 * Default name {@code squared_hinge}; direction {@code "down"}.
 */
public final class SquaredHinge extends MeanMetricWrapper {

    public SquaredHinge() {
        this("squared_hinge");
    }

    public SquaredHinge(String name) {
        super(keras4j.losses.LossFunctions::squaredHinge, name);
        setDirection("down");
    }

    public static SquaredHinge fromConfig(Map<String, Object> config) {
        return withName(new SquaredHinge(), config);
    }
}
