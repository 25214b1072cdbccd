package keras4j.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable shape, printed as Keras prints one: {@code (None, 3, 64)}, {@code (128, 10)}, {@code (5,)},
 * {@code ()} (Keras's shape tuple; {@code -1} stands for {@code None}, an unknown size).
 *
 * <p>Returned by {@code model.inputShape()}, {@code model.outputShape()}, {@code layer.outputShape()} and
 * {@code kerasTensor.shape()}-like accessors (Keras's {@code model.input_shape}, {@code layer.output.shape}).
 * It lives in {@code keras4j.tensor}, the lowest package, so that every package (tensor kernels' errors,
 * layers, models, display) prints shapes through the one formatter here, {@link #format(int...)}, without
 * importing upward.
 *
 * <pre>{@code
 * Shape s = model.outputShape();   // (None, 10)
 * s.rank();                         // 2
 * s.dim(1);                         // 10
 * s.dim(0);                         // -1 (None)
 * s.isKnown(0);                     // false
 * }</pre>
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * A shape from its sizes, batch axis first when it has one; {@code -1} is Keras's {@code None}.
     *
     * @param dims the sizes (copied); each {@code >= 0} or {@code -1}
     * @return the shape
     */
    public static Shape of(int... dims) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < -1) {
                throw new IllegalArgumentException("Shape: dimensions must be >= 0 or -1 (None). Received: shape=" + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    /**
     * Shapes for several arrays, in order.
     *
     * @param shapes the sizes of each shape
     * @return an unmodifiable list, printed as Keras prints a list of shapes: {@code [(None, 3), (None, 4)]}
     */
    public static List<Shape> listOf(List<int[]> shapes) {
        List<Shape> out = new ArrayList<>(shapes.size());
        for (int[] s : shapes) out.add(of(s));
        return List.copyOf(out);
    }

    /** @return the number of axes (Keras's {@code len(shape)}) */
    public int rank() {
        return dims.length;
    }

    /**
     * The size of one axis (Keras's {@code shape[i]}); a negative index counts from the end.
     *
     * @param axis the axis, {@code -rank <= axis < rank}
     * @return the size, or {@code -1} for {@code None}
     */
    public int dim(int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new IndexOutOfBoundsException("Shape " + this + ": axis " + axis + " is out of range for rank " + dims.length);
        }
        return dims[a];
    }

    /**
     * @param axis the axis (negative counts from the end)
     * @return whether the size of that axis is known (not {@code None})
     */
    public boolean isKnown(int axis) {
        return dim(axis) >= 0;
    }

    /** @return the sizes as a new array ({@code -1} for {@code None}) */
    public int[] toArray() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** @return Python's tuple repr, as Keras prints shapes: {@code (None, 3, 64)}, {@code (5,)}, {@code ()} */
    @Override
    public String toString() {
        return format(dims);
    }

    /**
     * The one shape formatter: Python's tuple repr as Keras prints shapes in errors and reprs,
     * {@code (None, 784)}, {@code (128, 10)}, {@code (5,)}, {@code ()}; {@code -1} prints {@code None}.
     *
     * @param dims the sizes
     * @return the text
     */
    public static String format(int... dims) {
        return append(new StringBuilder(), dims, true, true).toString();
    }

    /**
     * A tuple of plain integers as Python prints it, {@code (2, 3)}, {@code (5,)}, with {@code -1} kept as
     * {@code -1}: for arguments where {@code -1} is a value, not None (Reshape's {@code target_shape=(-1, 4)}).
     *
     * @param values the integers
     * @return the text
     */
    public static String formatInts(int... values) {
        return append(new StringBuilder(), values, true, false).toString();
    }

    /**
     * Keras 3's {@code model.summary()} variant, which joins the sizes without Python's 1-tuple comma:
     * {@code (None)} for a rank-1 shape, otherwise as {@link #format(int...)}.
     *
     * @param dims the sizes
     * @return the text
     */
    public static String formatSummary(int... dims) {
        return append(new StringBuilder(), dims, false, true).toString();
    }

    /**
     * A list of shapes as Python prints a list of tuples: {@code [(None, 3), (None, 4)]}.
     *
     * @param shapes the shapes
     * @return the text
     */
    public static String formatList(List<int[]> shapes) {
        return appendList(shapes, true);
    }

    /**
     * Keras 3's {@code model.summary()} text for a layer with several outputs: {@code [(None, 3), (None)]},
     * each shape as {@link #formatSummary(int...)}.
     *
     * @param shapes the shapes
     * @return the text
     */
    public static String formatSummaryList(List<int[]> shapes) {
        return appendList(shapes, false);
    }

    private static String appendList(List<int[]> shapes, boolean tupleComma) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shapes.size(); i++) {
            if (i > 0) sb.append(", ");
            append(sb, shapes.get(i), tupleComma, true);
        }
        return sb.append(']').toString();
    }

    private static StringBuilder append(StringBuilder sb, int[] dims, boolean tupleComma, boolean negativeIsNone) {
        sb.append('(');
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(negativeIsNone && dims[i] < 0 ? "None" : Integer.toString(dims[i]));
        }
        if (tupleComma && dims.length == 1) sb.append(',');
        return sb.append(')');
    }
}
