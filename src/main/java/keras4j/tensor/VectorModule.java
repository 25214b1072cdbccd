package keras4j.tensor;

/**
 * Loads the classes written with the incubating Vector API ({@code jdk.incubator.vector}), which are only usable
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}. The library never links them
 * directly, so it runs unchanged without the module.
 */
final class VectorModule {
    private VectorModule() {}

    /** Whether the JVM resolved {@code jdk.incubator.vector}. */
    static boolean present() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * A new instance of {@code className} (a class of this package with a no-argument constructor) as {@code type},
     * or null when the module is absent or the class refuses this machine (its constructor throws, e.g. when the
     * preferred vector is too narrow to be useful): callers then use their plain-Java code.
     */
    static <T> T load(String className, Class<T> type) {
        if (!present()) return null;
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
