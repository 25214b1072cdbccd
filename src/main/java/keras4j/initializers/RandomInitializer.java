package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Rng;
import keras4j.utils.Config;
import keras4j.utils.Seeds;

/**
 * Base of the random initializers (Keras's {@code RandomInitializer}). With a seed, every call returns
 * the same tensor (Keras 3's behaviour for an integer seed); without one, each call draws a fresh seed
 * from {@link Seeds#next()}, so {@link Seeds#setRandomSeed} makes whole programs reproducible.
 * Values are always generated sequentially, so a seed gives bitwise-identical tensors on any thread count.
 */
public abstract class RandomInitializer extends Initializer {
    private final Long seed;

    protected RandomInitializer(Long seed) {
        this.seed = seed;
    }

    /** The seed given at construction, or null. */
    public Long seed() {
        return seed;
    }

    /** The random stream for one call. */
    protected Rng rng() {
        return new Rng(seed != null ? seed : Seeds.next());
    }

    /** {@code {"seed": seed}}, the first key of every random initializer's config. */
    @Override
    public Map<String, Object> getConfig() {
        return Config.of("seed", seed);
    }

    /** Reads {@code config["seed"]}: an integer, null, or a serialized {@code SeedGenerator} (its own seed is used). */
    static Long readSeed(Map<String, Object> config) {
        Object s = config.get("seed");
        if (s == null) return null;
        if (s instanceof Number n) return n.longValue();
        if (s instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> inner && inner.get("seed") instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("`seed` argument should be an integer or a serialized SeedGenerator. Received: seed=" + s);
    }
}
