package keras4j.layers;

import java.util.Map;

/**
 * Keras's {@code UpSampling3D(size=(2, 2, 2), data_format=None)}: repeats elements along the three spatial axes,
 * {@code (batch, d1, d2, d3, channels)} → {@code (batch, d1·s0, d2·s1, d3·s2, channels)} (channels_last).
 */
public final class UpSampling3D extends BaseUpSampling<UpSampling3D> {
    public UpSampling3D() {
        this(2, 2, 2);
    }

    /** One factor for every axis or one per axis. */
    public UpSampling3D(int... size) {
        super(3, size);
    }

    public UpSampling3D dataFormat(String dataFormat) {
        setDataFormat(dataFormat);
        return this;
    }

    public static UpSampling3D fromConfig(Map<String, Object> c) {
        int[] s = TupleArgs.ints(c.get("size"));
        UpSampling3D u = new UpSampling3D(s == null ? new int[] {2, 2, 2} : s);
        u.applyBaseConfig(c);
        if (c.get("data_format") != null) u.dataFormat((String) c.get("data_format"));
        return u;
    }
}
