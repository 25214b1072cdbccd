package keras4j.regularizers;

import java.util.Map;
import keras4j.utils.Config;

/** {@code l2·Σx²} (no ½; {@code keras.regularizers.L2(l2=0.01)}, {@code "l2"}). */
public final class L2 extends L1L2 {
    public L2(double l2) {
        super(0, l2);
    }

    public L2() {
        this(0.01);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("l2", l2);
    }
}
