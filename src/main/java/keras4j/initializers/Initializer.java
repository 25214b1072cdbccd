package keras4j.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/**
 * Makes the starting value of a weight, like {@code keras.initializers.Initializer}: {@code call(shape)}
 * is Keras's {@code initializer(shape)}. Serialises as
 * {@code {"module": "keras.initializers", "class_name": ..., "config": ..., "registered_name": null}}.
 */
public abstract class Initializer implements KerasObject {

    /** A new float32 tensor of {@code shape}. */
    public abstract Tensor call(int... shape);

    @Override
    public String module() {
        return "keras.initializers";
    }

    /** The constructor arguments under Keras's names (empty for initializers without arguments). */
    @Override
    public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
