package keras4j.layers;

import java.util.Map;
import java.util.function.Function;

/**
 * Layer classes that a package above {@code keras4j.layers} adds to {@link Layers} (the models: {@code Sequential},
 * {@code Functional}), found through {@link java.util.ServiceLoader} ({@code META-INF/services/keras4j.layers.LayerProvider})
 * when {@code Layers} loads, so configs naming them load without this package importing upward and without
 * depending on which class happened to load first.
 */
public interface LayerProvider {

    /** Keras class names and how each is rebuilt from its config. */
    Map<String, Function<Map<String, Object>, Layer>> layers();
}
