package keras4j.initializers;

/** LeCun normal: truncated normal, stddev = sqrt(1 / fan_in) ({@code keras.initializers.LecunNormal(seed=None)}). */
public final class LecunNormal extends VarianceScaling.Preset {
    public LecunNormal(Long seed) {
        super(1.0, "fan_in", "truncated_normal", seed);
    }

    public LecunNormal() {
        this(null);
    }
}
