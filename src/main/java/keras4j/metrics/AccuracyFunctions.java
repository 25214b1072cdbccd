package keras4j.metrics;

import keras4j.losses.Loss;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Keras's per-sample accuracy functions ({@code keras.metrics.binary_accuracy}, {@code categorical_accuracy}, ...):
 * each returns 1 where the prediction is right and 0 elsewhere, one value per sample (or per element).
 */
public final class AccuracyFunctions {
    private AccuracyFunctions() {}

    /** {@code y_true == y_pred} element-wise (Keras's {@code accuracy}), after matching ranks. */
    public static Tensor accuracy(Tensor yTrue, Tensor yPred) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        return p[0].eq(p[1]);
    }

    /** {@code y_true == (y_pred > threshold)} element-wise; shapes {@code (batch, d) -> (batch, d)}. */
    public static Tensor binaryAccuracy(Tensor yTrue, Tensor yPred, double threshold) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        return p[0].eq(p[1].gt((float) threshold));
    }

    /** {@code argmax(y_true) == argmax(y_pred)} over the last axis, for one-hot labels; {@code (batch, C) -> (batch,)}. */
    public static Tensor categoricalAccuracy(Tensor yTrue, Tensor yPred) {
        Tensor t = yTrue.argmax(-1);
        int[] orig = t.shape();
        boolean reshape = false;
        if (t.rank() == yPred.rank()) {
            t = t.squeeze(-1);
            reshape = true;
        }
        Tensor m = t.eq(yPred.argmax(-1));
        return reshape ? m.reshape(orig) : m;
    }

    /**
     * {@code y_true == argmax(y_pred)} for class-index labels of shape {@code (batch,)} or {@code (batch, 1)};
     * {@code (batch, C) -> (batch,)}.
     */
    public static Tensor sparseCategoricalAccuracy(Tensor yTrue, Tensor yPred) {
        Tensor t = yTrue;
        int[] orig = t.shape();
        boolean reshape = false;
        if (t.rank() == yPred.rank() && t.dim(-1) == 1) {
            t = t.squeeze(-1);
            reshape = true;
        }
        Tensor m = t.eq(yPred.argmax(-1));
        if (reshape) m = m.reshape(orig);
        if (m.rank() > 1 && m.dim(-1) == 1) m = m.squeeze(-1);
        return m;
    }

    /** 1 where the true class (argmax of one-hot {@code y_true}) is among the {@code k} highest predictions. */
    public static Tensor topKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
        return inTopK(yTrue.argmax(-1), yPred, k);
    }

    /** 1 where the class-index label is among the {@code k} highest predictions. */
    public static Tensor sparseTopKCategoricalAccuracy(Tensor yTrue, Tensor yPred, int k) {
        return inTopK(yTrue, yPred, k);
    }

    /**
     * Keras's {@code ops.in_top_k}: the target's rank is 1 + the number of strictly larger predictions (so ties
     * with the k-th value count as in the top k; a NaN target score never does). Result has the targets' shape.
     */
    static Tensor inTopK(Tensor targets, Tensor yPred, int k) {
        int c = yPred.dim(-1);
        float[] p = yPred.data(), t = targets.data();
        if (t.length * c != p.length) {
            throw new IllegalArgumentException("top_k accuracy: " + t.length + " labels for predictions of shape " + Shape.format(yPred.shape()));
        }
        float[] out = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            int label = (int) t[i];
            if (label < 0 || label >= c) throw new IllegalArgumentException("top_k accuracy: label " + t[i] + " is not a class index in [0, " + c + ")");
            float target = p[i * c + label];
            if (Float.isNaN(target)) continue;
            int greater = 0;
            for (int j = 0; j < c; j++) if (p[i * c + j] > target) greater++;
            out[i] = greater + 1 <= k ? 1f : 0f;
        }
        return Tensor.wrap(out, targets.shape());
    }
}
