package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** Caps the norm along {@code axis}: {@code w · clip(n, 0, m) / (ε + n)} ({@code keras.constraints.MaxNorm(max_value=2, axis=0)}). */
public final class MaxNorm extends Constraint {
    private final double maxValue;
    private final int axis;

    public MaxNorm(double maxValue, int axis) {
        this.maxValue = maxValue;
        this.axis = axis;
    }

    public MaxNorm() {
        this(2, 0);
    }

    @Override
    public Tensor call(Tensor w) {
        Tensor n = norms(w, axis);
        return w.mul(n.clip(0f, (float) maxValue).div(n.add(1e-7f)));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("max_value", maxValue, "axis", axis);
    }
}
