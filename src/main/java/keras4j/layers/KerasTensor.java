package keras4j.layers;

import keras4j.tensor.Shape;

/**
 * A symbolic tensor: a shape (batch axis first, -1 for unknown) and where it came from, as returned by
 * {@code Input} and by a layer applied to symbolic tensors (Keras's {@code KerasTensor}).
 * Its history is {@code (layer, nodeIndex, tensorIndex)}, Keras's {@code keras_history}.
 */
public final class KerasTensor {
    private final int[] shape;
    private final Layer layer;
    private final int nodeIndex;
    private final int tensorIndex;

    KerasTensor(int[] shape, Layer layer, int nodeIndex, int tensorIndex) {
        this.shape = shape.clone();
        this.layer = layer;
        this.nodeIndex = nodeIndex;
        this.tensorIndex = tensorIndex;
    }

    /**
     * Keras's {@code x.shape}: the shape with the batch axis, printed {@code (None, 3, 64)}.
     *
     * @return the shape ({@code -1} in {@link Shape#dim(int)} is Keras's None)
     */
    public Shape shape() {
        return Shape.of(shape);
    }

    /** @return the sizes as an array, batch axis first, {@code -1} for None */
    public int[] dims() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** The layer that produced this tensor. */
    public Layer layer() {
        return layer;
    }

    public int nodeIndex() {
        return nodeIndex;
    }

    public int tensorIndex() {
        return tensorIndex;
    }

    @Override
    public String toString() {
        return "<KerasTensor shape=" + Shape.format(shape) + ", dtype=float32, name=" + layer.name() + ">";
    }
}
