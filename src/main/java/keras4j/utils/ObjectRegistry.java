package keras4j.utils;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The lookup table behind {@code Initializers}, {@code Regularizers} and {@code Constraints}: Keras objects of one
 * kind by identifier, as Keras's {@code <module>.get} and {@code <module>.deserialize} read them. A class is found by
 * its class name ({@code "GlorotUniform"}), its snake_case ({@code "glorot_uniform"}) or an alias; an identifier may
 * also be a serialized map {@code {"class_name", "config"}} (with or without {@code module}) or an object of the kind,
 * returned as is.
 *
 * <p>Filled once, from the owning class's static initializer, then only read.
 *
 * @param <T> the kind of object
 */
public final class ObjectRegistry<T> {
    private final String kind;
    private final Class<T> type;
    private final Map<String, Function<Map<String, Object>, T>> byClass = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> listedOnly = new TreeSet<>();

    /**
     * @param kind the kind's name in error messages, e.g. {@code "constraint"}
     * @param type the kind's class, so that objects of it pass through {@link #get(Object)}
     */
    public ObjectRegistry(String kind, Class<T> type) {
        this.kind = kind;
        this.type = type;
    }

    /** Registers a class under its class name and its snake_case, built from a config by {@code fromConfig}. */
    public void add(String className, Function<Map<String, Object>, T> fromConfig) {
        byClass.put(className, fromConfig);
        names.put(className, className);
        names.put(Config.snakeCase(className), className);
    }

    /** Makes {@code alias} another name of the registered {@code className}. */
    public void alias(String alias, String className) {
        names.put(alias, className);
    }

    /**
     * Lists {@code name} in {@link #names()} (and so in the unknown-name error) without looking it up: for a name
     * that the owning class's own {@code get} handles before asking this registry.
     */
    public void listOnly(String name) {
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
        String canonical = names.get(className);
        if (canonical == null) throw Config.unknown(kind, className, names());
        return byClass.get(canonical).apply(config);
    }

    /** Every name {@link #get} accepts, sorted, unmodifiable. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(names.keySet());
        all.addAll(listedOnly);
        return Collections.unmodifiableSet(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
