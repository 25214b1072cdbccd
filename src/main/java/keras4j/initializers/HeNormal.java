package keras4j.initializers;

/** He normal: truncated normal, stddev = sqrt(2 / fan_in) ({@code keras.initializers.HeNormal(seed=None)}). */
public final class HeNormal extends VarianceScaling.Preset {
    public HeNormal(Long seed) {
        super(2.0, "fan_in", "truncated_normal", seed);
    }

    public HeNormal() {
        this(null);
    }
}
