package keras4j.layers.reshaping;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.layers.InputSpec;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code Permute(dims)}: reorders the non-batch axes; {@code dims} is 1-indexed and excludes the batch
 * axis, e.g. {@code Permute(2, 1)} swaps the two axes of {@code (batch, a, b)} into {@code (batch, b, a)}.
 */
public final class Permute extends AbstractLayer<Permute> {
    private final int[] dims;

    public Permute(int... dims) {
        boolean[] seen = new boolean[dims.length + 1];
        for (int d : dims) {
            if (d < 1 || d > dims.length || seen[d]) {
                throw new IllegalArgumentException("Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive and start from 1. Received dims="
                        + java.util.Arrays.toString(dims));
            }
            seen[d] = true;
        }
        this.dims = dims.clone();
        this.inputSpec = InputSpec.ndim(dims.length + 1);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] perm = new int[dims.length + 1];
        for (int i = 0; i < dims.length; i++) perm[i + 1] = dims[i];
        return Ops.transpose(inputs, perm);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = inputShape.clone();
        for (int i = 0; i < dims.length; i++) out[i + 1] = inputShape[dims[i]];
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("dims", Config.ints(dims));
        return c;
    }

    public static Permute fromConfig(Map<String, Object> c) {
        Permute p = new Permute(Config.toShape(c.get("dims")));
        p.applyBaseConfig(c);
        return p;
    }
}
