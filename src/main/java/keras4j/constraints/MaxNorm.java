package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.constraints.MaxNorm(max_value=2, axis=0)} (name {@code "max_norm"}): rescales each slice
 * so its L2 norm over {@code axis} is at most {@code max_value}:
 * {@code w · clip(‖w‖, 0, max_value) / (1e-7 + ‖w‖)}. For a Dense kernel {@code (in, out)}, axis 0
 * constrains each unit's incoming weights; for a Conv2D kernel use axis {@code [0, 1, 2]}.
 * Config {@code {"max_value", "axis"}}.
 */
public final class MaxNorm extends Constraint {
    private final double maxValue;
    private final int[] axis;

    public MaxNorm() {
        this(2.0, 0);
    }

    public MaxNorm(double maxValue) {
        this(maxValue, 0);
    }

    public MaxNorm(double maxValue, int axis) {
        this(maxValue, new int[] {axis});
    }

    public MaxNorm(double maxValue, int[] axis) {
        this.maxValue = maxValue;
        this.axis = checkAxes(axis);
    }

    public double maxValue() {
        return maxValue;
    }

    public int[] axis() {
        return axis.clone();
    }

    @Override
    public Tensor call(Tensor w) {
        Tensor norms = norms(w, axis);
        Tensor desired = norms.clip(0f, (float) maxValue);
        return w.mul(desired.div(norms.add(EPSILON)));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("max_value", maxValue, "axis", axisConfig(axis));
    }

    public static MaxNorm fromConfig(Map<String, Object> config) {
        return new MaxNorm(Config.getDouble(config, "max_value", 2.0), readAxes(config));
    }
}
