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

    /**
     * The activation of a config; Keras 2 files (which carry {@code batch_input_shape} or no {@code module}
     * in their initializers) get Keras 2's {@code hard_sigmoid}.
     */
    public static ActivationFunction activation(Object spec, Map<String, Object> config) {
        if (spec instanceof String s) return Activations.get(s, isKeras2(config));
        return Activations.get(spec);
    }

    /** True for configs written by Keras 2 (no DTypePolicy object, or {@code batch_input_shape}). */
    public static boolean isKeras2(Map<String, Object> config) {
        return config.containsKey("batch_input_shape") || config.get("dtype") instanceof String && !config.containsKey("module");
    }

    /** Adds {@code activity_regularizer} to a config the way Keras does (null when unset). */
    public static void putActivityRegularizer(Layer layer, Map<String, Object> config) {
        Object r = layer.activityRegularizerConfig();
        config.put("activity_regularizer", r instanceof KerasObject k ? k.serialize() : r);
    }
}
