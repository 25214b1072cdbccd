package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code GlobalAveragePooling2D(data_format=None, keepdims=False)}: the mean over the 2 spatial axis(es).
 * {@code (batch, *spatial, channels)} → {@code (batch, channels)} (channels_last; channels_first reads channels from axis 1).
 */
public final class GlobalAveragePooling2D extends BaseGlobalPooling<GlobalAveragePooling2D> {
    public GlobalAveragePooling2D() {
        super(2, false);
    }

    public static GlobalAveragePooling2D fromConfig(Map<String, Object> c) {
        return configure(new GlobalAveragePooling2D(), c);
    }
}
