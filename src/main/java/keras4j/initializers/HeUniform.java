package keras4j.initializers;

import java.util.Map;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.HeUniform(seed=None)} (name {@code "he_uniform"}): uniform on {@code [−limit, limit]} with {@code limit = √(6/fan_in)}.
 * It is {@code VarianceScaling(scale=2.0, mode="fan_in", distribution="uniform")} but serialises under its own
 * class name with config {@code {"seed"}}.
 */
public final class HeUniform extends VarianceScaling {
    public HeUniform() {
        this((Long) null);
    }

    public HeUniform(long seed) {
        this(Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public HeUniform(Long seed) {
        this(seed, null, null);
    }

    /** With Keras ≥ 3.15's {@code input_axes}/{@code output_axes} for the fans (see {@link VarianceScaling#computeFans(int[], int[], int[])}). */
    public HeUniform(Long seed, int[] inputAxes, int[] outputAxes) {
        super(2.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = Config.of("seed", seed());
        putAxes(c);
        return c;
    }

    public static HeUniform fromConfig(Map<String, Object> config) {
        return new HeUniform(readSeed(config), readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
