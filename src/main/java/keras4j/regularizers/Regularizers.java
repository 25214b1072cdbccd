package keras4j.regularizers;

import java.util.Map;
import java.util.Set;
import keras4j.utils.ObjectRegistry;

/**
 * Looks regularizers up by Keras identifier, like {@code keras.regularizers.get}: class names
 * ({@code "L2"}), their snake_case ({@code "l2"}, {@code "l1l2"}, {@code "orthogonal_regularizer"}),
 * {@code "l1_l2"} (→ {@code L1L2(0.01, 0.01)}), serialized maps (with or without {@code module}) and
 * regularizer objects.
 */
public final class Regularizers {
    private Regularizers() {}

    private static final ObjectRegistry<Regularizer> REGISTRY = new ObjectRegistry<>("regularizer", Regularizer.class);

    static {
        REGISTRY.listOnly("l1_l2");
        REGISTRY.add("L1", L1::fromConfig);
        REGISTRY.add("L2", L2::fromConfig);
        REGISTRY.add("L1L2", L1L2::fromConfig);
        REGISTRY.add("OrthogonalRegularizer", OrthogonalRegularizer::fromConfig);
    }

    /**
     * The regularizer for an identifier: a name (a new instance with Keras's defaults), a serialized map,
     * or a {@link Regularizer} (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Regularizer get(Object identifier) {
        // Keras 2's l1_l2(l1=0.01, l2=0.01); the L1L2 class itself defaults to zeros.
        if ("l1_l2".equals(identifier)) return new L1L2(0.01, 0.01);
        return REGISTRY.get(identifier);
    }

    /** Keras's {@code regularizers.serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Regularizer regularizer) {
        return regularizer.serialize();
    }

    /** Keras's {@code regularizers.deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public static Regularizer deserialize(Map<String, Object> serialized) {
        return REGISTRY.deserialize(serialized);
    }

    /** The regularizer of a class name built from its config; absent keys take Keras's defaults. */
    public static Regularizer fromConfig(String className, Map<String, Object> config) {
        return REGISTRY.fromConfig(className, config);
    }

    /** Every name {@link #get} accepts, sorted. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
