package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;

/** Uniform samples in [minval, maxval) ({@code keras.initializers.RandomUniform(minval=-0.05, maxval=0.05, seed=None)}). */
public final class RandomUniform extends RandomInitializer {
    private final double minval;
    private final double maxval;

    public RandomUniform(double minval, double maxval, Long seed) {
        super(seed);
        this.minval = minval;
        this.maxval = maxval;
    }

    public RandomUniform() {
        this(-0.05, 0.05, null);
    }

    @Override
    public Tensor call(int... shape) {
        Rng rng = rng();
        return fill(shape, () -> minval + (maxval - minval) * rng.nextDouble());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("minval", minval);
        c.put("maxval", maxval);
        c.put("seed", seed);
        return c;
    }
}
