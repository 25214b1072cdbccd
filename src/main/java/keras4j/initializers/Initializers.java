package keras4j.initializers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import keras4j.utils.Config;

/**
 * Looks initializers up by Keras identifier, like {@code keras.initializers.get}: class names
 * ({@code "GlorotUniform"}), their snake_case ({@code "glorot_uniform"}) and Keras's aliases
 * ({@code "uniform"}, {@code "normal"}, {@code "zero"}, {@code "one"}, {@code "IdentityInitializer"},
 * {@code "OrthogonalInitializer"}), serialized maps (Keras 3 with {@code module}, or Keras 2 without),
 * and initializer objects.
 */
public final class Initializers {
    private Initializers() {}

    private static final Map<String, Function<Map<String, Object>, Initializer>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        add("Constant", Constant::fromConfig);
        add("Identity", Identity::fromConfig);
        add("Ones", Ones::fromConfig);
        add("Zeros", Zeros::fromConfig);
        add("GlorotNormal", GlorotNormal::fromConfig);
        add("GlorotUniform", GlorotUniform::fromConfig);
        add("HeNormal", HeNormal::fromConfig);
        add("HeUniform", HeUniform::fromConfig);
        add("LecunNormal", LecunNormal::fromConfig);
        add("LecunUniform", LecunUniform::fromConfig);
        add("Orthogonal", Orthogonal::fromConfig);
        add("RandomNormal", RandomNormal::fromConfig);
        add("RandomUniform", RandomUniform::fromConfig);
        add("TruncatedNormal", TruncatedNormal::fromConfig);
        add("VarianceScaling", VarianceScaling::fromConfig);
        NAMES.put("IdentityInitializer", "Identity");
        NAMES.put("normal", "RandomNormal");
        NAMES.put("one", "Ones");
        NAMES.put("OrthogonalInitializer", "Orthogonal");
        NAMES.put("uniform", "RandomUniform");
        NAMES.put("zero", "Zeros");
    }

    private static void add(String className, Function<Map<String, Object>, Initializer> fromConfig) {
        BY_CLASS.put(className, fromConfig);
        NAMES.put(className, className);
        NAMES.put(Config.snakeCase(className), className);
    }

    /**
     * The initializer for an identifier: a name (a new instance with Keras's defaults), a serialized
     * map {@code {"class_name", "config"}}, or an {@link Initializer} (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Initializer get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Initializer i) return i;
        if (identifier instanceof String name) return fromConfig(name, Map.of());
        if (identifier instanceof Map<?, ?> m) return deserialize(castMap(m));
        throw new IllegalArgumentException("Could not interpret initializer identifier: " + identifier);
    }

    /** Keras's {@code initializers.serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Initializer initializer) {
        return initializer.serialize();
    }

    /** Keras's {@code initializers.deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public static Initializer deserialize(Map<String, Object> serialized) {
        Object className = serialized.get("class_name");
        if (!(className instanceof String name)) {
            throw new IllegalArgumentException("Could not interpret initializer identifier: " + serialized + " (no class_name)");
        }
        Object config = serialized.get("config");
        return fromConfig(name, config == null ? Map.of() : castMap((Map<?, ?>) config));
    }

    /** The initializer of a class name (or alias) built from its config; absent keys take Keras's defaults. */
    public static Initializer fromConfig(String className, Map<String, Object> config) {
        String canonical = NAMES.get(className);
        if (canonical == null) throw Config.unknown("initializer", className, names());
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
