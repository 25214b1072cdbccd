package keras4j.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/**
 * A penalty on a weight (or an activity) added to the loss, like {@code keras.regularizers.Regularizer}:
 * {@code call(x)} is Keras's {@code regularizer(x)} and returns a scalar built with {@link keras4j.ops.Ops},
 * so it is differentiable under a {@link keras4j.autograd.GradientTape}.
 */
public abstract class Regularizer implements KerasObject {

    /** The penalty for {@code x}, a scalar tensor. */
    public abstract Tensor call(Tensor x);

    @Override
    public String module() {
        return "keras.regularizers";
    }

    @Override
    public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }

    /** Keras's {@code validate_float_arg}: a finite, non-negative number. */
    static double validateFloatArg(double value, String name) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException("Invalid value for argument " + name + ": expected a non-negative float. Received: "
                    + name + "=" + value);
        }
        return value;
    }
}
