package keras4j.utils;

import java.util.Map;

/**
 * An object that serialises like a Keras object: {@code {"module", "class_name", "config", "registered_name"}}.
 * Initializers, regularizers, constraints, activations, losses, metrics, optimizers and layers implement it.
 */
public interface KerasObject {
    /** Keras's class name, e.g. {@code GlorotUniform}. */
    default String className() {
        return getClass().getSimpleName();
    }

    /** Keras's module, e.g. {@code keras.initializers}. */
    String module();

    /** The constructor arguments under Keras's snake_case names, in Keras's order. */
    Map<String, Object> getConfig();

    /** Keras's serialized form: {@code {"module", "class_name", "config", "registered_name": null}}. */
    default Map<String, Object> serialize() {
        return Config.serialize(this);
    }
}
