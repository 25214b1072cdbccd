package keras4j.layers.reshaping;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.layers.InputSpec;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/** Keras's {@code RepeatVector(n)}: {@code (batch, features) → (batch, n, features)}. */
public final class RepeatVector extends AbstractLayer<RepeatVector> {
    private final int n;

    public RepeatVector(int n) {
        if (n <= 0) throw new IllegalArgumentException("Argument `n` should be a positive integer. Received: n=" + n);
        this.n = n;
        this.inputSpec = InputSpec.ndim(2);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.broadcastTo(Ops.expandDims(inputs, 1), inputs.dim(0), n, inputs.dim(1));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {inputShape[0], n, inputShape[1]};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("n", n);
        return c;
    }

    public static RepeatVector fromConfig(Map<String, Object> c) {
        RepeatVector r = new RepeatVector(((Number) c.get("n")).intValue());
        r.applyBaseConfig(c);
        return r;
    }
}
