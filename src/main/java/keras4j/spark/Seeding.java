package keras4j.spark;

/** Seeds derived from the user's seed, so that every random choice depends only on the seed and the partitioning. */
final class Seeding {
    private Seeding() {}

    static final long VALIDATION = 0x5653L;
    static final long SHUFFLE = 0x5348L;

    /** SplitMix64's finalizer over the combined inputs: distinct, well-mixed seeds for (seed, purpose, a, b...). */
    static long mix(long seed, long... parts) {
        long h = seed;
        for (long p : parts) h = finish(h ^ finish(p + 0x9E3779B97F4A7C15L));
        return h;
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
