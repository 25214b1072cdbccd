package keras4j.layers;

/**
 * Adds Keras's common layer options as fluent setters that return the concrete layer type, so
 * {@code new Dense(64).inputShape(784).activation("tanh")} reads like Keras's keyword arguments.
 *
 * @param <T> the concrete layer class
 */
public abstract class AbstractLayer<T extends AbstractLayer<T>> extends Layer {

    @SuppressWarnings("unchecked")
    protected final T self() {
        return (T) this;
    }

    /** Keras's {@code name=}. */
    public T name(String name) {
        setName(name);
        return self();
    }

    /** Keras's {@code trainable=}: a frozen layer's weights are not updated by training. */
    public T trainable(boolean trainable) {
        setTrainable(trainable);
        return self();
    }

    /** Keras's {@code input_shape=} (without the batch axis), used when this is the first layer of a Sequential. */
    public T inputShape(int... shape) {
        int[] batch = batchInputShape();
        int[] s = new int[shape.length + 1];
        s[0] = batch == null ? -1 : batch[0];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] <= 0 && shape[i] != -1) {
                throw new IllegalArgumentException(className() + ": input_shape dimensions must be positive (or -1 for None). Received: input_shape=" + formatShape(shape));
            }
            s[i + 1] = shape[i];
        }
        setBatchInputShape(s);
        return self();
    }

    /** Keras 2's {@code input_dim=n}, the same as {@code inputShape(n)}. */
    public T inputDim(int dim) {
        return inputShape(dim);
    }

    /** Keras's {@code batch_size=}, fixing the batch axis of the input shape. */
    public T batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException(className() + ": batch_size must be positive. Received: batch_size=" + batchSize);
        int[] b = batchInputShape();
        if (b == null) b = new int[] {batchSize};
        else b[0] = batchSize;
        setBatchInputShape(b);
        return self();
    }

    /** Keras's {@code activity_regularizer=}: a penalty on the layer's output, divided by the batch size. */
    public T activityRegularizer(Object regularizer) {
        keras4j.regularizers.Regularizer r = keras4j.regularizers.Regularizers.get(regularizer);
        setActivityRegularizer(r == null ? null : r::call, r);
        return self();
    }

    /** Keras's {@code batch_input_shape=} (with the batch axis, -1 for None). */
    public T batchInputShape(int... shape) {
        setBatchInputShape(shape);
        return self();
    }
}
