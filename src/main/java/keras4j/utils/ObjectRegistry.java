package keras4j.utils;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one lookup table from Keras names to objects, behind every registry of keras4j: {@code Layers}, {@code Losses},
 * {@code Metrics}, {@code Optimizers}, learning-rate schedules, {@code Activations}, {@code Lambda}'s functions,
 * {@code Initializers}, {@code Regularizers} and {@code Constraints} — as Keras's {@code <module>.get} and
 * {@code <module>.deserialize} read them. A class is found by its class name ({@code "GlorotUniform"}), its snake_case
 * ({@code "glorot_uniform"}) or an alias; an identifier may also be a serialized map {@code {"class_name", "config"}}
 * (with or without {@code module}) or an object of the kind, returned as is. Fixed objects (activation functions,
 * Lambda functions) are registered by name with {@link #addValue} and named back by {@link #nameOf}.
 *
 * <p>Filled from the owning class's static initializer; entries added later (custom layers, Lambda functions) are
 * safe to add from any thread.
 *
 * @param <T> the kind of object
 */
public final class ObjectRegistry<T> {
    private final String kind;
    private final Class<T> type;
    private final Map<String, Function<Map<String, Object>, T>> byClass = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> listedOnly = new TreeSet<>();
    private final Map<T, String> valueNames = new IdentityHashMap<>();

    /**
     * @param kind the kind's name in error messages, e.g. {@code "constraint"}
     * @param type the kind's class, so that objects of it pass through {@link #get(Object)}
     */
    public ObjectRegistry(String kind, Class<T> type) {
        this.kind = kind;
        this.type = type;
    }

    /** Registers a class under its class name and its snake_case, built from a config by {@code fromConfig}. */
    public synchronized void add(String className, Function<Map<String, Object>, T> fromConfig) {
        addName(className, fromConfig);
        names.put(Config.snakeCase(className), className);
    }

    /** Registers {@code name} exactly as written (no snake_case form), replacing an earlier entry of that name. */
    public synchronized void addName(String name, Function<Map<String, Object>, T> fromConfig) {
        Function<Map<String, Object>, T> previous = byClass.put(name, fromConfig);
        if (previous instanceof Fixed<T> f) valueNames.remove(f.value);
        names.put(name, name);
    }

    /** Registers the fixed object {@code value} under {@code name} (replacing an earlier one); {@link #nameOf} gives the name back. */
    public synchronized void addValue(String name, T value) {
        addName(name, new Fixed<>(value));
        valueNames.put(value, name);
    }

    /** A registry entry that is one object, whatever the config. */
    private record Fixed<T>(T value) implements Function<Map<String, Object>, T> {
        @Override
        public T apply(Map<String, Object> config) {
            return value;
        }
    }

    /** Makes {@code alias} another name of the registered {@code className}. */
    public synchronized void alias(String alias, String className) {
        names.put(alias, className);
    }

    /** The builder registered under {@code name} or one of its other names, or null when none is. */
    public synchronized Function<Map<String, Object>, T> find(String name) {
        String canonical = name == null ? null : names.get(name);
        return canonical == null ? null : byClass.get(canonical);
    }

    /** The name {@code value} was registered under by {@link #addValue} (the same object), or null. */
    public synchronized String nameOf(T value) {
        return valueNames.get(value);
    }

    /** The registered class names (or names given to {@link #addName}/{@link #addValue}), without snake_case forms and aliases, in registration order. */
    public synchronized Set<String> registered() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(byClass.keySet()));
    }

    /**
     * Lists {@code name} in {@link #names()} (and so in the unknown-name error) without looking it up: for a name
     * that the owning class's own {@code get} handles before asking this registry.
     */
    public synchronized void listOnly(String name) {
        listedOnly.add(name);
    }

    /**
     * The object for an identifier: a name (a new instance with Keras's defaults), a serialized map, or an object of
     * the kind (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones, or an identifier of another type
     */
    public T get(Object identifier) {
        if (identifier == null) return null;
        if (type.isInstance(identifier)) return type.cast(identifier);
        if (identifier instanceof String name) return fromConfig(name, Map.of());
        if (identifier instanceof Map<?, ?> m) return deserialize(castMap(m));
        throw new IllegalArgumentException("Could not interpret " + kind + " identifier: " + identifier);
    }

    /** Keras's {@code deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public T deserialize(Map<String, Object> serialized) {
        Object className = serialized.get("class_name");
        if (!(className instanceof String name)) {
            throw new IllegalArgumentException("Could not interpret " + kind + " identifier: " + serialized + " (no class_name)");
        }
        Object config = serialized.get("config");
        return fromConfig(name, config == null ? Map.of() : castMap((Map<?, ?>) config));
    }

    /** The object of a class name (or alias) built from its config; absent keys take Keras's defaults. */
    public T fromConfig(String className, Map<String, Object> config) {
        Function<Map<String, Object>, T> f = find(className);
        if (f == null) throw Config.unknown(kind, className, names());
        return f.apply(config);
    }

    /** Every name {@link #get} accepts, sorted, unmodifiable. */
    public synchronized Set<String> names() {
        Set<String> all = new TreeSet<>(names.keySet());
        all.addAll(listedOnly);
        return Collections.unmodifiableSet(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
