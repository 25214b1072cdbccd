package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code UpSampling2D(size=(2, 2), data_format=None, interpolation="nearest")}: rows and columns grow by
 * {@code size}, {@code (batch, rows, cols, channels)} → {@code (batch, rows·s0, cols·s1, channels)} (channels_last).
 * {@code interpolation} is {@code "nearest"} (repeat) or {@code "bilinear"} (TensorFlow's half-pixel resize).
 */
public final class UpSampling2D extends BaseUpSampling<UpSampling2D> {
    public UpSampling2D() {
        this(2, 2);
    }

    /** One factor for both axes or one per axis. */
    public UpSampling2D(int... size) {
        super(2, size);
    }

    public UpSampling2D dataFormat(String dataFormat) {
        setDataFormat(dataFormat);
        return this;
    }

    public UpSampling2D interpolation(String interpolation) {
        setInterpolation(interpolation);
        return this;
    }

    public static UpSampling2D fromConfig(Map<String, Object> c) {
        int[] s = TupleArgs.ints(c.get("size"));
        UpSampling2D u = new UpSampling2D(s == null ? new int[] {2, 2} : s);
        u.applyBaseConfig(c);
        if (c.get("data_format") != null) u.dataFormat((String) c.get("data_format"));
        if (c.get("interpolation") != null) u.interpolation((String) c.get("interpolation"));
        return u;
    }
}
