package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.constraints.UnitNorm(axis=0)} (name {@code "unit_norm"}): divides each slice by its L2 norm
 * over {@code axis}: {@code w / (1e-7 + ‖w‖)}. Config {@code {"axis"}}.
 */
public final class UnitNorm extends Constraint {
    private final int[] axis;

    public UnitNorm() {
        this(0);
    }

    public UnitNorm(int axis) {
        this(new int[] {axis});
    }

    public UnitNorm(int[] axis) {
        this.axis = checkAxes(axis);
    }

    public int[] axis() {
        return axis.clone();
    }

    @Override
    public Tensor call(Tensor w) {
        return w.div(norms(w, axis).add(EPSILON));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("axis", axisConfig(axis));
    }

    public static UnitNorm fromConfig(Map<String, Object> config) {
        return new UnitNorm(readAxes(config));
    }
}
