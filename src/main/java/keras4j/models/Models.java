package keras4j.models;

import java.nio.file.Path;
import java.util.Map;
import keras4j.layers.Layer;
import keras4j.layers.Layers;

/**
 * Loading models, like {@code keras.saving.load_model} and {@code keras.models.model_from_json}.
 * Loading never runs code from a file: Lambda layers load only when a Java function was registered under
 * their name, and unknown layer classes are named in the error.
 */
public final class Models {
    private Models() {}

    /** Loads a {@code .keras} (Keras 3) or legacy Keras 2 {@code .h5} model, compiled when the file says how. */
    public static Model load(String path) {
        return load(Path.of(path), true);
    }

    public static Model load(Path path) {
        return load(path, true);
    }

    /** Loads a model; {@code compile=false} skips restoring the training configuration. */
    public static Model load(Path path, boolean compile) {
        return ModelFiles.load(path, compile);
    }

    /** Rebuilds an uncompiled model from its serialized config ({@code {"class_name": "Sequential"|"Functional", "config": ...}}). */
    public static Model fromConfig(Map<String, Object> serialized) {
        Layer l = Layers.deserialize(serialized);
        if (!(l instanceof Model m)) throw new IllegalArgumentException("The config describes a " + l.className() + ", not a model");
        return m;
    }

    /** Rebuilds a model from JSON ({@code model.to_json()}'s output, Keras 2 or 3). */
    public static Model fromJson(String json) {
        return fromConfig(keras4j.utils.Json.readObject(json));
    }
}
