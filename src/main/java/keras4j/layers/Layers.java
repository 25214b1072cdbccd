package keras4j.layers;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import keras4j.utils.Config;
import keras4j.utils.ObjectRegistry;

/**
 * The registry from Keras class names to layers: {@link #deserialize} rebuilds a layer from Keras's
 * serialized form ({@code {"class_name": "Dense", "config": {...}}}); {@link #register} adds custom layers.
 */
public final class Layers {
    private Layers() {}

    private static final ObjectRegistry<Layer> REGISTRY = new ObjectRegistry<>("layer", Layer.class);

    static {
        register("InputLayer", InputLayer::fromConfig);
        BuiltinLayers.registerAll();
        // Layer classes of the packages above (the models) come through the service loader, not by class-loading order.
        for (LayerProvider p : ServiceLoader.load(LayerProvider.class, Layers.class.getClassLoader())) p.layers().forEach(Layers::register);
    }

    /** Makes {@code className} loadable from configs (also how custom Java layers are registered). */
    public static void register(String className, Function<Map<String, Object>, Layer> fromConfig) {
        REGISTRY.addName(className, fromConfig);
    }

    /** The class names {@link #deserialize} rebuilds (built-in and registered layers, and the models). */
    public static Set<String> registeredNames() {
        return Set.copyOf(REGISTRY.registered());
    }

    /** Rebuilds a layer from {@code {"class_name", "config"}} (Keras 3 or Keras 2 form). */
    @SuppressWarnings("unchecked")
    public static Layer deserialize(Map<String, Object> serialized) {
        String className = (String) serialized.get("class_name");
        Object config = serialized.get("config");
        if (className == null || !(config instanceof Map)) {
            throw new IllegalArgumentException("A serialized layer needs \"class_name\" and a \"config\" object; received keys " + serialized.keySet());
        }
        Function<Map<String, Object>, Layer> f = REGISTRY.find(className);
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
