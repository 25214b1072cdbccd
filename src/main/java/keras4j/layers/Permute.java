package keras4j.layers;

import java.util.Arrays;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Permutes the non-batch axes, Keras's {@code keras.layers.Permute(dims)}.
 *
 * <p>{@code dims} is 1-indexed and excludes the batch axis, and must be a permutation of {@code 1..n}:
 * {@code new Permute(2, 1)} swaps the two axes of a rank-3 input. Shapes: {@code output[i+1] = input[dims[i]]},
 * e.g. {@code (None, 10, 64) → (None, 64, 10)}. The input rank must be {@code dims.length + 1}.
 *
 * <p>Not mask-aware: an incoming mask is dropped, as in Keras 3.
 */
public final class Permute extends AbstractLayer<Permute> {
    private final int[] dims;

    /** {@code Permute(dims)}: a permutation of {@code 1..n} (1-indexed, batch axis excluded). */
    public Permute(int... dims) {
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i + 1) {
                throw new IllegalArgumentException("Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive and start from 1. Received dims="
                        + Shapes.str(dims));
            }
        }
        this.dims = dims.clone();
        this.inputSpec = InputSpec.ndim(dims.length + 1);
    }

    /** The permutation, 1-indexed, batch axis excluded. */
    public int[] dims() {
        return dims.clone();
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] perm = new int[dims.length + 1];
        System.arraycopy(dims, 0, perm, 1, dims.length);
        return Ops.transpose(inputs, perm);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        inputSpec.check(name(), 0, inputShape);
        int[] out = new int[dims.length + 1];
        out[0] = inputShape[0];
        for (int i = 0; i < dims.length; i++) out[i + 1] = inputShape[dims[i]];
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("dims", Config.ints(dims));
        return c;
    }

    /** Rebuilds from Keras's config ({@code dims}, same key in Keras 2). */
    public static Permute fromConfig(Map<String, Object> config) {
        Object d = config.get("dims");
        if (d == null) throw new IllegalArgumentException("Permute config needs `dims`; received keys " + config.keySet());
        Permute p = new Permute(Config.toInts(d));
        p.applyBaseConfig(config);
        return p;
    }
}
