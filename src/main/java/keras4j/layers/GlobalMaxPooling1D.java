package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code GlobalMaxPooling1D(data_format=None, keepdims=False)}: the maximum over the 1 spatial axis(es).
 * {@code (batch, *spatial, channels)} → {@code (batch, channels)} (channels_last; channels_first reads channels from axis 1).
 */
public final class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {
    public GlobalMaxPooling1D() {
        super(1, true);
    }

    public static GlobalMaxPooling1D fromConfig(Map<String, Object> c) {
        return configure(new GlobalMaxPooling1D(), c);
    }
}
