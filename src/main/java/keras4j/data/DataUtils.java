package keras4j.data;

import java.util.Arrays;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/** Array helpers of {@code keras.utils} for preparing data. */
public final class DataUtils {
    private DataUtils() {}

    /**
     * One-hot encoding, {@code keras.utils.to_categorical(x, num_classes)}: labels of shape S (values
     * truncated to integers, as numpy's {@code int64} cast does) become shape S + (numClasses,) with
     * a 1 at each label's index. A trailing axis of size 1 is dropped first: (n, 1) gives
     * (n, numClasses).
     *
     * @throws IllegalArgumentException for a label outside {@code [0, numClasses)}
     */
    public static Tensor toCategorical(Tensor labels, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("Argument `num_classes` should be a positive integer. Received: num_classes=" + numClasses);
        }
        int[] shape = labels.shape();
        if (shape.length > 1 && shape[shape.length - 1] == 1) shape = Arrays.copyOf(shape, shape.length - 1);
        float[] y = Internal.array(labels);
        float[] out = new float[Math.multiplyExact(y.length, numClasses)];
        for (int i = 0; i < y.length; i++) {
            long c = (long) y[i];
            if (Float.isNaN(y[i]) || c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("to_categorical: label " + y[i] + " at flat index " + i
                        + " is outside [0, " + numClasses + ")");
            }
            out[i * numClasses + (int) c] = 1f;
        }
        int[] outShape = Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length] = numClasses;
        return Tensor.wrap(out, outShape);
    }

    /** {@link #toCategorical(Tensor, int)} with {@code numClasses = max(labels) + 1}, as Keras infers it. */
    public static Tensor toCategorical(Tensor labels) {
        float[] y = Internal.array(labels);
        if (y.length == 0) throw new IllegalArgumentException("to_categorical: cannot infer num_classes from empty labels");
        long max = Long.MIN_VALUE;
        for (float v : y) max = Math.max(max, (long) v);
        return toCategorical(labels, (int) Math.max(1, max + 1));
    }
}
