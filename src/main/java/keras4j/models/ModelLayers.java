package keras4j.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import keras4j.layers.Layer;
import keras4j.layers.LayerProvider;

/** The models as layer classes of {@link keras4j.layers.Layers}: a config may nest a {@code Sequential} or a functional model. */
public final class ModelLayers implements LayerProvider {

    @Override
    public Map<String, Function<Map<String, Object>, Layer>> layers() {
        Map<String, Function<Map<String, Object>, Layer>> m = new LinkedHashMap<>();
        m.put("Functional", FunctionalConfig::fromConfig);
        m.put("Model", FunctionalConfig::fromConfig);
        m.put("Sequential", Sequential::fromConfig);
        return m;
    }
}
