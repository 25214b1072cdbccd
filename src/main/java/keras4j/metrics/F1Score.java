package keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.F1Score(average=None, threshold=None)}: {@link FBetaScore} with {@code beta = 1},
 * the harmonic mean {@code 2 P R / (P + R)} of precision and recall. Default name {@code f1_score}; direction up.
 */
public final class F1Score extends FBetaScore {

    public F1Score() {
        this("f1_score");
    }

    public F1Score(String name) {
        super(1.0, name);
    }

    @Override
    public F1Score average(String average) {
        super.average(average);
        return this;
    }

    @Override
    public F1Score threshold(Double threshold) {
        super.threshold(threshold);
        return this;
    }

    /** As FBetaScore's config without {@code beta}. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.remove("beta");
        return c;
    }

    public static F1Score fromConfig(Map<String, Object> config) {
        Object t = config.get("threshold");
        F1Score m = new F1Score(keras4j.utils.Config.getString(config, "name", "f1_score"));
        return m.average((String) config.get("average")).threshold(t == null ? null : ((Number) t).doubleValue());
    }
}
