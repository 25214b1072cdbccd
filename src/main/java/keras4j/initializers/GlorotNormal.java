package keras4j.initializers;

import java.util.Map;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.GlorotNormal(seed=None)} (name {@code "glorot_normal"}): truncated normal with {@code stddev = √(2/(fan_in + fan_out)) / 0.87962566103423978}.
 * It is {@code VarianceScaling(scale=1.0, mode="fan_avg", distribution="truncated_normal")} but serialises under its own
 * class name with config {@code {"seed"}}.
 */
public final class GlorotNormal extends VarianceScaling {
    public GlorotNormal() {
        this((Long) null);
    }

    public GlorotNormal(long seed) {
        this(Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public GlorotNormal(Long seed) {
        this(seed, null, null);
    }

    /** With Keras ≥ 3.15's {@code input_axes}/{@code output_axes} for the fans (see {@link VarianceScaling#computeFans(int[], int[], int[])}). */
    public GlorotNormal(Long seed, int[] inputAxes, int[] outputAxes) {
        super(1.0, "fan_avg", "truncated_normal", seed, inputAxes, outputAxes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = Config.of("seed", seed());
        putAxes(c);
        return c;
    }

    public static GlorotNormal fromConfig(Map<String, Object> config) {
        return new GlorotNormal(readSeed(config), readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
