package keras4j.layers.reshaping;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code Reshape(target_shape)}: {@code (batch, ...) → (batch, *target_shape)} in row-major order;
 * one {@code -1} is inferred.
 */
public final class Reshape extends AbstractLayer<Reshape> {
    private final int[] targetShape;

    public Reshape(int... targetShape) {
        int unknown = 0;
        for (int d : targetShape) {
            if (d == -1) unknown++;
            else if (d <= 0) throw new IllegalArgumentException("Reshape: target_shape dimensions must be positive or -1. Received: target_shape=" + java.util.Arrays.toString(targetShape));
        }
        if (unknown > 1) throw new IllegalArgumentException("There must be at most one unknown dimension (-1) in target_shape. Received: target_shape=" + java.util.Arrays.toString(targetShape));
        this.targetShape = targetShape.clone();
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int[] s = new int[targetShape.length + 1];
        s[0] = inputs.dim(0);
        System.arraycopy(targetShape, 0, s, 1, targetShape.length);
        return Ops.reshape(inputs, s);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = new int[targetShape.length + 1];
        out[0] = inputShape[0];
        long known = 1, input = 1;
        boolean inputKnown = true;
        int unknownAt = -1;
        for (int i = 1; i < inputShape.length; i++) {
            if (inputShape[i] < 0) inputKnown = false;
            else input *= inputShape[i];
        }
        for (int i = 0; i < targetShape.length; i++) {
            out[i + 1] = targetShape[i];
            if (targetShape[i] == -1) unknownAt = i + 1;
            else known *= targetShape[i];
        }
        if (inputKnown) {
            if (unknownAt >= 0) {
                if (input % known != 0) throw mismatch(inputShape);
                out[unknownAt] = (int) (input / known);
            } else if (input != known) {
                throw mismatch(inputShape);
            }
        }
        return out;
    }

    private IllegalArgumentException mismatch(int[] inputShape) {
        return new IllegalArgumentException("Layer \"" + name() + "\": the total size of the target shape " + java.util.Arrays.toString(targetShape)
                + " does not match the input shape " + formatShape(inputShape));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("target_shape", Config.ints(targetShape));
        return c;
    }

    public static Reshape fromConfig(Map<String, Object> c) {
        Reshape r = new Reshape(Config.toShape(c.get("target_shape")));
        r.applyBaseConfig(c);
        return r;
    }
}
