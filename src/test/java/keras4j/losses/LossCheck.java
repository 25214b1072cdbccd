package keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import keras4j.testing.GradientChecker;
import keras4j.tensor.Tensor;

/** Shared checks for loss tests: expectations come from a plain double re-statement of Keras's formula per sample. */
final class LossCheck {
    private LossCheck() {}

    /** Keras's per-sample formula on one row of labels and predictions, in double precision. */
    @FunctionalInterface
    interface RowFormula {
        double apply(double[] t, double[] p);
    }

    static Tensor t2(double[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = new float[rows[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) rows[i][j];
        }
        return Tensor.of(f);
    }

    static double[] perSample(RowFormula f, double[][] t, double[][] p) {
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) v[i] = f.apply(t[i], p[i]);
        return v;
    }

    /**
     * Checks {@code call}, every reduction with and without sample weights, and the gradient
     * with respect to y_pred, for 2-D inputs whose per-sample loss is {@code f(row)}.
     */
    static void checkLoss(AbstractLoss<?> loss, RowFormula f, double[][] t, double[][] p, double tol) {
        Tensor yt = t2(t), yp = t2(p);
        double[] v = perSample(f, t, p);
        float[] got = loss.call(yt, yp).toFloatArray();
        assertEquals(v.length, got.length, "per-sample values");
        for (int i = 0; i < v.length; i++) assertEquals(v[i], got[i], tol, "sample " + i);

        double[] w = new double[t.length];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + 0.75 * i;
        Tensor sw = Tensor.of(w);
        double sum = 0, wsum = 0, wtot = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            wsum += v[i] * w[i];
            wtot += w[i];
        }
        int n = v.length;
        String red = loss.reduction();
        try {
            loss.reduction("sum_over_batch_size");
            assertEquals(sum / n, loss.compute(yt, yp).item(), tol, "sum_over_batch_size");
            assertEquals(wsum / n, loss.compute(yt, yp, sw).item(), tol, "sum_over_batch_size weighted");
            loss.reduction("mean");
            assertEquals(wsum / n, loss.compute(yt, yp, sw).item(), tol, "mean weighted");
            loss.reduction("sum");
            assertEquals(sum, loss.compute(yt, yp).item(), tol * n, "sum");
            assertEquals(wsum, loss.compute(yt, yp, sw).item(), tol * n, "sum weighted");
            loss.reduction("mean_with_sample_weight");
            assertEquals(sum / n, loss.compute(yt, yp).item(), tol, "mean_with_sample_weight unweighted");
            assertEquals(wsum / wtot, loss.compute(yt, yp, sw).item(), tol, "mean_with_sample_weight");
            loss.reduction("none");
            float[] none = loss.compute(yt, yp, sw).toFloatArray();
            for (int i = 0; i < n; i++) assertEquals(v[i] * w[i], none[i], tol, "none " + i);
        } finally {
            loss.reduction(red);
        }
        assertGradient(loss, yt, yp);
    }

    /** The tape's gradient of the reduced loss w.r.t. y_pred matches central differences (step 1e-2). */
    static void assertGradient(Loss loss, Tensor yTrue, Tensor yPred) {
        GradientChecker.Result r = GradientChecker.check(x -> loss.compute(yTrue, x[0], null), 1e-2, yPred.copy());
        assertTrue(r.maxError() < 5e-3, loss.className() + ": " + r);
        Tensor sw = Tensor.arange(yPred.dim(0)).add(1f);
        GradientChecker.Result rw = GradientChecker.check(x -> loss.compute(yTrue, x[0], sw), 1e-2, yPred.copy());
        assertTrue(rw.maxError() < 5e-3, loss.className() + " weighted: " + rw);
    }

    static void assertValues(double[] expected, Tensor actual, double tol) {
        float[] a = actual.toFloatArray();
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        assertArrayEquals(expected, d, tol);
    }

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    static final double EPS = 1e-7;
}
