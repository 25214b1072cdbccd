package keras4j.initializers;

import java.util.Map;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.HeNormal(seed=None)} (name {@code "he_normal"}): truncated normal with {@code stddev = √(2/fan_in) / 0.87962566103423978}.
 * It is {@code VarianceScaling(scale=2.0, mode="fan_in", distribution="truncated_normal")} but serialises under its own
 * class name with config {@code {"seed"}}.
 */
public final class HeNormal extends VarianceScaling {
    public HeNormal() {
        this((Long) null);
    }

    public HeNormal(long seed) {
        this(Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public HeNormal(Long seed) {
        this(seed, null, null);
    }

    /** With Keras ≥ 3.15's {@code input_axes}/{@code output_axes} for the fans (see {@link VarianceScaling#computeFans(int[], int[], int[])}). */
    public HeNormal(Long seed, int[] inputAxes, int[] outputAxes) {
        super(2.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = Config.of("seed", seed());
        putAxes(c);
        return c;
    }

    public static HeNormal fromConfig(Map<String, Object> config) {
        return new HeNormal(readSeed(config), readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
