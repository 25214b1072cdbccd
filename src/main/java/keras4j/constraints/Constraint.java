package keras4j.constraints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;

/**
 * A projection applied to a weight after each optimizer update, like {@code keras.constraints.Constraint}:
 * {@code call(w)} is Keras's {@code constraint(w)}. It is also a {@code UnaryOperator<Tensor>}, so it can
 * be given directly to {@link keras4j.autograd.Variable#setConstraint}.
 */
public abstract class Constraint implements KerasObject, UnaryOperator<Tensor> {
    /** Keras's {@code backend.epsilon()}. */
    static final float EPSILON = 1e-7f;

    /** The projected weight (a new tensor; {@code w} is not modified). */
    public abstract Tensor call(Tensor w);

    /** Same as {@link #call}. */
    @Override
    public final Tensor apply(Tensor w) {
        return call(w);
    }

    @Override
    public String module() {
        return "keras.constraints";
    }

    @Override
    public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }

    /** {@code sqrt(Σ w²)} over {@code axes}, keeping dimensions. */
    static Tensor norms(Tensor w, int[] axes) {
        return w.square().sum(true, axes).sqrt();
    }

    /** An {@code axis} config value: an integer for one axis, a list for several. */
    static Object axisConfig(int[] axes) {
        return axes.length == 1 ? (Object) axes[0] : Config.ints(axes);
    }

    static int[] readAxes(Map<String, Object> config) {
        Object a = config.get("axis");
        if (a == null) return new int[] {0};
        if (a instanceof Number || a instanceof List<?>) return Config.toInts(a);
        throw new IllegalArgumentException("`axis` must be an integer or a list of integers. Received: axis=" + a);
    }

    static int[] checkAxes(int[] axes) {
        if (axes == null || axes.length == 0) throw new IllegalArgumentException("`axis` must name at least one axis. Received: axis=[]");
        return axes.clone();
    }
}
