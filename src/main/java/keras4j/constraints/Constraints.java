package keras4j.constraints;

import java.util.Map;
import java.util.Set;
import keras4j.utils.Config;

/** Looks up constraints by Keras name ({@code "max_norm"}, {@code "non_neg"}, ...), serialized map, or object. */
public final class Constraints {
    private Constraints() {}

    public static Set<String> names() {
        return new java.util.TreeSet<>(Set.of("max_norm", "min_max_norm", "non_neg", "unit_norm", "MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm"));
    }

    /** A name, a {@link Constraint}, a serialized map, or null (none). */
    @SuppressWarnings("unchecked")
    public static Constraint get(Object identifier) {
        if (identifier == null || identifier instanceof Constraint) return (Constraint) identifier;
        if (identifier instanceof String s) return fromConfig(s, Map.of());
        if (identifier instanceof Map<?, ?> m && m.get("class_name") != null) {
            Object c = m.get("config");
            return fromConfig(m.get("class_name").toString(), c instanceof Map ? (Map<String, Object>) c : Map.of());
        }
        throw new IllegalArgumentException("Could not interpret constraint identifier: " + identifier);
    }

    private static Constraint fromConfig(String name, Map<String, Object> c) {
        return switch (name) {
            case "max_norm", "MaxNorm" -> new MaxNorm(Config.getDouble(c, "max_value", 2), Config.getInt(c, "axis", 0));
            case "min_max_norm", "MinMaxNorm" -> new MinMaxNorm(Config.getDouble(c, "min_value", 0), Config.getDouble(c, "max_value", 1),
                    Config.getDouble(c, "rate", 1), Config.getInt(c, "axis", 0));
            case "non_neg", "NonNeg" -> new NonNeg();
            case "unit_norm", "UnitNorm" -> new UnitNorm(Config.getInt(c, "axis", 0));
            default -> throw Config.unknown("constraint", name, names());
        };
    }
}
