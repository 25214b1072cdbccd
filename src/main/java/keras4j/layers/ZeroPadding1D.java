package keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code ZeroPadding1D(padding=1, data_format=None)}: zeros before and after the steps axis, {@code (batch, steps, features)} → {@code (batch, steps + before + after, features)}.
 */
public final class ZeroPadding1D extends BaseZeroPadding<ZeroPadding1D> {
    /** Keras's default: one zero on each side. */
    public ZeroPadding1D() {
        this(1);
    }

    /** The same padding on both sides. */
    public ZeroPadding1D(int padding) {
        this((Object) padding);
    }

    /** {@code (before, after)} zeros. */
    public ZeroPadding1D(int before, int after) {
        this((Object) List.of(before, after));
    }

    public static ZeroPadding1D fromConfig(Map<String, Object> c) {
        Object v = c.get("padding");
        return configure(new ZeroPadding1D(v == null ? (Object) 1 : v), c);
    }

    private ZeroPadding1D(Object padding) {
        super(1, padding);
    }
}
