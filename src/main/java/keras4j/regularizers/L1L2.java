package keras4j.regularizers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** {@code l1·Σ|x| + l2·Σx²} ({@code keras.regularizers.L1L2(l1=0.0, l2=0.0)}, alias {@code "l1_l2"}). */
public class L1L2 extends Regularizer {
    final double l1;
    final double l2;

    public L1L2(double l1, double l2) {
        if (l1 < 0 || l2 < 0 || Double.isNaN(l1) || Double.isNaN(l2)) {
            throw new IllegalArgumentException("Value for l1/l2 must be a non-negative float. Received: l1=" + l1 + ", l2=" + l2);
        }
        this.l1 = l1;
        this.l2 = l2;
    }

    public L1L2() {
        this(0, 0);
    }

    @Override
    public Tensor call(Tensor x) {
        Tensor penalty = Tensor.scalar(0f);
        if (l1 != 0) penalty = Ops.add(penalty, Ops.multiply(Ops.sum(Ops.abs(x)), (float) l1));
        if (l2 != 0) penalty = Ops.add(penalty, Ops.multiply(Ops.sum(Ops.square(x)), (float) l2));
        return penalty;
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("l1", l1, "l2", l2);
    }
}
