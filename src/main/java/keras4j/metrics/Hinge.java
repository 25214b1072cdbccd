package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.Hinge}: the mean of {@code mean(max(1 - y_true y_pred, 0), axis=-1)} (0/1 labels mapped to -1/1) over samples.
 * Default name {@code hinge}; direction {@code "down"}.
 */
public final class Hinge extends MeanMetricWrapper {

    public Hinge() {
        this("hinge");
    }

    public Hinge(String name) {
        super(keras4j.losses.LossFunctions::hinge, name);
        setDirection("down");
    }

    public static Hinge fromConfig(Map<String, Object> config) {
        return withName(new Hinge(), config);
    }
}
