package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code GlobalMaxPooling3D(data_format=None, keepdims=False)}: the maximum over the 3 spatial axis(es).
 * {@code (batch, *spatial, channels)} → {@code (batch, channels)} (channels_last; channels_first reads channels from axis 1).
 */
public final class GlobalMaxPooling3D extends BaseGlobalPooling<GlobalMaxPooling3D> {
    public GlobalMaxPooling3D() {
        super(3, true);
    }

    public static GlobalMaxPooling3D fromConfig(Map<String, Object> c) {
        return configure(new GlobalMaxPooling3D(), c);
    }
}
