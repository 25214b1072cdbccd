package keras4j.layers;

import java.util.List;
import java.util.Map;

/**
 * Keras's {@code Cropping1D(cropping=(1, 1))}: removes elements at the start and end of the steps axis, {@code (batch, steps, features)} → {@code (batch, steps − before − after, features)}.
 */
public final class Cropping1D extends BaseCropping<Cropping1D> {
    /** Keras's default: one step from each end. */
    public Cropping1D() {
        this(1, 1);
    }

    /** The same amount from both ends. */
    public Cropping1D(int cropping) {
        this((Object) cropping);
    }

    /** {@code before} steps from the start, {@code after} from the end. */
    public Cropping1D(int before, int after) {
        this((Object) List.of(before, after));
    }

    public static Cropping1D fromConfig(Map<String, Object> c) {
        Object v = c.get("cropping");
        return configure(new Cropping1D(v == null ? (Object) List.of(1, 1) : v), c);
    }

    private Cropping1D(Object cropping) {
        super(1, cropping);
    }
}
