package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/**
 * Makes a weight's initial value, like {@code keras.initializers.Initializer}: {@code call(shape)}.
 * Random initializers with a seed return the same values on every call (Keras 3 semantics); without a
 * seed they draw a fresh seed from {@link keras4j.utils.Seeds} each time.
 */
public abstract class Initializer implements KerasObject {

    /** A tensor of {@code shape} with this initializer's values. */
    public abstract Tensor call(int... shape);

    @Override
    public String module() {
        return "keras.initializers";
    }

    @Override
    public Map<String, Object> getConfig() {
        return new java.util.LinkedHashMap<>();
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }

    /** Keras's {@code compute_fans}: conv kernels {@code (*k, in, out)} multiply by the receptive field. */
    public static double[] computeFans(int[] shape) {
        if (shape.length == 0) return new double[] {1, 1};
        if (shape.length == 1) return new double[] {shape[0], shape[0]};
        if (shape.length == 2) return new double[] {shape[0], shape[1]};
        double receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) receptive *= shape[i];
        return new double[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
    }
}
