package keras4j.layers;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import keras4j.utils.Config;

/**
 * The registry from Keras class names to layers: {@link #deserialize} rebuilds a layer from Keras's
 * serialized form ({@code {"class_name": "Dense", "config": {...}}}); {@link #register} adds custom layers.
 */
public final class Layers {
    private Layers() {}

    private static final Map<String, Function<Map<String, Object>, Layer>> FACTORIES = new TreeMap<>();

    static {
        register("InputLayer", InputLayer::fromConfig);
        BuiltinLayers.registerAll();
    }

    /** Makes {@code className} loadable from configs (also how custom Java layers are registered). */
    public static synchronized void register(String className, Function<Map<String, Object>, Layer> fromConfig) {
        FACTORIES.put(className, fromConfig);
    }

    public static synchronized Set<String> registeredNames() {
        return Set.copyOf(FACTORIES.keySet());
    }

    /** Rebuilds a layer from {@code {"class_name", "config"}} (Keras 3 or Keras 2 form). */
    @SuppressWarnings("unchecked")
    public static Layer deserialize(Map<String, Object> serialized) {
        String className = (String) serialized.get("class_name");
        Object config = serialized.get("config");
        if (className == null || !(config instanceof Map)) {
            throw new IllegalArgumentException("A serialized layer needs \"class_name\" and a \"config\" object; received keys " + serialized.keySet());
        }
        Function<Map<String, Object>, Layer> f;
        synchronized (Layers.class) {
            f = FACTORIES.get(className);
        }
        if (f == null) {
            throw new IllegalArgumentException("Unknown layer: '" + className + "'. Please ensure you are using a keras4j layer or register your custom layer with Layers.register. Supported layers: "
                    + String.join(", ", registeredNames().stream().sorted().toList()));
        }
        return f.apply((Map<String, Object>) config);
    }

    /** Rebuilds a layer from its class name and config. */
    public static Layer fromConfig(String className, Map<String, Object> config) {
        return deserialize(Config.of("class_name", className, "config", config));
    }
}
