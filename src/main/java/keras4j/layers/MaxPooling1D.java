package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code MaxPooling1D(pool_size=2, strides=None, padding='valid', data_format=None)}: the maximum of each window
 * over 1 spatial axis(es). {@code (batch, *spatial, channels)} → {@code (batch, *pooled, channels)} for channels_last,
 * channels first when {@code dataFormat("channels_first")}; pooled sizes are {@code floor((L-k)/s)+1} (valid) or {@code ceil(L/s)} (same).
 */
public final class MaxPooling1D extends BasePooling<MaxPooling1D> {
    /** Keras's default {@code pool_size=2}. */
    public MaxPooling1D() {
        this(2);
    }

    /** {@code poolSize}: one size for every axis or one per axis; strides default to the pool size. */
    public MaxPooling1D(int... poolSize) {
        super(1, true, poolSize);
    }

    public static MaxPooling1D fromConfig(Map<String, Object> c) {
        return configure(new MaxPooling1D(poolSizeOf(c, new int[] {2}, "MaxPooling1D")), c);
    }
}
