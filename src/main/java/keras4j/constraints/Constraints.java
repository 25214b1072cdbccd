package keras4j.constraints;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import keras4j.utils.Config;

/**
 * Looks constraints up by Keras identifier, like {@code keras.constraints.get}: class names
 * ({@code "MaxNorm"}), their snake_case ({@code "max_norm"}, {@code "non_neg"}, {@code "unit_norm"},
 * {@code "min_max_norm"}), Keras 2's old aliases ({@code "maxnorm"}, {@code "nonneg"}, {@code "unitnorm"}),
 * serialized maps (with or without {@code module}) and constraint objects.
 */
public final class Constraints {
    private Constraints() {}

    private static final Map<String, Function<Map<String, Object>, Constraint>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        add("MaxNorm", MaxNorm::fromConfig);
        add("MinMaxNorm", MinMaxNorm::fromConfig);
        add("NonNeg", NonNeg::fromConfig);
        add("UnitNorm", UnitNorm::fromConfig);
        NAMES.put("maxnorm", "MaxNorm");
        NAMES.put("nonneg", "NonNeg");
        NAMES.put("unitnorm", "UnitNorm");
    }

    private static void add(String className, Function<Map<String, Object>, Constraint> fromConfig) {
        BY_CLASS.put(className, fromConfig);
        NAMES.put(className, className);
        NAMES.put(Config.snakeCase(className), className);
    }

    /**
     * The constraint for an identifier: a name (a new instance with Keras's defaults), a serialized map,
     * or a {@link Constraint} (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Constraint get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Constraint c) return c;
        if (identifier instanceof String name) return fromConfig(name, Map.of());
        if (identifier instanceof Map<?, ?> m) return deserialize(castMap(m));
        throw new IllegalArgumentException("Could not interpret constraint identifier: " + identifier);
    }

    /** Keras's {@code constraints.serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Constraint constraint) {
        return constraint.serialize();
    }

    /** Keras's {@code constraints.deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public static Constraint deserialize(Map<String, Object> serialized) {
        Object className = serialized.get("class_name");
        if (!(className instanceof String name)) {
            throw new IllegalArgumentException("Could not interpret constraint identifier: " + serialized + " (no class_name)");
        }
        Object config = serialized.get("config");
        return fromConfig(name, config == null ? Map.of() : castMap((Map<?, ?>) config));
    }

    /** The constraint of a class name built from its config; absent keys take Keras's defaults. */
    public static Constraint fromConfig(String className, Map<String, Object> config) {
        String canonical = NAMES.get(className);
        if (canonical == null) throw Config.unknown("constraint", className, names());
        return BY_CLASS.get(canonical).apply(config);
    }

    /** Every name {@link #get} accepts, sorted. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(NAMES.keySet()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
