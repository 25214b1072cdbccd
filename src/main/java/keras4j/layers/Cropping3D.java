package keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Cropping3D(cropping=((1, 1), (1, 1), (1, 1)), data_format=None)}: removes elements at the borders of the three spatial axes (channels_last {@code (batch, d1, d2, d3, channels)}).
 */
public final class Cropping3D extends BaseCropping<Cropping3D> {
    /** Keras's default: one element from each side of every spatial axis. */
    public Cropping3D() {
        this(1);
    }

    /** The same amount from every side. */
    public Cropping3D(int cropping) {
        this((Object) cropping);
    }

    /** Symmetric cropping per spatial axis. */
    public Cropping3D(int dim1, int dim2, int dim3) {
        this((Object) List.of(dim1, dim2, dim3));
    }

    /** {@code {{before, after}, {before, after}, {before, after}}}. */
    public Cropping3D(int[][] cropping) {
        this((Object) cropping);
    }

    public static Cropping3D fromConfig(Map<String, Object> c) {
        Object v = c.get("cropping");
        return configure(new Cropping3D(v == null ? (Object) 1 : v), c);
    }

    private Cropping3D(Object cropping) {
        super(3, cropping);
    }
}
