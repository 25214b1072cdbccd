package keras4j.initializers;

import java.util.Map;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.LecunNormal(seed=None)} (name {@code "lecun_normal"}): truncated normal with {@code stddev = √(1/fan_in) / 0.87962566103423978}.
 * It is {@code VarianceScaling(scale=1.0, mode="fan_in", distribution="truncated_normal")} but serialises under its own
 * class name with config {@code {"seed"}}.
 */
public final class LecunNormal extends VarianceScaling {
    public LecunNormal() {
        this((Long) null);
    }

    public LecunNormal(long seed) {
        this(Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public LecunNormal(Long seed) {
        this(seed, null, null);
    }

    /** With Keras ≥ 3.15's {@code input_axes}/{@code output_axes} for the fans (see {@link VarianceScaling#computeFans(int[], int[], int[])}). */
    public LecunNormal(Long seed, int[] inputAxes, int[] outputAxes) {
        super(1.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = Config.of("seed", seed());
        putAxes(c);
        return c;
    }

    public static LecunNormal fromConfig(Map<String, Object> config) {
        return new LecunNormal(readSeed(config), readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
