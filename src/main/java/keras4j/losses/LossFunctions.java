package keras4j.losses;

import static keras4j.losses.Loss.EPSILON;

import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/**
 * Keras's per-sample loss functions for regression and hinge losses ({@code keras.losses.mean_squared_error},
 * {@code keras.losses.huber}, ...); the crossentropies are in {@link CrossentropyFunctions}. Each takes
 * {@code (y_true, y_pred)} of the same shape (a trailing axis of size 1 is squeezed or added to match,
 * as Keras does) and returns one value per sample, usually the mean over the last axis:
 * {@code (batch, d) -> (batch,)}. All are written in {@link Ops} and differentiable in {@code y_pred}.
 */
public final class LossFunctions {
    private LossFunctions() {}

    private static Tensor[] sameRank(Tensor yTrue, Tensor yPred) {
        return Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
    }

    /** {@code mean((y_true - y_pred)^2, axis=-1)}. */
    public static Tensor meanSquaredError(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        return Ops.mean(Ops.square(Ops.subtract(p[0], p[1])), false, -1);
    }

    /** {@code mean(|y_true - y_pred|, axis=-1)}. */
    public static Tensor meanAbsoluteError(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        return Ops.mean(Ops.abs(Ops.subtract(p[0], p[1])), false, -1);
    }

    /** {@code 100 * mean(|(y_true - y_pred) / max(|y_true|, epsilon)|, axis=-1)}. */
    public static Tensor meanAbsolutePercentageError(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor denom = p[0].abs().maximum(EPSILON);
        Tensor diff = Ops.abs(Ops.divide(Ops.subtract(p[0], p[1]), denom));
        return Ops.multiply(Ops.mean(diff, false, -1), 100f);
    }

    /** {@code mean((log(max(y_pred, eps) + 1) - log(max(y_true, eps) + 1))^2, axis=-1)}. */
    public static Tensor meanSquaredLogarithmicError(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor first = Ops.log(Ops.add(Ops.maximum(p[1], EPSILON), 1f));
        Tensor second = Ops.log(Ops.add(Ops.maximum(p[0], EPSILON), 1f));
        return Ops.mean(Ops.square(Ops.subtract(first, second)), false, -1);
    }

    /** {@code -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)} with Keras's default {@code axis=-1}. */
    public static Tensor cosineSimilarity(Tensor yTrue, Tensor yPred) {
        return cosineSimilarity(yTrue, yPred, -1);
    }

    /**
     * {@code -sum(l2_normalize(y_true, axis) * l2_normalize(y_pred, axis), axis)}, where
     * {@code l2_normalize(x) = x / sqrt(max(sum(x^2, axis), epsilon^2))}.
     */
    public static Tensor cosineSimilarity(Tensor yTrue, Tensor yPred, int axis) {
        return Ops.negative(cosine(yTrue, yPred, axis));
    }

    /** {@code sum(l2_normalize(y_true) * l2_normalize(y_pred), axis)}: the (positive) cosine of the metric. */
    public static Tensor cosine(Tensor yTrue, Tensor yPred, int axis) {
        Tensor[] p = sameRank(yTrue, yPred);
        return Ops.sum(Ops.multiply(l2Normalize(p[0], axis), l2Normalize(p[1], axis)), false, axis);
    }

    /** Keras's {@code ops.normalize(x, axis, order=2)}: {@code x * rsqrt(max(sum(x^2, axis, keepdims), epsilon^2))}. */
    public static Tensor l2Normalize(Tensor x, int axis) {
        Tensor squareSum = Ops.sum(Ops.square(x), true, axis);
        return Ops.divide(x, Ops.sqrt(Ops.maximum(squareSum, EPSILON * EPSILON)));
    }

    /** Huber loss with Keras's default {@code delta=1}. */
    public static Tensor huber(Tensor yTrue, Tensor yPred) {
        return huber(yTrue, yPred, 1.0);
    }

    /**
     * {@code mean(e <= delta ? 0.5 e^2 : delta e - 0.5 delta^2, axis=-1)} with {@code e = |y_pred - y_true|}.
     */
    public static Tensor huber(Tensor yTrue, Tensor yPred, double delta) {
        Tensor[] p = sameRank(yTrue, yPred);
        float d = (float) delta;
        Tensor error = Ops.subtract(p[1], p[0]);
        Tensor absError = Ops.abs(error);
        Tensor quadratic = Ops.multiply(Ops.square(error), 0.5f);
        Tensor linear = Ops.subtract(Ops.multiply(absError, d), 0.5f * d * d);
        return Ops.mean(Ops.where(absError.le(d), quadratic, linear), false, -1);
    }

    /** {@code mean(log(cosh(y_pred - y_true)), axis=-1)}, computed as {@code x + softplus(-2x) - log(2)}. */
    public static Tensor logCosh(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor x = Ops.subtract(p[1], p[0]);
        Tensor logcosh = Ops.subtract(Ops.add(x, Ops.softplus(Ops.multiply(x, -2f))), (float) Math.log(2.0));
        return Ops.mean(logcosh, false, -1);
    }

