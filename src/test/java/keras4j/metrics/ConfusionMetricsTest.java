package keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Confusion-matrix counts, precision, recall, AUC (against hand-worked curves) and F-scores. */
class ConfusionMetricsTest {
    static final Tensor Y = Tensor.vector(0, 1, 1, 0, 1);
    static final Tensor P = Tensor.vector(0.2f, 0.6f, 0.4f, 0.7f, 0.9f);

    @Test
    void countsAtTheDefaultThreshold() {
        TruePositives tp = new TruePositives();
        FalsePositives fp = new FalsePositives();
        TrueNegatives tn = new TrueNegatives();
        FalseNegatives fn = new FalseNegatives();
        for (Metric m : new Metric[] {tp, fp, tn, fn}) m.updateState(Y, P, null);
        assertEquals(2f, tp.result());
        assertEquals(1f, fp.result());
        assertEquals(1f, tn.result());
        assertEquals(1f, fn.result());
        // Weighted second batch (a (batch, 1) column works too).
        for (Metric m : new Metric[] {tp, fp, tn, fn}) m.updateState(Tensor.of(new float[] {1, 0}, 2, 1), Tensor.of(new float[] {0.8f, 0.1f}, 2, 1), Tensor.vector(3, 0.5f));
        assertEquals(5f, tp.result());
        assertEquals(1.5f, tn.result());
        tp.resetState();
        assertEquals(0f, tp.result());
        assertEquals(null, tp.direction());
    }

    @Test
    void countsAtSeveralThresholds() {
        TruePositives tp = new TruePositives(0.3, 0.5, 0.8);
        tp.updateState(Y, P, null);
        assertArrayEquals(new float[] {3, 2, 1}, tp.resultTensor().toFloatArray());
        // Evenly spaced thresholds take the bucketing path and agree with the direct comparison.
        FalsePositives even = new FalsePositives(0, 0.25, 0.5, 0.75, 1);
        even.updateState(Y, P, null);
        assertArrayEquals(new float[] {2, 1, 1, 0, 0}, even.resultTensor().toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new TruePositives(1.5));
    }

    @Test
    void precisionAndRecall() {
        Precision p = new Precision();
        Recall r = new Recall();
        p.updateState(Y, P, null);
        r.updateState(Y, P, null);
        assertEquals(2f / 3, p.result(), 1e-6);
        assertEquals(2f / 3, r.result(), 1e-6);
        p.updateState(Tensor.vector(0, 1), Tensor.vector(0.9f, 0.1f), Tensor.vector(2, 1));
        r.updateState(Tensor.vector(0, 1), Tensor.vector(0.9f, 0.1f), Tensor.vector(2, 1));
        assertEquals(2f / 5, p.result(), 1e-6);
        assertEquals(2f / 4, r.result(), 1e-6);
        assertEquals("up", p.direction());
        Precision empty = new Precision();
        assertEquals(0f, empty.result());
        Precision two = new Precision(0.5, 0.65);
        two.updateState(Y, P, null);
        assertArrayEquals(new float[] {2f / 3, 1f / 2}, two.resultTensor().toFloatArray(), 1e-6f);
    }

    @Test
    void precisionRecallTopKAndClassId() {
        Tensor yt = Tensor.of(new float[][] {{0, 1, 0, 1}});
        Tensor yp = Tensor.of(new float[][] {{0.2f, 0.9f, 0.5f, 0.1f}});
        Precision p = new Precision().topK(2);
        p.updateState(yt, yp, null);
        assertEquals(0.5f, p.result());
        Recall r = new Recall().topK(2);
        r.updateState(yt, yp, null);
        assertEquals(0.5f, r.result());
        // class_id restricts to one column: class 3 has a positive predicted 0.1 -> recall 0.
        Recall c3 = new Recall().classId(3);
        c3.updateState(yt, yp, null);
        assertEquals(0f, c3.result());
        Precision c1 = new Precision().classId(1);
        c1.updateState(yt, yp, null);
        assertEquals(1f, c1.result());
    }

