package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Reshapes the non-batch axes, Keras's {@code keras.layers.Reshape(target_shape)}.
 *
 * <p>Shapes: {@code (batch, *input) → (batch, *target_shape)}, row-major (C order) like numpy. One entry of
 * {@code target_shape} may be {@code -1}, inferred from the input size; it stays unknown ({@code None}) when
 * the input has an unknown non-batch size. The total size must be unchanged.
 *
 * <p>Not mask-aware: an incoming mask is dropped, as in Keras 3.
 * <pre>{@code
 * new Reshape(3, 4)      // (None, 12) -> (None, 3, 4)
 * new Reshape(-1, 2)     // (None, 3, 4) -> (None, 6, 2)
 * }</pre>
 */
public final class Reshape extends AbstractLayer<Reshape> {
    private final int[] targetShape;

    /** {@code Reshape(target_shape)}: the shape without the batch axis; at most one {@code -1}. */
    public Reshape(int... targetShape) {
        int unknown = 0;
        for (int d : targetShape) {
            if (d < -1) {
                throw new IllegalArgumentException("Each dimension in `target_shape` must be a non-negative integer, or `-1` for a single unknown dimension. Received: target_shape="
                        + Shapes.str(targetShape) + ".");
            }
            if (d == -1) unknown++;
        }
        if (unknown > 1) {
            throw new IllegalArgumentException("There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=" + Shapes.str(targetShape) + ".");
        }
        this.targetShape = targetShape.clone();
    }

    /** The target shape without the batch axis, as given. */
    public int[] targetShape() {
        return targetShape.clone();
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] sampleShape = inputs.shape();
        int[] in = new int[sampleShape.length - 1];
        System.arraycopy(sampleShape, 1, in, 0, in.length);
        int[] resolved = resolve(in);
        int[] full = new int[resolved.length + 1];
        full[0] = inputs.dim(0);
        System.arraycopy(resolved, 0, full, 1, resolved.length);
        return Ops.reshape(inputs, full);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length < 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Reshape) needs an input with a batch axis. Received: input_shape=()");
        }
        int[] in = new int[inputShape.length - 1];
        System.arraycopy(inputShape, 1, in, 0, in.length);
        int[] resolved = resolve(in);
        int[] out = new int[resolved.length + 1];
        out[0] = inputShape[0];
        System.arraycopy(resolved, 0, out, 1, resolved.length);
        return out;
    }

    /** Keras's {@code compute_reshape_output_shape}: resolves the -1, or leaves it unknown (-1) when the input has unknown sizes. */
    private int[] resolve(int[] in) {
        for (int d : in) if (d < 0) return targetShape.clone();
        long inputSize = 1;
        for (int d : in) inputSize *= d;
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < targetShape.length; i++) {
            if (targetShape[i] == -1) unknownAt = i;
            else known *= targetShape[i];
        }
        if (unknownAt < 0) {
            if (known != inputSize) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (Reshape): The total size of the tensor must be unchanged. Received: input_shape="
                        + formatShape(in) + ", target_shape=" + Shapes.str(targetShape));
            }
            return targetShape.clone();
        }
        if (known == 0 || inputSize % known != 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Reshape): The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. Received: input_shape="
                    + formatShape(in) + ", target_shape=" + Shapes.str(targetShape));
        }
        int[] out = targetShape.clone();
        out[unknownAt] = (int) (inputSize / known);
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("target_shape", Config.ints(targetShape));
        return c;
    }

    /** Rebuilds from Keras's config ({@code target_shape}, same key in Keras 2). */
    public static Reshape fromConfig(Map<String, Object> config) {
        Object t = config.get("target_shape");
        if (t == null) throw new IllegalArgumentException("Reshape config needs `target_shape`; received keys " + config.keySet());
        Reshape r = new Reshape(Config.toInts(t));
        r.applyBaseConfig(config);
        return r;
    }
}
