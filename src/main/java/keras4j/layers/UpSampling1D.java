package keras4j.layers;

import java.util.Map;

/** Keras's {@code UpSampling1D(size=2)}: repeats each step {@code size} times, {@code (batch, steps, features)} → {@code (batch, steps·size, features)}. */
public final class UpSampling1D extends BaseUpSampling<UpSampling1D> {
    public UpSampling1D() {
        this(2);
    }

    public UpSampling1D(int size) {
        super(1, new int[] {size});
    }

    public static UpSampling1D fromConfig(Map<String, Object> c) {
        int[] s = TupleArgs.ints(c.get("size"));
        UpSampling1D u = new UpSampling1D(s == null ? 2 : s[0]);
        u.applyBaseConfig(c);
        return u;
    }
}
