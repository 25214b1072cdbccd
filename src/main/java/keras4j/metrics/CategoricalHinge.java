package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.CategoricalHinge}: the mean of {@code max(max((1 - y_true) y_pred) - sum(y_true y_pred) + 1, 0)} over samples.
 * Default name {@code categorical_hinge}; direction {@code "down"}.
 */
public final class CategoricalHinge extends MeanMetricWrapper {

    public CategoricalHinge() {
        this("categorical_hinge");
    }

    public CategoricalHinge(String name) {
        super(keras4j.losses.LossFunctions::categoricalHinge, name);
        setDirection("down");
    }

    public static CategoricalHinge fromConfig(Map<String, Object> config) {
        return withName(new CategoricalHinge(), config);
    }
}
