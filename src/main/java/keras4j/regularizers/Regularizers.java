package keras4j.regularizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import keras4j.utils.Config;

/**
 * Looks regularizers up by Keras identifier, like {@code keras.regularizers.get}: class names
 * ({@code "L2"}), their snake_case ({@code "l2"}, {@code "l1l2"}, {@code "orthogonal_regularizer"}),
 * {@code "l1_l2"} (→ {@code L1L2(0.01, 0.01)}), serialized maps (with or without {@code module}) and
 * regularizer objects.
 */
public final class Regularizers {
    private Regularizers() {}

    private static final Map<String, Function<Map<String, Object>, Regularizer>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        add("L1", L1::fromConfig);
        add("L2", L2::fromConfig);
        add("L1L2", L1L2::fromConfig);
        add("OrthogonalRegularizer", OrthogonalRegularizer::fromConfig);
    }

    private static void add(String className, Function<Map<String, Object>, Regularizer> fromConfig) {
        BY_CLASS.put(className, fromConfig);
        NAMES.put(className, className);
        NAMES.put(Config.snakeCase(className), className);
    }

    /**
     * The regularizer for an identifier: a name (a new instance with Keras's defaults), a serialized map,
     * or a {@link Regularizer} (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Regularizer get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Regularizer r) return r;
        if (identifier instanceof String name) {
            // Keras 2's l1_l2(l1=0.01, l2=0.01); the L1L2 class itself defaults to zeros.
            if (name.equals("l1_l2")) return new L1L2(0.01, 0.01);
            return fromConfig(name, Map.of());
        }
        if (identifier instanceof Map<?, ?> m) return deserialize(castMap(m));
        throw new IllegalArgumentException("Could not interpret regularizer identifier: " + identifier);
    }

    /** Keras's {@code regularizers.serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Regularizer regularizer) {
        return regularizer.serialize();
    }

    /** Keras's {@code regularizers.deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public static Regularizer deserialize(Map<String, Object> serialized) {
        Object className = serialized.get("class_name");
        if (!(className instanceof String name)) {
            throw new IllegalArgumentException("Could not interpret regularizer identifier: " + serialized + " (no class_name)");
        }
        Object config = serialized.get("config");
        return fromConfig(name, config == null ? Map.of() : castMap((Map<?, ?>) config));
    }

    /** The regularizer of a class name built from its config; absent keys take Keras's defaults. */
    public static Regularizer fromConfig(String className, Map<String, Object> config) {
        String canonical = NAMES.get(className);
        if (canonical == null) throw Config.unknown("regularizer", className, names());
        return BY_CLASS.get(canonical).apply(config);
    }

    /** Every name {@link #get} accepts, sorted. */
    public static Set<String> names() {
        Set<String> all = new TreeSet<>(NAMES.keySet());
        all.add("l1_l2");
        return Collections.unmodifiableSet(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
