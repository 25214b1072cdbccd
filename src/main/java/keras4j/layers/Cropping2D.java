package keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Cropping2D(cropping=((0, 0), (0, 0)), data_format=None)}: removes rows and columns at the borders, {@code (batch, rows, cols, channels)} → {@code (batch, rows − top − bottom, cols − left − right, channels)} (channels_last).
 */
public final class Cropping2D extends BaseCropping<Cropping2D> {
    /** Keras's default: no cropping. */
    public Cropping2D() {
        this(0);
    }

    /** The same amount from every side. */
    public Cropping2D(int cropping) {
        this((Object) cropping);
    }

    /** Symmetric cropping: {@code height} rows from top and bottom, {@code width} columns from left and right. */
    public Cropping2D(int height, int width) {
        this((Object) List.of(height, width));
    }

    /** {@code {{top, bottom}, {left, right}}}. */
    public Cropping2D(int[][] cropping) {
        this((Object) cropping);
    }

    public static Cropping2D fromConfig(Map<String, Object> c) {
        Object v = c.get("cropping");
        return configure(new Cropping2D(v == null ? (Object) 0 : v), c);
    }

    private Cropping2D(Object cropping) {
        super(2, cropping);
    }
}
