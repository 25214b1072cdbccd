package keras4j.initializers;

import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.tensor.Rng;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/** Base of the seeded initializers: draws values sequentially from one seed, so results never depend on threads. */
abstract class RandomInitializer extends Initializer {
    final Long seed;

    RandomInitializer(Long seed) {
        this.seed = seed;
    }

    Rng rng() {
        return new Rng(seed != null ? seed : Seeds.next());
    }

    /** Fills a new tensor with {@code n} values from {@code draw}. */
    static Tensor fill(int[] shape, java.util.function.DoubleSupplier draw) {
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) draw.getAsDouble();
        return Tensor.wrap(d, shape);
    }

    /** Normal samples beyond two standard deviations are re-drawn (TensorFlow's truncated normal). */
    static double truncated(Rng rng) {
        double v;
        do {
            v = rng.nextGaussian();
        } while (Math.abs(v) > 2);
        return v;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seed", seed);
        return c;
    }
}
