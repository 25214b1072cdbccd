package keras4j.initializers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code VarianceScaling(scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None)}:
 * with {@code n = max(1, fan)} for the mode's fan, {@code truncated_normal} draws from a normal with
 * {@code stddev = sqrt(scale/n) / 0.87962566103423978} truncated at two deviations, {@code untruncated_normal}
 * from {@code N(0, scale/n)}, {@code uniform} from {@code U(-sqrt(3·scale/n), +sqrt(3·scale/n))}.
 * The Glorot, He and LeCun initializers are presets.
 */
public class VarianceScaling extends RandomInitializer {
    private static final List<String> MODES = List.of("fan_in", "fan_out", "fan_avg");
    private static final List<String> DISTRIBUTIONS = List.of("truncated_normal", "untruncated_normal", "uniform");

    private final double scale;
    private final String mode;
    private final String distribution;

    public VarianceScaling(double scale, String mode, String distribution, Long seed) {
        super(seed);
        if (!(scale > 0)) throw new IllegalArgumentException("Argument `scale` must be positive float. Received: scale=" + scale);
        String dist = distribution.equals("normal") ? "truncated_normal" : distribution;
        if (!MODES.contains(mode)) throw new IllegalArgumentException("Invalid `mode` argument: " + mode + ". Expected one of " + MODES);
        if (!DISTRIBUTIONS.contains(dist)) {
            throw new IllegalArgumentException("Invalid `distribution` argument: " + distribution + ". Expected one of " + DISTRIBUTIONS);
        }
        this.scale = scale;
        this.mode = mode;
        this.distribution = dist;
    }

    public VarianceScaling() {
        this(1.0, "fan_in", "truncated_normal", null);
    }

    @Override
    public Tensor call(int... shape) {
        double[] fans = computeFans(shape);
        double n = switch (mode) {
            case "fan_in" -> fans[0];
            case "fan_out" -> fans[1];
            default -> (fans[0] + fans[1]) / 2;
        };
        double s = scale / Math.max(1.0, n);
        Rng rng = rng();
        switch (distribution) {
            case "truncated_normal": {
                double stddev = Math.sqrt(s) / 0.87962566103423978;
                return fill(shape, () -> stddev * truncated(rng));
            }
            case "untruncated_normal": {
                double stddev = Math.sqrt(s);
                return fill(shape, () -> stddev * rng.nextGaussian());
            }
            default: {
                double limit = Math.sqrt(3.0 * s);
                return fill(shape, () -> -limit + 2 * limit * rng.nextDouble());
            }
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("scale", scale);
        c.put("mode", mode);
        c.put("distribution", distribution);
        c.put("seed", seed);
        return c;
    }

    /** Presets serialise with their own class name and only their seed, as Keras does. */
    abstract static class Preset extends VarianceScaling {
        Preset(double scale, String mode, String distribution, Long seed) {
            super(scale, mode, distribution, seed);
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("seed", seed);
            return c;
        }
    }
}
