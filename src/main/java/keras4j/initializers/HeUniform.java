package keras4j.initializers;

/** He uniform: U(-limit, limit), limit = sqrt(6 / fan_in) ({@code keras.initializers.HeUniform(seed=None)}). */
public final class HeUniform extends VarianceScaling.Preset {
    public HeUniform(Long seed) {
        super(2.0, "fan_in", "uniform", seed);
    }

    public HeUniform() {
        this(null);
    }
}
