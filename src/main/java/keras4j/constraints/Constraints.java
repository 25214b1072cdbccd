package keras4j.constraints;

import java.util.Map;
import java.util.Set;
import keras4j.utils.ObjectRegistry;

/**
 * Looks constraints up by Keras identifier, like {@code keras.constraints.get}: class names
 * ({@code "MaxNorm"}), their snake_case ({@code "max_norm"}, {@code "non_neg"}, {@code "unit_norm"},
 * {@code "min_max_norm"}), Keras 2's old aliases ({@code "maxnorm"}, {@code "nonneg"}, {@code "unitnorm"}),
 * serialized maps (with or without {@code module}) and constraint objects.
 */
public final class Constraints {
    private Constraints() {}

    private static final ObjectRegistry<Constraint> REGISTRY = new ObjectRegistry<>("constraint", Constraint.class);

    static {
        REGISTRY.add("MaxNorm", MaxNorm::fromConfig);
        REGISTRY.add("MinMaxNorm", MinMaxNorm::fromConfig);
        REGISTRY.add("NonNeg", NonNeg::fromConfig);
        REGISTRY.add("UnitNorm", UnitNorm::fromConfig);
        REGISTRY.alias("maxnorm", "MaxNorm");
        REGISTRY.alias("nonneg", "NonNeg");
        REGISTRY.alias("unitnorm", "UnitNorm");
    }

    /**
     * The constraint for an identifier: a name (a new instance with Keras's defaults), a serialized map,
     * or a {@link Constraint} (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Constraint get(Object identifier) {
        return REGISTRY.get(identifier);
    }

    /** Keras's {@code constraints.serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Constraint constraint) {
        return constraint.serialize();
    }

    /** Keras's {@code constraints.deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public static Constraint deserialize(Map<String, Object> serialized) {
        return REGISTRY.deserialize(serialized);
    }

    /** The constraint of a class name built from its config; absent keys take Keras's defaults. */
    public static Constraint fromConfig(String className, Map<String, Object> config) {
        return REGISTRY.fromConfig(className, config);
    }

    /** Every name {@link #get} accepts, sorted. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
