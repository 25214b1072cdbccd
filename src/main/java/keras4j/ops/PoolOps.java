package keras4j.ops;

import static keras4j.autograd.GradientTape.isRecording;
import static keras4j.autograd.GradientTape.record;

import java.util.Arrays;
import java.util.Locale;
import keras4j.tensor.PoolKernels;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Differentiable pooling, Keras's {@code ops.max_pool} and {@code ops.average_pool}, for 1 to 3 spatial axes.
 * Input {@code (batch, *spatial, channels)} for {@code channels_last}, {@code (batch, channels, *spatial)} for
 * {@code channels_first}; the kernels run channels_last and channels_first inputs are transposed around them.
 */
public final class PoolOps {
    private PoolOps() {}

    /** Max over each window; padded positions never win. Gradient: to the winning element. */
    public static Tensor maxPool(Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat) {
        boolean same = isSame(padding);
        boolean first = isChannelsFirst(dataFormat);
        Tensor in = first ? Ops.transpose(x, toLast(x.rank())) : x;
        Tensor out = PoolKernels.maxPool(in, poolSize, strides, same);
        if (isRecording()) {
            record("maxPool", out, g -> new Tensor[] {PoolKernels.maxPoolBackward(in, out, poolSize, strides, same, g)}, in);
        }
        return first ? Ops.transpose(out, toFirst(out.rank())) : out;
    }

    /** Mean over the valid (non-padded) elements of each window. */
    public static Tensor averagePool(Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat) {
        boolean same = isSame(padding);
        boolean first = isChannelsFirst(dataFormat);
        Tensor in = first ? Ops.transpose(x, toLast(x.rank())) : x;
        Tensor out = PoolKernels.averagePool(in, poolSize, strides, same);
        if (isRecording()) {
            int[] inShape = in.shape();
            int[] p = poolSize.clone(), s = strides.clone();
            record("averagePool", out, g -> new Tensor[] {PoolKernels.averagePoolBackward(inShape, p, s, same, g)}, in);
        }
        return first ? Ops.transpose(out, toFirst(out.rank())) : out;
    }

    /**
     * Keras's {@code compute_pooling_output_shape}: the output shape (batch axis first, -1 for unknown) for an
     * input shape; throws when a valid window does not fit.
     */
    public static int[] outputShape(int[] inputShape, int[] poolSize, int[] strides, String padding, String dataFormat) {
        boolean same = isSame(padding);
        boolean first = isChannelsFirst(dataFormat);
        int[] out = inputShape.clone();
        int start = first ? 2 : 1;
        for (int i = 0; i < poolSize.length; i++) {
            int L = inputShape[start + i];
            if (L < 0) continue;
            int o = PoolKernels.outputLength(L, poolSize[i], strides[i], same);
            if (o <= 0) {
                throw new IllegalArgumentException("Computed output size would be negative. Received: `inputs.shape=" + Shape.format(inputShape)
                        + "` and `pool_size=" + tuple(poolSize) + "`.");
            }
            out[start + i] = o;
        }
        return out;
    }

    /** Keras's {@code standardize_padding} for pooling: {@code valid} or {@code same}, case-insensitive. */
    public static String checkPadding(String padding) {
        String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
        if (!p.equals("valid") && !p.equals("same")) {
            throw new IllegalArgumentException("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: " + padding);
        }
        return p;
    }

    static String tuple(int[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(v[i]);
        }
        if (v.length == 1) sb.append(',');
        return sb.append(')').toString();
    }



    private static boolean isSame(String padding) {
        return checkPadding(padding).equals("same");
    }

    private static boolean isChannelsFirst(String dataFormat) {
        if (dataFormat == null || dataFormat.equalsIgnoreCase("channels_last")) return false;
        if (dataFormat.equalsIgnoreCase("channels_first")) return true;
        throw new IllegalArgumentException("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=" + dataFormat);
    }

    /** Permutation {@code (0, 2, ..., n-1, 1)}: channels_first to channels_last. */
    static int[] toLast(int rank) {
        int[] p = new int[rank];
        for (int i = 1; i < rank - 1; i++) p[i] = i + 1;
        p[rank - 1] = 1;
        return p;
    }

    /** Permutation {@code (0, n-1, 1, ..., n-2)}: channels_last to channels_first. */
    static int[] toFirst(int rank) {
        int[] p = new int[rank];
        p[1] = rank - 1;
        for (int i = 2; i < rank; i++) p[i] = i - 1;
        return p;
    }

    static String str(int[] v) {
        return Arrays.toString(v);
    }
}
