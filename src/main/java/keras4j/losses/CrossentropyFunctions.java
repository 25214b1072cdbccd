package keras4j.losses;

import static keras4j.losses.Loss.EPSILON;

import java.util.Arrays;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;

/**
 * Keras's crossentropy loss functions ({@code keras.losses.binary_crossentropy},
 * {@code categorical_crossentropy}, {@code sparse_categorical_crossentropy}, the focal variants and
 * {@code categorical_generalized_cross_entropy}), one value per sample, written in {@link Ops}.
 * Probabilities are clipped to {@code [1e-7, 1 - 1e-7]} before the logarithm; with
 * {@code fromLogits} the stable log-sigmoid / log-softmax forms are used instead.
 */
public final class CrossentropyFunctions {
    private CrossentropyFunctions() {}

    /**
     * Element-wise binary crossentropy (Keras's {@code ops.binary_crossentropy}):
     * {@code -(t log(p) + (1 - t) log(1 - p))} with p clipped, or from logits x
     * {@code t softplus(-x) + (1 - t) softplus(x)}.
     */
    public static Tensor elementwiseBinaryCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
        Loss.checkSameShape("binary_crossentropy", target, output);
        if (fromLogits) {
            return Ops.add(Ops.multiply(target, Ops.softplus(Ops.negative(output))),
                    Ops.multiply(Ops.subtract(1f, target), Ops.softplus(output)));
        }
        Tensor p = Ops.clip(output, EPSILON, 1f - EPSILON);
        Tensor bce = Ops.add(Ops.multiply(target, Ops.log(p)), Ops.multiply(Ops.subtract(1f, target), Ops.log(Ops.subtract(1f, p))));
        return Ops.negative(bce);
    }

    /** Binary crossentropy with Keras's defaults (probabilities, no smoothing, mean over the last axis). */
    public static Tensor binaryCrossentropy(Tensor yTrue, Tensor yPred) {
        return binaryCrossentropy(yTrue, yPred, false, 0, -1);
    }

    /**
     * {@code mean(bce(t', y_pred), axis)} with smoothed labels {@code t' = t (1 - s) + 0.5 s}.
     * Shapes {@code (batch, d) -> (batch,)}.
     */
    public static Tensor binaryCrossentropy(Tensor yTrue, Tensor yPred, boolean fromLogits, double labelSmoothing, int axis) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        Tensor t = smoothBinary(p[0], labelSmoothing);
        return Ops.mean(elementwiseBinaryCrossentropy(t, p[1], fromLogits), false, axis);
    }

    private static Tensor smoothBinary(Tensor t, double labelSmoothing) {
        if (labelSmoothing == 0) return t;
        float s = (float) labelSmoothing;
        return Ops.add(Ops.multiply(t, 1f - s), 0.5f * s);
    }

    /**
     * Binary focal crossentropy: {@code mean(w (1 - p_t)^gamma bce(t, p), axis)} with
     * {@code p_t = t p + (1 - t)(1 - p)} and, when {@code applyClassBalancing}, {@code w = t alpha + (1 - t)(1 - alpha)}
     * (else 1); p is {@code sigmoid(y_pred)} with {@code fromLogits}, and labels are smoothed as in BCE.
     */
    public static Tensor binaryFocalCrossentropy(Tensor yTrue, Tensor yPred, boolean applyClassBalancing, double alpha, double gamma,
            boolean fromLogits, double labelSmoothing, int axis) {
        Tensor[] pair = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        Tensor t = smoothBinary(pair[0], labelSmoothing);
        Tensor p = fromLogits ? Ops.sigmoid(pair[1]) : pair[1];
        Tensor bce = elementwiseBinaryCrossentropy(t, p, false);
        Tensor pT = Ops.add(Ops.multiply(t, p), Ops.multiply(Ops.subtract(1f, t), Ops.subtract(1f, p)));
        Tensor focal = Ops.multiply(Ops.power(Ops.subtract(1f, pT), (float) gamma), bce);
        if (applyClassBalancing) {
            float a = (float) alpha;
            Tensor weight = Ops.add(Ops.multiply(t, a), Ops.multiply(Ops.subtract(1f, t), 1f - a));
            focal = Ops.multiply(weight, focal);
        }
        return Ops.mean(focal, false, axis);
    }

    /** Categorical crossentropy with Keras's defaults (probabilities, no smoothing, classes on the last axis). */
    public static Tensor categoricalCrossentropy(Tensor yTrue, Tensor yPred) {
        return categoricalCrossentropy(yTrue, yPred, false, 0, -1);
    }

    /**
     * {@code -sum(t' log(q), axis)} with one-hot labels smoothed to {@code t' = t (1 - s) + s / classes}, and
     * {@code q = clip(y_pred / sum(y_pred, axis), eps, 1 - eps)} or {@code log q = log_softmax(y_pred)} from logits.
     * Shapes {@code (batch, classes) -> (batch,)}.
     */
    public static Tensor categoricalCrossentropy(Tensor yTrue, Tensor yPred, boolean fromLogits, double labelSmoothing, int axis) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        Loss.checkSameShape("categorical_crossentropy", p[0], p[1]);
        Tensor t = smoothCategorical(p[0], p[1], labelSmoothing, axis);
        return Ops.negative(Ops.sum(Ops.multiply(t, logProbabilities(p[1], fromLogits, axis)), false, axis));
    }

    private static Tensor smoothCategorical(Tensor t, Tensor yPred, double labelSmoothing, int axis) {
        if (labelSmoothing == 0) return t;
        float s = (float) labelSmoothing;
        return Ops.add(Ops.multiply(t, 1f - s), s / yPred.dim(axis));
    }

    /** {@code log_softmax(x, axis)}, or {@code log(clip(x / sum(x, axis), eps, 1 - eps))} for probabilities. */
    private static Tensor logProbabilities(Tensor yPred, boolean fromLogits, int axis) {
        if (fromLogits) return Ops.logSoftmax(yPred, axis);
        return Ops.log(normalizedClipped(yPred, axis));
    }

    private static Tensor normalizedClipped(Tensor yPred, int axis) {
        Tensor q = Ops.divide(yPred, Ops.sum(yPred, true, axis));
        return Ops.clip(q, EPSILON, 1f - EPSILON);
    }

    /**
     * Categorical focal crossentropy: {@code sum(alpha (1 - q)^gamma (-t' log q), axis)} with q the normalized,
     * clipped probabilities ({@code softmax(y_pred)} first with {@code fromLogits}) and t' the smoothed labels.
     */
    public static Tensor categoricalFocalCrossentropy(Tensor yTrue, Tensor yPred, double alpha, double gamma, boolean fromLogits,
            double labelSmoothing, int axis) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        Loss.checkSameShape("categorical_focal_crossentropy", p[0], p[1]);
        Tensor t = smoothCategorical(p[0], p[1], labelSmoothing, axis);
        Tensor probs = fromLogits ? Ops.softmax(p[1], axis) : p[1];
        Tensor q = normalizedClipped(probs, axis);
        Tensor cce = Ops.multiply(Ops.negative(t), Ops.log(q));
        Tensor weighting = Ops.multiply(Ops.power(Ops.subtract(1f, q), (float) gamma), (float) alpha);
        return Ops.sum(Ops.multiply(weighting, cce), false, axis);
    }

    /** Sparse categorical crossentropy with Keras's defaults. */
    public static Tensor sparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred) {
        return sparseCategoricalCrossentropy(yTrue, yPred, false, null, -1);
    }

    /**
     * {@code -log q[label]} where labels are float class indices of shape {@code (batch,)} or {@code (batch, 1)}
     * (one fewer axis than {@code y_pred}, or a size-1 class axis), q as in
     * {@link #categoricalCrossentropy(Tensor, Tensor, boolean, double, int)}. Entries whose label equals
     * {@code ignoreClass} (nullable) get 0. Shapes {@code (batch, classes) -> (batch,)}.
     */
    public static Tensor sparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred, boolean fromLogits, Integer ignoreClass, int axis) {
        int a = Shapes.axis(axis, yPred.rank(), "sparse_categorical_crossentropy");
        Tensor labels = sparseLabels(yTrue, yPred, a);
        Tensor valid = null;
        Tensor pred = yPred;
        if (ignoreClass != null) {
            valid = labels.ne(ignoreClass);
            labels = Tensor.where(valid, labels, Tensor.scalar(0f));
            // Ignored rows get a harmless stand-in (Keras uses 0, which is NaN before masking).
            pred = Ops.where(valid.expandDims(a), yPred, Tensor.scalar(1f));
        }
        Tensor oneHot = oneHot(labels, yPred.dim(a), a);
        Tensor res = Ops.negative(Ops.sum(Ops.multiply(oneHot, logProbabilities(pred, fromLogits, a)), false, a));
        if (valid != null) res = Ops.where(valid.reshape(res.shape()), res, Tensor.scalar(0f));
        return res;
    }

    /** The valid-label mask (1 where the label is not {@code ignoreClass}) in the shape of the per-sample loss. */
    static Tensor sparseValidMask(Tensor yTrue, Tensor yPred, int ignoreClass, int axis) {
        int a = Shapes.axis(axis, yPred.rank(), "sparse_categorical_crossentropy");
        return sparseLabels(yTrue, yPred, a).ne(ignoreClass);
    }

    /** Squeezes a size-1 class axis of the labels and checks they match y_pred without its class axis. */
    private static Tensor sparseLabels(Tensor yTrue, Tensor yPred, int classAxis) {
        Tensor labels = yTrue;
        if (labels.rank() == yPred.rank() && labels.dim(classAxis) == 1) labels = labels.squeeze(classAxis);
        int[] expected = new int[yPred.rank() - 1];
        for (int i = 0, k = 0; i < yPred.rank(); i++) if (i != classAxis) expected[k++] = yPred.dim(i);
        if (!Arrays.equals(labels.shape(), expected)) {
            throw new IllegalArgumentException("sparse_categorical_crossentropy: labels of shape " + Shapes.str(yTrue.shape())
                    + " do not match predictions of shape " + Shapes.str(yPred.shape()) + " (expected labels of shape "
                    + Shapes.str(expected) + " or with a trailing axis of size 1)");
        }
        return labels;
    }

    /**
     * Keras's {@code ops.one_hot}: float class indices of any shape to a 0/1 tensor with a new axis of
     * {@code numClasses} at {@code axis} (of the result). Indices outside {@code [0, numClasses)} are an error.
     */
    public static Tensor oneHot(Tensor labels, int numClasses, int axis) {
        float[] l = Internal.array(labels);
        float[] out = new float[l.length * numClasses];
        for (int i = 0; i < l.length; i++) {
            int c = (int) l[i];
            if (c != l[i] || c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("one_hot: label " + l[i] + " is not a class index in [0, " + numClasses + ")");
            }
            out[i * numClasses + c] = 1f;
        }
        int[] s = Arrays.copyOf(labels.shape(), labels.rank() + 1);
        s[labels.rank()] = numClasses;
        Tensor t = Tensor.wrap(out, s);
        int a = Shapes.axis(axis, s.length, "one_hot");
        if (a == s.length - 1) return t;
        int[] perm = new int[s.length];
        for (int i = 0, k = 0; i < s.length; i++) perm[i] = i == a ? s.length - 1 : k++;
        return t.permute(perm);
    }

    /**
     * Categorical generalized crossentropy (Zhang and Sabuncu's GCE): {@code (1 - p^q) / q} with
     * {@code p = y_pred[label]}; labels are class indices of shape {@code (batch,)} (or {@code (batch, 1)}).
     */
    public static Tensor categoricalGeneralizedCrossEntropy(Tensor yTrue, Tensor yPred, double q) {
        Tensor labels = sparseLabels(yTrue, yPred, yPred.rank() - 1);
        Tensor oneHot = oneHot(labels, yPred.dim(-1), -1);
        Tensor p = Ops.sum(Ops.multiply(yPred, oneHot), false, -1);
        return Ops.divide(Ops.subtract(1f, Ops.power(p, (float) q)), (float) q);
    }
}
