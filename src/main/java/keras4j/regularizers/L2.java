package keras4j.regularizers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** {@code keras.regularizers.L2(l2=0.01)} (name {@code "l2"}): {@code l2 · Σx²} (no ½). Config {@code {"l2"}}. */
public final class L2 extends Regularizer {
    private final double l2;

    public L2() {
        this(0.01);
    }

    public L2(double l2) {
        this.l2 = validateFloatArg(l2, "l2");
    }

    public double l2() {
        return l2;
    }

    @Override
    public Tensor call(Tensor x) {
        return Ops.multiply(Ops.sum(Ops.square(x)), (float) l2);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("l2", l2);
    }

    public static L2 fromConfig(Map<String, Object> config) {
        return new L2(Config.getDouble(config, "l2", 0.01));
    }
}
