package keras4j.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import keras4j.utils.Config;

/** Looks up initializers by Keras name ({@code "glorot_uniform"}), class name, serialized map, or object. */
public final class Initializers {
    private Initializers() {}

    private static final Map<String, Function<Map<String, Object>, Initializer>> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        BY_CLASS.put("Zeros", c -> new Zeros());
        BY_CLASS.put("Ones", c -> new Ones());
        BY_CLASS.put("Constant", c -> new Constant(Config.getFloat(c, "value", 0f)));
        BY_CLASS.put("Identity", c -> new Identity(Config.getFloat(c, "gain", 1f)));
        BY_CLASS.put("RandomNormal", c -> new RandomNormal(Config.getDouble(c, "mean", 0), Config.getDouble(c, "stddev", 0.05), Config.getSeed(c)));
        BY_CLASS.put("RandomUniform", c -> new RandomUniform(Config.getDouble(c, "minval", -0.05), Config.getDouble(c, "maxval", 0.05), Config.getSeed(c)));
        BY_CLASS.put("TruncatedNormal", c -> new TruncatedNormal(Config.getDouble(c, "mean", 0), Config.getDouble(c, "stddev", 0.05), Config.getSeed(c)));
        BY_CLASS.put("VarianceScaling", c -> new VarianceScaling(Config.getDouble(c, "scale", 1), Config.getString(c, "mode", "fan_in"),
                Config.getString(c, "distribution", "truncated_normal"), Config.getSeed(c)));
        BY_CLASS.put("GlorotUniform", c -> new GlorotUniform(Config.getSeed(c)));
        BY_CLASS.put("GlorotNormal", c -> new GlorotNormal(Config.getSeed(c)));
        BY_CLASS.put("HeUniform", c -> new HeUniform(Config.getSeed(c)));
        BY_CLASS.put("HeNormal", c -> new HeNormal(Config.getSeed(c)));
        BY_CLASS.put("LecunUniform", c -> new LecunUniform(Config.getSeed(c)));
        BY_CLASS.put("LecunNormal", c -> new LecunNormal(Config.getSeed(c)));
        BY_CLASS.put("Orthogonal", c -> new Orthogonal(Config.getDouble(c, "gain", 1), Config.getSeed(c)));
        for (String cls : BY_CLASS.keySet()) ALIASES.put(Config.snakeCase(cls), cls);
        ALIASES.put("uniform", "RandomUniform");
        ALIASES.put("normal", "RandomNormal");
        ALIASES.put("zero", "Zeros");
        ALIASES.put("one", "Ones");
        // Keras 2 names some classes differently.
        ALIASES.put("glorot_uniform", "GlorotUniform");
        ALIASES.put("lecun_uniform", "LecunUniform");
    }

    public static Set<String> names() {
        Set<String> s = new TreeSet<>(ALIASES.keySet());
        s.addAll(BY_CLASS.keySet());
        return s;
    }

    /** A name, an {@link Initializer}, or a serialized {@code {"class_name", "config"}} map. */
    @SuppressWarnings("unchecked")
    public static Initializer get(Object identifier) {
        if (identifier instanceof Initializer i) return i;
        if (identifier instanceof String s) {
            String cls = BY_CLASS.containsKey(s) ? s : ALIASES.get(s);
            if (cls == null) throw Config.unknown("initializer", s, names());
            return BY_CLASS.get(cls).apply(Map.of());
        }
        if (identifier instanceof Map<?, ?> m) {
            Object name = m.get("class_name");
            if (name == null) throw new IllegalArgumentException("A serialized initializer needs \"class_name\"; received " + m);
            String cls = BY_CLASS.containsKey(name.toString()) ? name.toString() : ALIASES.get(name.toString());
            if (cls == null) throw Config.unknown("initializer", name, names());
            Object config = m.get("config");
            return BY_CLASS.get(cls).apply(config instanceof Map ? (Map<String, Object>) config : Map.of());
        }
        throw new IllegalArgumentException("Could not interpret initializer identifier: " + identifier);
    }

    /** Keras's serialized form of an initializer. */
    public static Map<String, Object> serialize(Initializer initializer) {
        return initializer.serialize();
    }
}
