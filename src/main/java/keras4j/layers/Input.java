package keras4j.layers;


/**
 * Keras's {@code keras.Input}: makes an {@link InputLayer} and returns its symbolic tensor.
 * <pre>{@code
 * KerasTensor x = Input.of(28, 28, 1);             // shape (None, 28, 28, 1)
 * KerasTensor t = Input.of("tokens", 100);        // named
 * KerasTensor b = Input.batchShape(32, 10);        // fixed batch size 32
 * }</pre>
 */
public final class Input {
    private Input() {}

    /** A symbolic input for samples of {@code shape} (no batch axis). */
    public static KerasTensor of(int... shape) {
        return new InputLayer(shape).output();
    }

    /** A named symbolic input. */
    public static KerasTensor of(String name, int... shape) {
        return new InputLayer(name, InputLayer.withBatch(-1, shape)).output();
    }

    /** A symbolic input with a fixed batch size. */
    public static KerasTensor of(int batchSize, String name, int... shape) {
        return new InputLayer(name, InputLayer.withBatch(batchSize, shape)).output();
    }

    /** A symbolic input from a full batch shape (batch axis first, -1 for None). */
    public static KerasTensor batchShape(int... batchShape) {
        return new InputLayer(null, batchShape).output();
    }
}
