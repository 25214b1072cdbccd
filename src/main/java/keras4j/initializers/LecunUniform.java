package keras4j.initializers;

/** LeCun uniform: U(-limit, limit), limit = sqrt(3 / fan_in) ({@code keras.initializers.LecunUniform(seed=None)}). */
public final class LecunUniform extends VarianceScaling.Preset {
    public LecunUniform(Long seed) {
        super(1.0, "fan_in", "uniform", seed);
    }

    public LecunUniform() {
        this(null);
    }
}
