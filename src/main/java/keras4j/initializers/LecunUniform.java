package keras4j.initializers;

import java.util.Map;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.LecunUniform(seed=None)} (name {@code "lecun_uniform"}): uniform on {@code [−limit, limit]} with {@code limit = √(3/fan_in)}.
 * It is {@code VarianceScaling(scale=1.0, mode="fan_in", distribution="uniform")} but serialises under its own
 * class name with config {@code {"seed"}}.
 */
public final class LecunUniform extends VarianceScaling {
    public LecunUniform() {
        this((Long) null);
    }

    public LecunUniform(long seed) {
        this(Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public LecunUniform(Long seed) {
        this(seed, null, null);
    }

    /** With Keras ≥ 3.15's {@code input_axes}/{@code output_axes} for the fans (see {@link VarianceScaling#computeFans(int[], int[], int[])}). */
    public LecunUniform(Long seed, int[] inputAxes, int[] outputAxes) {
        super(1.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = Config.of("seed", seed());
        putAxes(c);
        return c;
    }

    public static LecunUniform fromConfig(Map<String, Object> config) {
        return new LecunUniform(readSeed(config), readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