    /**
     * Keras's AUC computed directly: counts of {@code p > th} at the float32 thresholds {-eps, 1/(n-1), ..., 1 + eps},
     * then the Riemann sum (or the PR interpolation) in double.
     */
    static double referenceAuc(float[] y, float[] p, float[] w, int n, String curve, String method) {
        double[] tp = new double[n], fp = new double[n], tn = new double[n], fn = new double[n];
        for (int i = 0; i < n; i++) {
            float th = i == 0 ? (float) -1e-7 : i == n - 1 ? (float) (1 + 1e-7) : (float) ((double) i / (n - 1));
            for (int k = 0; k < y.length; k++) {
                double wk = w == null ? 1 : w[k];
                boolean pos = p[k] > th;
                if (y[k] != 0) { if (pos) tp[i] += wk; else fn[i] += wk; } else { if (pos) fp[i] += wk; else tn[i] += wk; }
            }
        }
        double area = 0;
        for (int i = 0; i < n - 1; i++) {
            if (curve.equals("PR") && method.equals("interpolation")) {
                double dtp = tp[i] - tp[i + 1], p0 = tp[i] + fp[i], p1 = tp[i + 1] + fp[i + 1];
                double slope = p0 - p1 > 0 ? dtp / (p0 - p1) : 0;
                double intercept = tp[i + 1] - slope * p1;
                double ratio = p0 > 0 && p1 > 0 ? p0 / p1 : 1;
                double denom = tp[i + 1] + fn[i + 1];
                area += denom > 0 ? slope * (dtp + intercept * Math.log(ratio)) / denom : 0;
                continue;
            }
            double x0, x1, y0, y1;
            if (curve.equals("ROC")) {
                x0 = div(fp[i], fp[i] + tn[i]);
                x1 = div(fp[i + 1], fp[i + 1] + tn[i + 1]);
                y0 = div(tp[i], tp[i] + fn[i]);
                y1 = div(tp[i + 1], tp[i + 1] + fn[i + 1]);
            } else {
                x0 = div(tp[i], tp[i] + fn[i]);
                x1 = div(tp[i + 1], tp[i + 1] + fn[i + 1]);
                y0 = div(tp[i], tp[i] + fp[i]);
                y1 = div(tp[i + 1], tp[i + 1] + fp[i + 1]);
            }
            double h = method.equals("interpolation") ? (y0 + y1) / 2 : method.equals("minoring") ? Math.min(y0, y1) : Math.max(y0, y1);
            area += (x0 - x1) * h;
        }
        return area;
    }

    static double div(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    @Test
    void aucHandWorked() {
        // Three thresholds (-eps, 0.5, 1 + eps): points (FPR, TPR) = (1, 1), (0.5, 0.5), (0, 0) -> area 0.5.
        AUC auc = new AUC(3);
        auc.updateState(Tensor.vector(0, 0, 1, 1), Tensor.vector(0.1f, 0.6f, 0.4f, 0.8f), null);
        assertEquals(0.5f, auc.result(), 1e-6);
        assertEquals("up", auc.direction());
        auc.resetState();
        auc.updateState(Tensor.vector(0, 1), Tensor.vector(0.2f, 0.7f), null);
        assertEquals(1f, auc.result(), 1e-6);
    }

    @Test
    void aucCurvesAndSummationMethodsMatchTheReference() {
        float[] y = {0, 0, 1, 1, 0, 1, 1, 0};
        float[] p = {0.1f, 0.3f, 0.35f, 0.8f, 0.6f, 0.9f, 0.55f, 0.05f};
        float[] w = {1, 2, 0.5f, 1, 1, 3, 1, 0.5f};
        for (String curve : new String[] {"ROC", "PR"}) {
            for (String method : new String[] {"interpolation", "minoring", "majoring"}) {
                AUC auc = new AUC(11).curve(curve).summationMethod(method);
                auc.updateState(Tensor.vector(y), Tensor.vector(p), null);
                assertEquals(referenceAuc(y, p, null, 11, curve, method), auc.result(), 1e-6, curve + "/" + method);
                AUC weighted = new AUC(11).curve(curve).summationMethod(method);
                weighted.updateState(Tensor.vector(y).slice(0, 4), Tensor.vector(p).slice(0, 4), Tensor.vector(w).slice(0, 4));
                weighted.updateState(Tensor.vector(y).slice(4, 8), Tensor.vector(p).slice(4, 8), Tensor.vector(w).slice(4, 8));
                assertEquals(referenceAuc(y, p, w, 11, curve, method), weighted.result(), 1e-6, "weighted " + curve + "/" + method);
            }
        }
        // With many thresholds ROC AUC approaches the exact rank statistic: 14 of 16 positive/negative pairs are ordered.
        AUC fine = new AUC(1000);
        fine.updateState(Tensor.vector(y), Tensor.vector(p), null);
        assertEquals(14.0 / 16, fine.result(), 2e-3);
    }

    @Test
    void aucMultiLabelAndLogits() {
        Tensor yt = Tensor.of(new float[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}});
        Tensor yp = Tensor.of(new float[][] {{0.3f, 0.8f}, {0.7f, 0.2f}, {0.6f, 0.4f}, {0.4f, 0.5f}});
        AUC multi = new AUC(5).multiLabel(true);
        multi.updateState(yt, yp, null);
        float[] c0 = {0, 1, 1, 0}, p0 = {0.3f, 0.7f, 0.6f, 0.4f}, c1 = {1, 0, 1, 0}, p1 = {0.8f, 0.2f, 0.4f, 0.5f};
        double a0 = referenceAuc(c0, p0, null, 5, "ROC", "interpolation"), a1 = referenceAuc(c1, p1, null, 5, "ROC", "interpolation");
        assertEquals((a0 + a1) / 2, multi.result(), 1e-6);
        assertArrayEquals(new int[] {5, 2}, multi.variables().get(0).shape());
        AUC weightedLabels = new AUC(5).multiLabel(true).labelWeights(1, 3);
        weightedLabels.updateState(yt, yp, null);
        assertEquals((a0 + 3 * a1) / 4, weightedLabels.result(), 1e-6);

        AUC logits = new AUC(5).fromLogits(true);
        Tensor z = Tensor.vector(-2, 0.5f, 1.5f, -0.2f);
        logits.updateState(Tensor.vector(0, 1, 1, 0), z, null);
        AUC probs = new AUC(5);
        probs.updateState(Tensor.vector(0, 1, 1, 0), z.sigmoid(), null);
        assertEquals(probs.result(), logits.result());
        assertThrows(IllegalArgumentException.class, () -> new AUC(1));
        assertThrows(IllegalArgumentException.class, () -> new AUC().curve("XY"));
    }

