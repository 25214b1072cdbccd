package keras4j.initializers;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.initializers.VarianceScaling(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None)}.
 * With {@code n} = fan_in, fan_out or (fan_in + fan_out)/2 by {@code mode} (at least 1, fans from
 * {@link #computeFans}) and {@code s = scale/n}:
 * <ul>
 *   <li>{@code "truncated_normal"} (also accepted as {@code "normal"}): truncated normal with
 *       {@code stddev = √s / 0.87962566103423978} (so the truncated samples have variance s);</li>
 *   <li>{@code "untruncated_normal"}: normal with {@code stddev = √s};</li>
 *   <li>{@code "uniform"}: uniform on {@code [−√(3s), √(3s)]}.</li>
 * </ul>
 * Config {@code {"seed", "scale", "mode", "distribution"}}; {@code input_axes}/{@code output_axes}
 * (Keras ≥ 3.15) are read, and written only when set.
 */
public class VarianceScaling extends RandomInitializer {
    private static final Set<String> MODES = Set.of("fan_in", "fan_out", "fan_avg");
    private static final Set<String> DISTRIBUTIONS = Set.of("uniform", "truncated_normal", "untruncated_normal");

    private final double scale;
    private final String mode;
    private final String distribution;
    private final int[] inputAxes;
    private final int[] outputAxes;

    public VarianceScaling() {
        this(1.0, "fan_in", "truncated_normal", (Long) null);
    }

    public VarianceScaling(double scale, String mode, String distribution) {
        this(scale, mode, distribution, (Long) null);
    }

    public VarianceScaling(double scale, String mode, String distribution, long seed) {
        this(scale, mode, distribution, Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public VarianceScaling(double scale, String mode, String distribution, Long seed) {
        this(scale, mode, distribution, seed, null, null);
    }

    /**
     * @param inputAxes  axes whose sizes multiply to fan_in (with {@code outputAxes}; both null for the default rule)
     * @param outputAxes axes whose sizes multiply to fan_out
     */
    public VarianceScaling(double scale, String mode, String distribution, Long seed, int[] inputAxes, int[] outputAxes) {
        super(seed);
        if (!(scale > 0.0)) throw new IllegalArgumentException("Argument `scale` must be positive float. Received: scale=" + scale);
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("Invalid `mode` argument: " + mode + ". Please use one of [fan_avg, fan_in, fan_out]");
        }
        String dist = distribution.toLowerCase(Locale.ROOT);
        if (dist.equals("normal")) dist = "truncated_normal";
        if (!DISTRIBUTIONS.contains(dist)) {
            throw new IllegalArgumentException("Invalid `distribution` argument: " + distribution
                    + ". Please use one of [truncated_normal, uniform, untruncated_normal]");
        }
        this.scale = scale;
        this.mode = mode;
        this.distribution = dist;
        this.inputAxes = inputAxes == null ? null : inputAxes.clone();
        this.outputAxes = outputAxes == null ? null : outputAxes.clone();
    }

    public double scale() {
        return scale;
    }

    public String mode() {
        return mode;
    }

    public String distribution() {
        return distribution;
    }

    /** Fan-in and fan-out of a weight shape, as Keras's {@code compute_fans}. */
    public record Fans(long fanIn, long fanOut) {}

    /**
     * Keras's {@code compute_fans(shape)}: rank 0 → (1, 1); rank 1 → (n, n); rank 2 → (shape[0], shape[1]);
     * rank ≥ 3 (conv kernels {@code (*kernel, in, out)}) → {@code (in·r, out·r)} with {@code r = Π shape[:-2]}.
     */
    public static Fans computeFans(int... shape) {
        return computeFans(shape, null, null);
    }

    /** {@code compute_fans(shape, input_axes, output_axes)}: with both axis lists, the products of those axes' sizes. */
    public static Fans computeFans(int[] shape, int[] inputAxes, int[] outputAxes) {
        if (inputAxes != null && outputAxes != null) {
            long in = 1, out = 1;
            for (int a : inputAxes) in *= shape[a < 0 ? a + shape.length : a];
            for (int a : outputAxes) out *= shape[a < 0 ? a + shape.length : a];
            return new Fans(in, out);
        }
        int r = shape.length;
        if (r == 0) return new Fans(1, 1);
        if (r == 1) return new Fans(shape[0], shape[0]);
        if (r == 2) return new Fans(shape[0], shape[1]);
        long receptive = 1;
        for (int i = 0; i < r - 2; i++) receptive *= shape[i];
        return new Fans(shape[r - 2] * receptive, shape[r - 1] * receptive);
    }

    @Override
    public Tensor call(int... shape) {
        Fans fans = computeFans(shape, inputAxes, outputAxes);
        double n = switch (mode) {
            case "fan_in" -> fans.fanIn();
            case "fan_out" -> fans.fanOut();
            default -> (fans.fanIn() + fans.fanOut()) / 2.0;
        };
        double s = scale / Math.max(1.0, n);
        return switch (distribution) {
            case "truncated_normal" -> Sampling.truncatedNormal(rng(), 0.0, Math.sqrt(s) / Sampling.TRUNCATED_STDDEV, shape);
            case "untruncated_normal" -> Sampling.normal(rng(), 0.0, Math.sqrt(s), shape);
            default -> {
                double limit = Math.sqrt(3.0 * s);
                yield Sampling.uniform(rng(), -limit, limit, shape);
            }
        };
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("scale", scale);
        c.put("mode", mode);
        c.put("distribution", distribution);
        putAxes(c);
        return c;
    }

    /** Adds {@code input_axes}/{@code output_axes} when they were given. */
    void putAxes(Map<String, Object> c) {
        if (inputAxes != null || outputAxes != null) {
            c.put("input_axes", inputAxes == null ? null : Config.ints(inputAxes));
            c.put("output_axes", outputAxes == null ? null : Config.ints(outputAxes));
        }
    }

    static int[] readAxes(Map<String, Object> config, String key) {
        return Config.toInts(config.get(key));
    }

    public static VarianceScaling fromConfig(Map<String, Object> config) {
        return new VarianceScaling(Config.getDouble(config, "scale", 1.0), Config.getString(config, "mode", "fan_in"),
                Config.getString(config, "distribution", "truncated_normal"), readSeed(config),
                readAxes(config, "input_axes"), readAxes(config, "output_axes"));
    }
}
