package keras4j.initializers;

import java.util.Map;
import java.util.Set;
import keras4j.utils.ObjectRegistry;

/**
 * Looks initializers up by Keras identifier, like {@code keras.initializers.get}: class names
 * ({@code "GlorotUniform"}), their snake_case ({@code "glorot_uniform"}) and Keras's aliases
 * ({@code "uniform"}, {@code "normal"}, {@code "zero"}, {@code "one"}, {@code "IdentityInitializer"},
 * {@code "OrthogonalInitializer"}), serialized maps (Keras 3 with {@code module}, or Keras 2 without),
 * and initializer objects.
 */
public final class Initializers {
    private Initializers() {}

    private static final ObjectRegistry<Initializer> REGISTRY = new ObjectRegistry<>("initializer", Initializer.class);

    static {
        REGISTRY.add("Constant", Constant::fromConfig);
        REGISTRY.add("Identity", Identity::fromConfig);
        REGISTRY.add("Ones", Ones::fromConfig);
        REGISTRY.add("Zeros", Zeros::fromConfig);
        REGISTRY.add("GlorotNormal", GlorotNormal::fromConfig);
        REGISTRY.add("GlorotUniform", GlorotUniform::fromConfig);
        REGISTRY.add("HeNormal", HeNormal::fromConfig);
        REGISTRY.add("HeUniform", HeUniform::fromConfig);
        REGISTRY.add("LecunNormal", LecunNormal::fromConfig);
        REGISTRY.add("LecunUniform", LecunUniform::fromConfig);
        REGISTRY.add("Orthogonal", Orthogonal::fromConfig);
        REGISTRY.add("RandomNormal", RandomNormal::fromConfig);
        REGISTRY.add("RandomUniform", RandomUniform::fromConfig);
        REGISTRY.add("TruncatedNormal", TruncatedNormal::fromConfig);
        REGISTRY.add("VarianceScaling", VarianceScaling::fromConfig);
        REGISTRY.alias("IdentityInitializer", "Identity");
        REGISTRY.alias("normal", "RandomNormal");
        REGISTRY.alias("one", "Ones");
        REGISTRY.alias("OrthogonalInitializer", "Orthogonal");
        REGISTRY.alias("uniform", "RandomUniform");
        REGISTRY.alias("zero", "Zeros");
    }

    /**
     * The initializer for an identifier: a name (a new instance with Keras's defaults), a serialized
     * map {@code {"class_name", "config"}}, or an {@link Initializer} (returned as is); null gives null.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Initializer get(Object identifier) {
        return REGISTRY.get(identifier);
    }

    /** Keras's {@code initializers.serialize}: {@code {"module", "class_name", "config", "registered_name"}}. */
    public static Map<String, Object> serialize(Initializer initializer) {
        return initializer.serialize();
    }

    /** Keras's {@code initializers.deserialize} of {@code {"class_name": ..., "config": {...}}} (module optional). */
    public static Initializer deserialize(Map<String, Object> serialized) {
        return REGISTRY.deserialize(serialized);
    }

    /** The initializer of a class name (or alias) built from its config; absent keys take Keras's defaults. */
    public static Initializer fromConfig(String className, Map<String, Object> config) {
        return REGISTRY.fromConfig(className, config);
    }

    /** Every name {@link #get} accepts, sorted. */
    public static Set<String> names() {
        return REGISTRY.names();
    }
}
