package keras4j.layers;

/** Registers keras4j's built-in layers with {@link Layers}; one line per layer class. */
final class BuiltinLayers {
    private BuiltinLayers() {}

    static void registerAll() {
    }
}
