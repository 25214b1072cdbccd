package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keeps norms along {@code axis} in [min, max]: {@code desired = rate·clip(n, min, max) + (1−rate)·n},
 * {@code w · desired / (ε + n)} ({@code keras.constraints.MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)}).
 */
public final class MinMaxNorm extends Constraint {
    private final double minValue;
    private final double maxValue;
    private final double rate;
    private final int axis;

    public MinMaxNorm(double minValue, double maxValue, double rate, int axis) {
        this.minValue = minValue;
        this.maxValue = maxValue;
        this.rate = rate;
        this.axis = axis;
    }

    public MinMaxNorm() {
        this(0, 1, 1, 0);
    }

    @Override
    public Tensor call(Tensor w) {
        Tensor n = norms(w, axis);
        Tensor desired = n.clip((float) minValue, (float) maxValue).mul((float) rate).add(n.mul((float) (1 - rate)));
        return w.mul(desired.div(n.add(1e-7f)));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("min_value", minValue, "max_value", maxValue, "rate", rate, "axis", axis);
    }
}
