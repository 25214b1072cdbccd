package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code GlobalAveragePooling3D(data_format=None, keepdims=False)}: the mean over the 3 spatial axis(es).
 * {@code (batch, *spatial, channels)} → {@code (batch, channels)} (channels_last; channels_first reads channels from axis 1).
 */
public final class GlobalAveragePooling3D extends BaseGlobalPooling<GlobalAveragePooling3D> {
    public GlobalAveragePooling3D() {
        super(3, false);
    }

    public static GlobalAveragePooling3D fromConfig(Map<String, Object> c) {
        return configure(new GlobalAveragePooling3D(), c);
    }
}
