package keras4j.layers;

import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.constraints.Constraint;
import keras4j.regularizers.Regularizer;
import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/** Shared handling of Keras's layer options (regularizers, constraints, activations) for layer classes. */
public final class LayerOptions {
    private LayerOptions() {}

    public static Function<Tensor, Tensor> fn(Regularizer r) {
        return r == null ? null : r::call;
    }

    public static UnaryOperator<Tensor> fn(Constraint c) {
        return c == null ? null : c::call;
    }

    /** Keras's serialized form of an optional object, or null. */
    public static Object serialize(KerasObject o) {
        return o == null ? null : o.serialize();
    }

    /** The Keras version of the file being loaded on this thread, or null when unknown. */
    private static final ThreadLocal<String> LOADING_VERSION = new ThreadLocal<>();

    /**
     * Runs {@code body} (which rebuilds layers from configs) knowing that the configs were written by Keras
     * {@code kerasVersion} (a file's {@code keras_version}: {@code "2.3.1"}, {@code "2.2.4-tf"}, {@code "3.3.3"});
     * null or blank leaves the choice to the configs themselves. Nested calls restore the outer version.
     */
    public static <T> T loadingKerasVersion(String kerasVersion, java.util.function.Supplier<T> body) {
        String outer = LOADING_VERSION.get();
        LOADING_VERSION.set(kerasVersion == null || kerasVersion.isBlank() ? null : kerasVersion.strip());
        try {
            return body.get();
        } finally {
            if (outer == null) LOADING_VERSION.remove();
            else LOADING_VERSION.set(outer);
        }
    }

    /**
     * The activation of a config; configs written by Keras 1 or 2 get Keras 2's {@code hard_sigmoid}
     * ({@code clip(0.2·x + 0.5, 0, 1)}, not Keras 3's {@code relu6(x + 3) / 6}).
     */
    public static ActivationFunction activation(Object spec, Map<String, Object> config) {
        if (spec instanceof String s) return Activations.get(s, isKeras2(config));
        return Activations.get(spec);
    }

    /**
     * True for configs written by Keras 1 or 2. While a file is loaded ({@link #loadingKerasVersion}) its
     * {@code keras_version} decides; otherwise the config's own form does: {@code batch_input_shape}, or a
     * plain-string {@code dtype} (Keras 3.0–3.3 also wrote those, so a bare Keras 3.0–3.3 config read without
     * its file is taken for Keras 2).
     */
    public static boolean isKeras2(Map<String, Object> config) {
        String version = LOADING_VERSION.get();
        if (version != null) {
            String major = version.split("[.-]", 2)[0];
            return major.equals("1") || major.equals("2");
        }
        return config.containsKey("batch_input_shape") || config.get("dtype") instanceof String && !config.containsKey("module");
    }

    /** Adds {@code activity_regularizer} to a config the way Keras does (null when unset). */
    public static void putActivityRegularizer(Layer layer, Map<String, Object> config) {
        Object r = layer.activityRegularizerConfig();
        config.put("activity_regularizer", r instanceof KerasObject k ? k.serialize() : r);
    }
}
