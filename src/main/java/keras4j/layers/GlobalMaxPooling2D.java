package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code GlobalMaxPooling2D(data_format=None, keepdims=False)}: the maximum over the 2 spatial axis(es).
 * {@code (batch, *spatial, channels)} → {@code (batch, channels)} (channels_last; channels_first reads channels from axis 1).
 */
public final class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {
    public GlobalMaxPooling2D() {
        super(2, true);
    }

    public static GlobalMaxPooling2D fromConfig(Map<String, Object> c) {
        return configure(new GlobalMaxPooling2D(), c);
    }
}
