package keras4j.initializers;

/** Glorot (Xavier) normal: truncated normal, stddev = sqrt(2 / (fan_in + fan_out)) ({@code keras.initializers.GlorotNormal(seed=None)}). */
public final class GlorotNormal extends VarianceScaling.Preset {
    public GlorotNormal(Long seed) {
        super(1.0, "fan_avg", "truncated_normal", seed);
    }

    public GlorotNormal() {
        this(null);
    }
}
