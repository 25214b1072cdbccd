package keras4j.regularizers;

import java.util.Map;
import java.util.Set;
import keras4j.utils.Config;

/** Looks up regularizers by Keras name ({@code "l1"}, {@code "l2"}, {@code "l1_l2"}), serialized map, or object. */
public final class Regularizers {
    private Regularizers() {}

    public static Set<String> names() {
        return new java.util.TreeSet<>(Set.of("l1", "l2", "l1_l2", "orthogonal_regularizer", "L1", "L2", "L1L2", "OrthogonalRegularizer"));
    }

    /** A name, a {@link Regularizer}, a serialized map, or null (none). */
    @SuppressWarnings("unchecked")
    public static Regularizer get(Object identifier) {
        if (identifier == null || identifier instanceof Regularizer) return (Regularizer) identifier;
        if (identifier instanceof String s) return fromConfig(s, Map.of());
        if (identifier instanceof Map<?, ?> m && m.get("class_name") != null) {
            Object c = m.get("config");
            return fromConfig(m.get("class_name").toString(), c instanceof Map ? (Map<String, Object>) c : Map.of());
        }
        throw new IllegalArgumentException("Could not interpret regularizer identifier: " + identifier);
    }

    private static Regularizer fromConfig(String name, Map<String, Object> c) {
        return switch (name) {
            case "l1", "L1" -> new L1(Config.getDouble(c, "l1", 0.01));
            case "l2", "L2" -> new L2(Config.getDouble(c, "l2", 0.01));
            case "l1_l2", "L1L2" -> new L1L2(Config.getDouble(c, "l1", name.equals("l1_l2") && c.isEmpty() ? 0.01 : 0), Config.getDouble(c, "l2", name.equals("l1_l2") && c.isEmpty() ? 0.01 : 0));
            case "orthogonal_regularizer", "OrthogonalRegularizer" -> new OrthogonalRegularizer(Config.getDouble(c, "factor", 0.01), Config.getString(c, "mode", "rows"));
            default -> throw Config.unknown("regularizer", name, names());
        };
    }
}
