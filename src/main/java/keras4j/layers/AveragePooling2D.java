package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code AveragePooling2D(pool_size, strides=None, padding='valid', data_format=None)}: the mean of the valid (non-padded) elements of each window
 * over 2 spatial axis(es). {@code (batch, *spatial, channels)} → {@code (batch, *pooled, channels)} for channels_last,
 * channels first when {@code dataFormat("channels_first")}; pooled sizes are {@code floor((L-k)/s)+1} (valid) or {@code ceil(L/s)} (same).
 */
public final class AveragePooling2D extends BasePooling<AveragePooling2D> {
    /** {@code poolSize}: one size for every axis or one per axis; strides default to the pool size. */
    public AveragePooling2D(int... poolSize) {
        super(2, false, poolSize);
    }

    public static AveragePooling2D fromConfig(Map<String, Object> c) {
        return configure(new AveragePooling2D(poolSizeOf(c, null, "AveragePooling2D")), c);
    }
}
