package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** Unit norm along {@code axis}: {@code w / (ε + n)} ({@code keras.constraints.UnitNorm(axis=0)}). */
public final class UnitNorm extends Constraint {
    private final int axis;

    public UnitNorm(int axis) {
        this.axis = axis;
    }

    public UnitNorm() {
        this(0);
    }

    @Override
    public Tensor call(Tensor w) {
        return w.div(norms(w, axis).add(1e-7f));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("axis", axis);
    }
}
