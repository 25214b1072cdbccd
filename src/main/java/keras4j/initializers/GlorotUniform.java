package keras4j.initializers;

/** Glorot (Xavier) uniform: U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)) ({@code keras.initializers.GlorotUniform(seed=None)}). */
public final class GlorotUniform extends VarianceScaling.Preset {
    public GlorotUniform(Long seed) {
        super(1.0, "fan_avg", "uniform", seed);
    }

    public GlorotUniform() {
        this(null);
    }
}
