package keras4j.metrics;

import keras4j.losses.Loss;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code metrics_utils.update_confusion_matrix_variables}: adds the (weighted) true/false positives and
 * negatives of a batch at each threshold. A prediction is positive at threshold {@code th} when {@code p > th}; a
 * label is positive when non-zero. Counts are {@code (thresholds)} arrays, or {@code (thresholds, labels)} row-major
 * with {@code multiLabel}.
 */
final class ConfusionMatrix {
    private ConfusionMatrix() {}

    /** Keras's {@code NEG_INF}, the default threshold with {@code top_k} and the score of filtered-out classes. */
    static final float NEG_INF = -1e10f;

    /** The accumulators to add to; any may be null. */
    record Counts(float[] tp, float[] fp, float[] tn, float[] fn) {}

    /** True when the thresholds are {@code i / (n - 1)} for {@code i = 0..n-1} (n >= 3), so the fast bucketing path applies. */
    static boolean evenlyDistributed(float[] thresholds) {
        int n = thresholds.length;
        if (n < 3) return false;
        for (int i = 0; i < n; i++) {
            float even = (float) i / (n - 1);
            if (!(Math.abs(thresholds[i] - even) <= 1e-7 + 1e-5 * Math.abs(even))) return false;
        }
        return true;
    }

    static void update(Counts counts, Tensor yTrue, Tensor yPred, float[] thresholds, boolean evenly, Integer topK, Integer classId,
            Tensor sampleWeight, boolean multiLabel, float[] labelWeights) {
        Tensor[] pt = Loss.squeezeOrExpandToSameRank(yPred, yTrue, true);
        Tensor pred = pt[0], truth = pt[1];
        Tensor sw = null;
        if (sampleWeight != null) sw = Loss.squeezeOrExpandToSameRank(truth, sampleWeight.expandDims(-1), false)[1];
        if (topK != null) pred = filterTopK(pred, topK);
        if (classId != null) {
            if (pred.rank() == 1) {
                throw new IllegalArgumentException("When class_id is provided, y_pred must be a 2D array with shape (num_samples, num_classes), found shape: "
                        + Shape.format(pred.shape()));
            }
            truth = truth.slice(-1, classId, classId + 1);
            pred = pred.slice(-1, classId, classId + 1);
        }
        if (!java.util.Arrays.equals(truth.shape(), pred.shape())) truth = truth.broadcastTo(pred.shape());
        int n = pred.size();
        int labels = multiLabel ? pred.dim(-1) : 1;
        if (multiLabel && pred.rank() != 2) {
            throw new IllegalArgumentException("`y_pred` must have rank 2 when `multi_label=True`. Found rank " + pred.rank());
        }
        float[] w = sw == null ? null : sw.broadcastTo(pred.shape()).data();
        float[] lw = labelWeights == null || multiLabel ? null : Tensor.wrap(labelWeights).broadcastTo(pred.shape()).data();
        float[] p = pred.data(), t = truth.data();
        int nt = thresholds.length;
        if (evenly) {
            boolean withEpsilon = thresholds[0] < 0 || thresholds[nt - 1] > 1;
            double[] tpB = new double[nt * labels], fpB = new double[nt * labels];
            double[] totalTrue = new double[labels], totalFalse = new double[labels];
            for (int i = 0; i < n; i++) {
                float weight = (w == null ? 1f : w[i]) * (lw == null ? 1f : lw[i]);
                float pi = Math.min(Math.max(p[i], 0f), 1f);
                int bucket = (int) ((float) Math.ceil(pi * (float) (nt - 1)) - 1f);
                if (withEpsilon) bucket = Math.max(bucket, 0);
                int l = multiLabel ? i % labels : 0;
                boolean positive = t[i] != 0;
                if (positive) totalTrue[l] += weight;
                else totalFalse[l] += weight;
                if (bucket < 0) continue;
                if (positive) tpB[bucket * labels + l] += weight;
                else fpB[bucket * labels + l] += weight;
            }
            for (int l = 0; l < labels; l++) {
                double tp = 0, fp = 0;
                for (int b = nt - 1; b >= 0; b--) {
                    tp += tpB[b * labels + l];
                    fp += fpB[b * labels + l];
                    add(counts.tp, b * labels + l, tp);
                    add(counts.fp, b * labels + l, fp);
                    add(counts.tn, b * labels + l, totalFalse[l] - fp);
                    add(counts.fn, b * labels + l, totalTrue[l] - tp);
                }
            }
            return;
        }
        for (int j = 0; j < nt; j++) {
            float th = thresholds[j];
            for (int i = 0; i < n; i++) {
                float weight = (w == null ? 1f : w[i]) * (lw == null ? 1f : lw[i]);
                boolean predPos = p[i] > th, labelPos = t[i] != 0;
                int k = j * labels + (multiLabel ? i % labels : 0);
                if (labelPos && predPos) add(counts.tp, k, weight);
                else if (labelPos) add(counts.fn, k, weight);
                else if (predPos) add(counts.fp, k, weight);
                else add(counts.tn, k, weight);
            }
        }
    }

    private static void add(float[] acc, int k, double v) {
        if (acc != null) acc[k] += (float) v;
    }

    /** Keras's {@code _filter_top_k}: keeps the k largest scores of each row (first index wins ties), others become NEG_INF. */
    static Tensor filterTopK(Tensor x, int k) {
        int c = x.dim(-1);
        float[] d = x.toFloatArray();
        boolean[] keep = new boolean[c];
        for (int row = 0; row < d.length / c; row++) {
            int off = row * c;
            java.util.Arrays.fill(keep, false);
            for (int r = 0; r < Math.min(k, c); r++) {
                int best = -1;
                for (int j = 0; j < c; j++) if (!keep[j] && (best < 0 || d[off + j] > d[off + best])) best = j;
                keep[best] = true;
            }
            for (int j = 0; j < c; j++) if (!keep[j]) d[off + j] = NEG_INF;
        }
        return Tensor.wrap(d, x.shape());
    }
}