    /** Keras's {@code convert_binary_labels_to_hinge}: labels that are all 0 or 1 become -1 or 1; others are kept. */
    static Tensor hingeLabels(Tensor yTrue) {
        for (float v : Internal.array(yTrue)) if (v != 0f && v != 1f) return yTrue;
        return yTrue.mul(2f).sub(1f);
    }

    /** {@code mean(max(1 - y_true * y_pred, 0), axis=-1)}; 0/1 labels are first mapped to -1/1. */
    public static Tensor hinge(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor margin = Ops.subtract(1f, Ops.multiply(hingeLabels(p[0]), p[1]));
        return Ops.mean(Ops.maximum(margin, 0f), false, -1);
    }

    /** {@code mean(max(1 - y_true * y_pred, 0)^2, axis=-1)}; 0/1 labels are first mapped to -1/1. */
    public static Tensor squaredHinge(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor margin = Ops.subtract(1f, Ops.multiply(hingeLabels(p[0]), p[1]));
        return Ops.mean(Ops.square(Ops.maximum(margin, 0f)), false, -1);
    }

    /** {@code max(max((1 - y_true) * y_pred, axis=-1) - sum(y_true * y_pred, axis=-1) + 1, 0)}. */
    public static Tensor categoricalHinge(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor pos = Ops.sum(Ops.multiply(p[0], p[1]), false, -1);
        Tensor neg = Ops.max(Ops.multiply(Ops.subtract(1f, p[0]), p[1]), false, -1);
        return Ops.maximum(Ops.add(Ops.subtract(neg, pos), 1f), 0f);
    }

    /** {@code sum(t * log(t / p), axis=-1)} with {@code t, p} clipped to {@code [epsilon, 1]}. */
    public static Tensor klDivergence(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        Tensor t = Ops.clip(p[0], EPSILON, 1f);
        Tensor q = Ops.clip(p[1], EPSILON, 1f);
        return Ops.sum(Ops.multiply(t, Ops.log(Ops.divide(t, q))), false, -1);
    }

    /** {@code mean(y_pred - y_true * log(y_pred + epsilon), axis=-1)}. */
    public static Tensor poisson(Tensor yTrue, Tensor yPred) {
        Tensor[] p = sameRank(yTrue, yPred);
        return Ops.mean(Ops.subtract(p[1], Ops.multiply(p[0], Ops.log(Ops.add(p[1], EPSILON)))), false, -1);
    }

    /** Dice loss over all axes ({@code axis=None}, Keras's default): a single value for the whole batch. */
    public static Tensor dice(Tensor yTrue, Tensor yPred) {
        return dice(yTrue, yPred, null);
    }

    /**
     * {@code 1 - 2 sum(y_true * y_pred) / (sum(y_true) + sum(y_pred) + epsilon)}, the sums over {@code axis}
     * (all axes when null; e.g. {@code {1, 2}} for a per-image loss on {@code (batch, h, w)}).
     */
    public static Tensor dice(Tensor yTrue, Tensor yPred, int[] axis) {
        Tensor[] p = sameRank(yTrue, yPred);
        yTrue = p[0];
        yPred = p[1];
        int[] ax = axis == null ? new int[0] : axis;
        Tensor intersection = Ops.sum(Ops.multiply(yTrue, yPred), false, ax);
        Tensor denom = Ops.add(Ops.add(Ops.sum(yTrue, false, ax), Ops.sum(yPred, false, ax)), EPSILON);
        return Ops.subtract(1f, Ops.divide(Ops.multiply(intersection, 2f), denom));
    }

    /** Tversky loss with Keras's defaults {@code alpha = beta = 0.5} over all axes. */
    public static Tensor tversky(Tensor yTrue, Tensor yPred) {
        return tversky(yTrue, yPred, 0.5, 0.5, null);
    }

    /**
     * {@code 1 - TP / (TP + alpha FP + beta FN + epsilon)} with {@code TP = sum(p t)}, {@code FP = sum((1 - t) p)},
     * {@code FN = sum(t (1 - p))}, the sums over {@code axis} (all axes when null).
     */
    public static Tensor tversky(Tensor yTrue, Tensor yPred, double alpha, double beta, int[] axis) {
        Tensor[] p = sameRank(yTrue, yPred);
        yTrue = p[0];
        yPred = p[1];
        int[] ax = axis == null ? new int[0] : axis;
        Tensor intersection = Ops.sum(Ops.multiply(yPred, yTrue), false, ax);
        Tensor fp = Ops.sum(Ops.multiply(Ops.subtract(1f, yTrue), yPred), false, ax);
        Tensor fn = Ops.sum(Ops.multiply(yTrue, Ops.subtract(1f, yPred)), false, ax);
        Tensor denom = Ops.add(Ops.add(Ops.add(intersection, Ops.multiply(fp, (float) alpha)), Ops.multiply(fn, (float) beta)), EPSILON);
        return Ops.subtract(1f, Ops.divide(intersection, denom));
    }
}
