package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code MaxPooling3D(pool_size=(2, 2, 2), strides=None, padding='valid', data_format=None)}: the maximum of each window
 * over 3 spatial axis(es). {@code (batch, *spatial, channels)} → {@code (batch, *pooled, channels)} for channels_last,
 * channels first when {@code dataFormat("channels_first")}; pooled sizes are {@code floor((L-k)/s)+1} (valid) or {@code ceil(L/s)} (same).
 */
public final class MaxPooling3D extends BasePooling<MaxPooling3D> {
    /** Keras's default {@code pool_size=(2, 2, 2)}. */
    public MaxPooling3D() {
        this(2, 2, 2);
    }

    /** {@code poolSize}: one size for every axis or one per axis; strides default to the pool size. */
    public MaxPooling3D(int... poolSize) {
        super(3, true, poolSize);
    }

    public static MaxPooling3D fromConfig(Map<String, Object> c) {
        return configure(new MaxPooling3D(poolSizeOf(c, new int[] {2, 2, 2}, "MaxPooling3D")), c);
    }
}
