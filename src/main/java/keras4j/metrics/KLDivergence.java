package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.KLDivergence}: the mean of {@code sum(t log(t / p), axis=-1)} (t, p clipped to {@code [1e-7, 1]}) over samples.
 * Default name {@code kl_divergence}; direction {@code "down"}.
 */
public final class KLDivergence extends MeanMetricWrapper {

    public KLDivergence() {
        this("kl_divergence");
    }

    public KLDivergence(String name) {
        super(keras4j.losses.LossFunctions::klDivergence, name);
        setDirection("down");
    }

    public static KLDivergence fromConfig(Map<String, Object> config) {
        return withName(new KLDivergence(), config);
    }
}
