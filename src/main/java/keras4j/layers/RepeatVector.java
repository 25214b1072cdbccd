package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Repeats a vector {@code n} times, Keras's {@code keras.layers.RepeatVector(n)}.
 *
 * <p>Shapes: the input must be rank 2, {@code (batch, features) → (batch, n, features)}.
 * <pre>{@code
 * Sequential model = new Sequential(new Dense(64).inputDim(784), new RepeatVector(3));
 * // output shape (None, 3, 64)
 * }</pre>
 *
 * <p>Not mask-aware: an incoming mask is dropped, as in Keras 3.
 */
public final class RepeatVector extends AbstractLayer<RepeatVector> {
    private final int n;

    /** {@code RepeatVector(n)}: {@code n} must be positive. */
    public RepeatVector(int n) {
        if (n <= 0) throw new IllegalArgumentException("Argument `n` should be a positive integer. Received: n=" + n);
        this.n = n;
        this.inputSpec = InputSpec.ndim(2);
    }

    /** The repetition factor. */
    public int n() {
        return n;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int batch = inputs.dim(0), features = inputs.dim(1);
        return Ops.broadcastTo(Ops.reshape(inputs, batch, 1, features), batch, n, features);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        inputSpec.check(name(), 0, inputShape);
        return new int[] {inputShape[0], n, inputShape[1]};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("n", n);
        return c;
    }

    /** Rebuilds from Keras's config ({@code n}, same key in Keras 2). */
    public static RepeatVector fromConfig(Map<String, Object> config) {
        Object n = config.get("n");
        if (!(n instanceof Number num)) throw new IllegalArgumentException("RepeatVector config needs an integer `n`. Received: n=" + n);
        if (num.doubleValue() != Math.rint(num.doubleValue())) throw new IllegalArgumentException("Expected an integer value for `n`, got " + n);
        RepeatVector r = new RepeatVector(num.intValue());
        r.applyBaseConfig(config);
        return r;
    }
}
