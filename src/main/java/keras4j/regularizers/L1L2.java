package keras4j.regularizers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.regularizers.L1L2(l1=0.0, l2=0.0)}: {@code l1 · Σ|x| + l2 · Σx²}, each term present only
 * when its factor is non-zero. Config {@code {"l1", "l2"}}. The name {@code "l1_l2"} means
 * {@code L1L2(0.01, 0.01)} (Keras 2's {@code l1_l2} defaults); {@code "l1l2"} means {@code L1L2()}.
 */
public final class L1L2 extends Regularizer {
    private final double l1;
    private final double l2;

    public L1L2() {
        this(0.0, 0.0);
    }

    public L1L2(double l1, double l2) {
        this.l1 = validateFloatArg(l1, "l1");
        this.l2 = validateFloatArg(l2, "l2");
    }

    public double l1() {
        return l1;
    }

    public double l2() {
        return l2;
    }

    @Override
    public Tensor call(Tensor x) {
        Tensor penalty = Tensor.scalar(0f);
        if (l1 != 0.0) penalty = Ops.add(penalty, Ops.multiply(Ops.sum(Ops.abs(x)), (float) l1));
        if (l2 != 0.0) penalty = Ops.add(penalty, Ops.multiply(Ops.sum(Ops.square(x)), (float) l2));
        return penalty;
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("l1", l1, "l2", l2);
    }

    public static L1L2 fromConfig(Map<String, Object> config) {
        return new L1L2(Config.getDouble(config, "l1", 0.0), Config.getDouble(config, "l2", 0.0));
    }
}
