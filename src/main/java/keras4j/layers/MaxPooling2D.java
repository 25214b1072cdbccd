package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid', data_format=None)}: the maximum of each window
 * over 2 spatial axis(es). {@code (batch, *spatial, channels)} → {@code (batch, *pooled, channels)} for channels_last,
 * channels first when {@code dataFormat("channels_first")}; pooled sizes are {@code floor((L-k)/s)+1} (valid) or {@code ceil(L/s)} (same).
 */
public final class MaxPooling2D extends BasePooling<MaxPooling2D> {
    /** Keras's default {@code pool_size=(2, 2)}. */
    public MaxPooling2D() {
        this(2, 2);
    }

    /** {@code poolSize}: one size for every axis or one per axis; strides default to the pool size. */
    public MaxPooling2D(int... poolSize) {
        super(2, true, poolSize);
    }

    public static MaxPooling2D fromConfig(Map<String, Object> c) {
        return configure(new MaxPooling2D(poolSizeOf(c, new int[] {2, 2}, "MaxPooling2D")), c);
    }
}
