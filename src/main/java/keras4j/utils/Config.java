package keras4j.utils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers to build and read Keras config maps (the Java form of Keras's config dicts). */
public final class Config {
    private Config() {}

    /** Keras's serialized wrapper of an object. */
    public static Map<String, Object> serialize(KerasObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("module", o.module());
        m.put("class_name", o.className());
        m.put("config", o.getConfig());
        m.put("registered_name", null);
        return m;
    }

    /** An ordered map from alternating keys and values: {@code Config.of("units", 64, "use_bias", true)}. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("Config.of needs key/value pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** A JSON-friendly list of a shape; -1 (unknown) becomes null. */
    public static List<Integer> shape(int[] shape) {
        List<Integer> l = new ArrayList<>(shape.length);
        for (int d : shape) l.add(d < 0 ? null : d);
        return l;
    }

    /** Reads a shape list (nulls become -1). */
    public static int[] toShape(Object o) {
        if (o == null) return null;
        List<?> l = (List<?>) o;
        int[] s = new int[l.size()];
        for (int i = 0; i < s.length; i++) s[i] = l.get(i) == null ? -1 : ((Number) l.get(i)).intValue();
        return s;
    }

    public static List<Integer> ints(int... values) {
        List<Integer> l = new ArrayList<>(values.length);
        for (int v : values) l.add(v);
        return l;
    }

    public static int[] toInts(Object o) {
        if (o instanceof Number n) return new int[] {n.intValue()};
        return toShape(o);
    }

    public static float getFloat(Map<String, Object> c, String key, float dflt) {
        Object v = c.get(key);
        return v == null ? dflt : ((Number) v).floatValue();
    }

    public static double getDouble(Map<String, Object> c, String key, double dflt) {
        Object v = c.get(key);
        return v == null ? dflt : ((Number) v).doubleValue();
    }

    public static int getInt(Map<String, Object> c, String key, int dflt) {
        Object v = c.get(key);
        return v == null ? dflt : ((Number) v).intValue();
    }

    public static Long getSeed(Map<String, Object> c) {
        Object v = c.get("seed");
        return v == null ? null : ((Number) v).longValue();
    }

    public static boolean getBool(Map<String, Object> c, String key, boolean dflt) {
        Object v = c.get(key);
        return v == null ? dflt : (Boolean) v;
    }

    public static String getString(Map<String, Object> c, String key, String dflt) {
        Object v = c.get(key);
        return v == null ? dflt : v.toString();
    }

    /** Keras's snake_case of a class name: {@code MaxPooling2D -> max_pooling2d}, {@code GlorotUniform -> glorot_uniform}. */
    public static String snakeCase(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    /** An "unknown name" error listing the valid ones, as Keras does. */
    public static IllegalArgumentException unknown(String what, Object received, java.util.Collection<String> valid) {
        String[] sorted = valid.toArray(new String[0]);
        Arrays.sort(sorted);
        return new IllegalArgumentException("Could not interpret " + what + ": '" + received + "'. Valid names are: " + String.join(", ", sorted));
    }
}
