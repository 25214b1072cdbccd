package keras4j.regularizers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** {@code keras.regularizers.L1(l1=0.01)} (name {@code "l1"}): {@code l1 · Σ|x|}. Config {@code {"l1"}}. */
public final class L1 extends Regularizer {
    private final double l1;

    public L1() {
        this(0.01);
    }

    public L1(double l1) {
        this.l1 = validateFloatArg(l1, "l1");
    }

    public double l1() {
        return l1;
    }

    @Override
    public Tensor call(Tensor x) {
        return Ops.multiply(Ops.sum(Ops.abs(x)), (float) l1);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("l1", l1);
    }

    public static L1 fromConfig(Map<String, Object> config) {
        return new L1(Config.getDouble(config, "l1", 0.01));
    }
}
