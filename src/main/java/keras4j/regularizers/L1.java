package keras4j.regularizers;

import java.util.Map;
import keras4j.utils.Config;

/** {@code l1·Σ|x|} ({@code keras.regularizers.L1(l1=0.01)}, {@code "l1"}). */
public final class L1 extends L1L2 {
    public L1(double l1) {
        super(l1, 0);
    }

    public L1() {
        this(0.01);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("l1", l1);
    }
}
