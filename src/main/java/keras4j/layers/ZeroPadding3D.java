package keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code ZeroPadding3D(padding=((1, 1), (1, 1), (1, 1)), data_format=None)}: zeros around the three spatial axes, {@code (batch, d1, d2, d3, channels)} → {@code (batch, d1 + pads, d2 + pads, d3 + pads, channels)} (channels_last).
 */
public final class ZeroPadding3D extends BaseZeroPadding<ZeroPadding3D> {
    /** Keras's default: one zero on every side. */
    public ZeroPadding3D() {
        this(1);
    }

    /** The same padding on every side. */
    public ZeroPadding3D(int padding) {
        this((Object) padding);
    }

    /** Symmetric padding per spatial axis. */
    public ZeroPadding3D(int dim1, int dim2, int dim3) {
        this((Object) List.of(dim1, dim2, dim3));
    }

    /** {@code {{before, after}, {before, after}, {before, after}}}. */
    public ZeroPadding3D(int[][] padding) {
        this((Object) padding);
    }

    public static ZeroPadding3D fromConfig(Map<String, Object> c) {
        Object v = c.get("padding");
        return configure(new ZeroPadding3D(v == null ? (Object) 1 : v), c);
    }

    private ZeroPadding3D(Object padding) {
        super(3, padding);
    }
}
