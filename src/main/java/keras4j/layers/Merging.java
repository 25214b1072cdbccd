package keras4j.layers;

import java.util.List;
import keras4j.tensor.Tensor;

/**
 * Keras's functional merge helpers ({@code keras.layers.add([a, b])}, {@code keras.layers.concatenate(...)}, ...):
 * each makes a new merge layer and applies it. On symbolic tensors they build a functional graph; on concrete
 * tensors they compute the result directly.
 * <pre>{@code
 * KerasTensor sum = Merging.add(x1, x2);               // keras.layers.add([x1, x2])
 * KerasTensor cat = Merging.concatenate(1, x1, x2);    // keras.layers.concatenate([x1, x2], axis=1)
 * KerasTensor cos = Merging.dot(-1, true, x1, x2);     // keras.layers.dot([x1, x2], axes=-1, normalize=True)
 * }</pre>
 */
public final class Merging {
    private Merging() {}

    /** {@code keras.layers.add(inputs)}: the element-wise sum ({@link Add}). */
    public static KerasTensor add(KerasTensor... inputs) {
        return new Add().apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.subtract(inputs)}: {@code inputs[0] - inputs[1]} of exactly two inputs ({@link Subtract}). */
    public static KerasTensor subtract(KerasTensor... inputs) {
        return new Subtract().apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.multiply(inputs)}: the element-wise product ({@link Multiply}). */
    public static KerasTensor multiply(KerasTensor... inputs) {
        return new Multiply().apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.average(inputs)}: the element-wise mean ({@link Average}). */
    public static KerasTensor average(KerasTensor... inputs) {
        return new Average().apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.maximum(inputs)}: the element-wise maximum ({@link Maximum}). */
    public static KerasTensor maximum(KerasTensor... inputs) {
        return new Maximum().apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.minimum(inputs)}: the element-wise minimum ({@link Minimum}). */
    public static KerasTensor minimum(KerasTensor... inputs) {
        return new Minimum().apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.concatenate(inputs)}: joins along the last axis ({@link Concatenate}). */
    public static KerasTensor concatenate(KerasTensor... inputs) {
        return concatenate(-1, inputs);
    }

    /** {@code keras.layers.concatenate(inputs, axis=axis)} ({@link Concatenate}). */
    public static KerasTensor concatenate(int axis, KerasTensor... inputs) {
        return new Concatenate(axis).apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.dot(inputs, axes=axes)} ({@link Dot}). */
    public static KerasTensor dot(int axes, KerasTensor... inputs) {
        return dot(axes, false, inputs);
    }

    /** {@code keras.layers.dot(inputs, axes=axes, normalize=normalize)} ({@link Dot}). */
    public static KerasTensor dot(int axes, boolean normalize, KerasTensor... inputs) {
        return new Dot(axes).normalize(normalize).apply(List.of(inputs)).get(0);
    }

    /** {@code keras.layers.dot(inputs, axes=(ax, ay), normalize=normalize)} ({@link Dot}). */
    public static KerasTensor dot(int[] axes, boolean normalize, KerasTensor... inputs) {
        return new Dot(axes).normalize(normalize).apply(List.of(inputs)).get(0);
    }

    // ------------------------------------------------------------------ on concrete tensors

    /** {@code keras.layers.add([x1, x2, ...])} on concrete tensors. */
    public static Tensor add(Tensor... inputs) {
        return new Add().apply(inputs);
    }

    /** {@code keras.layers.subtract([x1, x2])} on concrete tensors. */
    public static Tensor subtract(Tensor... inputs) {
        return new Subtract().apply(inputs);
    }

    /** {@code keras.layers.multiply([x1, x2, ...])} on concrete tensors. */
    public static Tensor multiply(Tensor... inputs) {
        return new Multiply().apply(inputs);
    }

    /** {@code keras.layers.average([x1, x2, ...])} on concrete tensors. */
    public static Tensor average(Tensor... inputs) {
        return new Average().apply(inputs);
    }

    /** {@code keras.layers.maximum([x1, x2, ...])} on concrete tensors. */
    public static Tensor maximum(Tensor... inputs) {
        return new Maximum().apply(inputs);
    }

    /** {@code keras.layers.minimum([x1, x2, ...])} on concrete tensors. */
    public static Tensor minimum(Tensor... inputs) {
        return new Minimum().apply(inputs);
    }

    /** {@code keras.layers.concatenate([x1, x2, ...])} on concrete tensors (last axis). */
    public static Tensor concatenate(Tensor... inputs) {
        return concatenate(-1, inputs);
    }

    /** {@code keras.layers.concatenate([x1, x2, ...], axis=axis)} on concrete tensors. */
    public static Tensor concatenate(int axis, Tensor... inputs) {
        return new Concatenate(axis).apply(inputs);
    }

    /** {@code keras.layers.dot([x, y], axes=axes)} on concrete tensors. */
    public static Tensor dot(int axes, Tensor... inputs) {
        return dot(axes, false, inputs);
    }

    /** {@code keras.layers.dot([x, y], axes=axes, normalize=normalize)} on concrete tensors. */
    public static Tensor dot(int axes, boolean normalize, Tensor... inputs) {
        return new Dot(axes).normalize(normalize).apply(inputs);
    }

    /** {@code keras.layers.dot([x, y], axes=(ax, ay), normalize=normalize)} on concrete tensors. */
    public static Tensor dot(int[] axes, boolean normalize, Tensor... inputs) {
        return new Dot(axes).normalize(normalize).apply(inputs);
    }
}
