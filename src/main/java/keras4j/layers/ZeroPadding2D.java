package keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code ZeroPadding2D(padding=(1, 1), data_format=None)}: zeros around the rows and columns, {@code (batch, rows, cols, channels)} → {@code (batch, rows + top + bottom, cols + left + right, channels)} (channels_last).
 */
public final class ZeroPadding2D extends BaseZeroPadding<ZeroPadding2D> {
    /** Keras's default: one zero on every side. */
    public ZeroPadding2D() {
        this(1);
    }

    /** The same padding on every side. */
    public ZeroPadding2D(int padding) {
        this((Object) padding);
    }

    /** Symmetric padding: {@code height} rows above and below, {@code width} columns left and right. */
    public ZeroPadding2D(int height, int width) {
        this((Object) List.of(height, width));
    }

    /** {@code {{top, bottom}, {left, right}}}. */
    public ZeroPadding2D(int[][] padding) {
        this((Object) padding);
    }

    public static ZeroPadding2D fromConfig(Map<String, Object> c) {
        Object v = c.get("padding");
        return configure(new ZeroPadding2D(v == null ? (Object) 1 : v), c);
    }

    private ZeroPadding2D(Object padding) {
        super(2, padding);
    }
}
