package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.constraints.MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)} (name
 * {@code "min_max_norm"}): rescales each slice's L2 norm over {@code axis} towards
 * {@code [min_value, max_value]}: {@code w · (rate·clip(‖w‖, min, max) + (1 − rate)·‖w‖) / (1e-7 + ‖w‖)}.
 * Config {@code {"min_value", "max_value", "rate", "axis"}}.
 */
public final class MinMaxNorm extends Constraint {
    private final double minValue;
    private final double maxValue;
    private final double rate;
    private final int[] axis;

    public MinMaxNorm() {
        this(0.0, 1.0, 1.0, 0);
    }

    public MinMaxNorm(double minValue, double maxValue) {
        this(minValue, maxValue, 1.0, 0);
    }

    public MinMaxNorm(double minValue, double maxValue, double rate, int axis) {
        this(minValue, maxValue, rate, new int[] {axis});
    }

    public MinMaxNorm(double minValue, double maxValue, double rate, int[] axis) {
        if (minValue > maxValue) {
            throw new IllegalArgumentException("MinMaxNorm: `min_value` must not exceed `max_value`. Received: min_value="
                    + minValue + ", max_value=" + maxValue);
        }
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.rate = rate;
        this.axis = checkAxes(axis);
    }

    public double minValue() {
        return minValue;
    }

    public double maxValue() {
        return maxValue;
    }

    public double rate() {
        return rate;
    }

    public int[] axis() {
        return axis.clone();
    }

    @Override
    public Tensor call(Tensor w) {
        Tensor norms = norms(w, axis);
        Tensor desired = norms.clip((float) minValue, (float) maxValue).mul((float) rate).add(norms.mul((float) (1 - rate)));
        return w.mul(desired.div(norms.add(EPSILON)));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("min_value", minValue, "max_value", maxValue, "rate", rate, "axis", axisConfig(axis));
    }

    public static MinMaxNorm fromConfig(Map<String, Object> config) {
        return new MinMaxNorm(Config.getDouble(config, "min_value", 0.0), Config.getDouble(config, "max_value", 1.0),
                Config.getDouble(config, "rate", 1.0), readAxes(config));
    }
}
