package keras4j.utils;

import keras4j.tensor.Rng;

/**
 * The global random source behind unseeded initializers, dropout and shuffling, like
 * {@code keras.utils.set_random_seed}. With a fixed global seed, a program makes the same
 * weights and batches on every run and every thread count.
 */
public final class Seeds {
    private Seeds() {}

    private static Rng global = new Rng(System.nanoTime());

    /** Seeds everything that is not given an explicit seed. */
    public static synchronized void setRandomSeed(long seed) {
        global = new Rng(seed);
    }

    /** A fresh seed from the global stream. */
    public static synchronized long next() {
        return global.nextLong();
    }
}