    @Test
    void aucWithExplicitThresholds() {
        AUC auc = new AUC().thresholds(0.5);
        assertArrayEquals(new float[] {-1e-7f, 0.5f, 1 + 1e-7f}, auc.thresholdValues());
        auc.updateState(Tensor.vector(0, 0, 1, 1), Tensor.vector(0.1f, 0.6f, 0.4f, 0.8f), null);
        assertEquals(0.5f, auc.result(), 1e-6);
        assertEquals(3, auc.getConfig().get("num_thresholds"));
    }

    @Test
    void f1AndFBetaScores() {
        Tensor yt = Tensor.of(new float[][] {{1, 1, 1}, {1, 0, 0}, {1, 1, 0}});
        Tensor yp = Tensor.of(new float[][] {{0.2f, 0.6f, 0.7f}, {0.2f, 0.6f, 0.6f}, {0.6f, 0.8f, 0f}});
        F1Score f1 = new F1Score().threshold(0.5);
        f1.updateState(yt, yp, null);
        // Keras's documented example: per-class F1 (0.5, 0.8, 0.6667).
        assertArrayEquals(new float[] {0.5f, 0.8f, 2f / 3}, f1.resultTensor().toFloatArray(), 1e-5f);
        F1Score macro = new F1Score().threshold(0.5).average("macro");
        macro.updateState(yt, yp, null);
        assertEquals((0.5 + 0.8 + 2 / 3.0) / 3, macro.result(), 1e-5);
        // Micro pools tp = 4, fp = 2, fn = 2 -> F1 = 2/3.
        F1Score micro = new F1Score().threshold(0.5).average("micro");
        micro.updateState(yt, yp, null);
        assertEquals(2 / 3.0, micro.result(), 1e-5);
        // Weighted by positives per class (3, 2, 1).
        F1Score weighted = new F1Score().threshold(0.5).average("weighted");
        weighted.updateState(yt, yp, null);
        assertEquals((3 * 0.5 + 2 * 0.8 + 2 / 3.0) / 6, weighted.result(), 1e-5);
        // beta = 2 on class 1: P = 2/3, R = 1 -> 5 P R / (4 P + R) = 10/11.
        FBetaScore f2 = new FBetaScore(2.0).threshold(0.5);
        f2.updateState(yt, yp, null);
        assertEquals(10 / 11.0, f2.resultTensor().get(1), 1e-5);
        // Without a threshold the row maximum is the prediction.
        F1Score argmax = new F1Score().average("micro");
        argmax.updateState(Tensor.of(new float[][] {{0, 1}, {1, 0}}), Tensor.of(new float[][] {{0.3f, 0.7f}, {0.4f, 0.6f}}), null);
        assertEquals(0.5f, argmax.result(), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new F1Score().average("mean"));
    }
}
