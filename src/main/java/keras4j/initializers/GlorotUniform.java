package keras4j.initializers;

import java.util.Map;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.GlorotUniform(seed=None)} (name {@code "glorot_uniform"}): uniform on {@code [−limit, limit]} with {@code limit = √(6/(fan_in + fan_out))}.
 * It is {@code VarianceScaling(scale=1.0, mode="fan_avg", distribution="uniform")} but serialises under its own
 * class name with config {@code {"seed"}}.
 */
public final class GlorotUniform extends VarianceScaling {
    public GlorotUniform() {
        this((Long) null);
    }

    public GlorotUniform(long seed) {
        this(Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public GlorotUniform(Long seed) {
        this(seed, null, null);
    }

    /** With Keras ≥ 3.15's {@code input_axes}/{@code output_axes} for the fans (see {@link VarianceScaling#computeFans(int[], int[], int[])}). */
    public GlorotUniform(Long seed, int[] inputAxes, int[] outputAxes) {
        super(1.0, "fan_avg", "uniform", seed, inputAxes, outputAxes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = Config.of("seed", seed());
        putAxes(c);
        return c;
    }

    public static GlorotUniform fromConfig(Map<String, Object> config) {
        return new GlorotUniform(readSeed(config), readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
