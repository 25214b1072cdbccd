package keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Error, probabilistic and hinge metrics as weighted means of Keras's per-sample formulas; R2Score. */
class RegressionMetricsTest {
    static final double[][] T1 = {{0, 1, 2}, {1, 0.5, 0.25}};
    static final double[][] P1 = {{0.5, 0.75, 1.5}, {2, 0.5, 1}};
    static final double[][] T2 = {{1, 0.2, 0.3}};
    static final double[][] P2 = {{0.6, 0.25, 0.4}};
    static final double[] W2 = {2.5};

    static Tensor t(double[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = new float[rows[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) rows[i][j];
        }
        return Tensor.of(f);
    }

    /** Two batches (the second weighted) against the weighted mean of {@code f} per sample, then a reset. */
    static void check(Metric metric, BiFunction<double[], double[], Double> f, String direction) {
        metric.updateState(t(T1), t(P1), null);
        double s1 = f.apply(T1[0], P1[0]) + f.apply(T1[1], P1[1]);
        assertEquals(s1 / 2, metric.result(), 1e-5 * Math.max(1, Math.abs(s1)), metric.name());
        metric.updateState(t(T2), t(P2), Tensor.of(W2));
        double expected = (s1 + W2[0] * f.apply(T2[0], P2[0])) / (2 + W2[0]);
        assertEquals(expected, metric.result(), 1e-5 * Math.max(1, Math.abs(expected)), metric.name());
        assertEquals(direction, metric.direction(), metric.name());
        metric.resetState();
        assertEquals(0f, metric.result(), metric.name());
    }

    static double meanOf(double[] t, double[] p, java.util.function.DoubleBinaryOperator op) {
        double s = 0;
        for (int i = 0; i < t.length; i++) s += op.applyAsDouble(t[i], p[i]);
        return s / t.length;
    }

    @Test
    void errorMetrics() {
        check(new MeanSquaredError(), (t, p) -> meanOf(t, p, (a, b) -> (a - b) * (a - b)), "down");
        check(new MeanAbsoluteError(), (t, p) -> meanOf(t, p, (a, b) -> Math.abs(a - b)), "down");
        check(new MeanAbsolutePercentageError(), (t, p) -> meanOf(t, p, (a, b) -> 100 * Math.abs((a - b) / Math.max(Math.abs(a), 1e-7))), "down");
        check(new MeanSquaredLogarithmicError(), (t, p) -> meanOf(t, p, (a, b) -> {
            double d = Math.log(Math.max(b, 1e-7) + 1) - Math.log(Math.max(a, 1e-7) + 1);
            return d * d;
        }), "down");
        check(new LogCoshError(), (t, p) -> meanOf(t, p, (a, b) -> Math.log(Math.cosh(b - a))), "down");
        check(new Hinge(), (t, p) -> meanOf(t, p, (a, b) -> Math.max(1 - a * b, 0)), "down");
        check(new SquaredHinge(), (t, p) -> meanOf(t, p, (a, b) -> Math.pow(Math.max(1 - a * b, 0), 2)), "down");
        check(new Poisson(), (t, p) -> meanOf(t, p, (a, b) -> b - a * Math.log(b + 1e-7)), "down");
    }

    @Test
    void rootMeanSquaredError() {
        RootMeanSquaredError rmse = new RootMeanSquaredError();
        rmse.updateState(Tensor.vector(2, 4, 6), Tensor.vector(1, 3, 8), null);
        assertEquals(Math.sqrt((1 + 1 + 4) / 3.0), rmse.result(), 1e-6);
        rmse.updateState(Tensor.vector(0), Tensor.vector(3), Tensor.vector(2));
        assertEquals(Math.sqrt((6 + 2 * 9) / 5.0), rmse.result(), 1e-6);
        assertEquals("down", rmse.direction());
    }

    @Test
    void cosineSimilarityIsPositive() {
        check(new CosineSimilarity(), (t, p) -> {
            double dot = 0, nt = 0, np = 0;
            for (int i = 0; i < t.length; i++) {
                dot += t[i] * p[i];
                nt += t[i] * t[i];
                np += p[i] * p[i];
            }
            return dot / Math.sqrt(nt) / Math.sqrt(np);
        }, "up");
    }

    @Test
    void probabilisticMetrics() {
        BinaryCrossentropy bce = new BinaryCrossentropy();
        bce.updateState(t(new double[][] {{0, 1}, {1, 1}}), t(new double[][] {{0.2, 0.7}, {0.9, 0.4}}), null);
        double b1 = -(Math.log(0.8) + Math.log(0.7)) / 2, b2 = -(Math.log(0.9) + Math.log(0.4)) / 2;
        assertEquals((b1 + b2) / 2, bce.result(), 1e-6);
        bce.updateState(t(new double[][] {{0, 0}}), t(new double[][] {{0.5, 0.25}}), Tensor.vector(3));
        double b3 = -(Math.log(0.5) + Math.log(0.75)) / 2;
        assertEquals((b1 + b2 + 3 * b3) / 5, bce.result(), 1e-6);
        assertEquals("down", bce.direction());
        double[][] dist = {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}};
        KLDivergence kl = new KLDivergence();
        kl.updateState(t(dist), t(new double[][] {{0.3, 0.4, 0.3}, {0.2, 0.5, 0.3}}), null);
        double k1 = 0.2 * Math.log(0.2 / 0.3) + 0.5 * Math.log(0.5 / 0.4), k2 = 0.6 * Math.log(3) + 0.1 * Math.log(0.2);
        assertEquals((k1 + k2) / 2, kl.result(), 1e-6);
        assertEquals("down", kl.direction());

        Tensor onehot = t(new double[][] {{0, 1, 0}, {0, 0, 1}});
        Tensor probs = t(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}});
        CategoricalCrossentropy cce = new CategoricalCrossentropy();
        cce.updateState(onehot, probs, null);
        assertEquals((-Math.log(0.95) - Math.log(0.1)) / 2, cce.result(), 1e-6);
        SparseCategoricalCrossentropy scce = new SparseCategoricalCrossentropy();
        scce.updateState(Tensor.vector(1, 2), probs, null);
        assertEquals(cce.result(), scce.result(), 1e-6);
        scce.updateState(Tensor.vector(0), t(new double[][] {{0.5, 0.25, 0.25}}), Tensor.vector(2));
        assertEquals((-Math.log(0.95) - Math.log(0.1) - 2 * Math.log(0.5)) / 4, scce.result(), 1e-6);
        // From logits and label smoothing reach the loss functions.
        CategoricalCrossentropy logits = new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1);
        logits.updateState(onehot, t(new double[][] {{1, 2, 3}, {0, 0, 0}}), null);
        assertTrue(logits.result() > 0);
    }

    @Test
    void sparseCrossentropyIgnoreClassFollowsKerasMeanRules() {
        Tensor labels = Tensor.vector(1, 0);
        Tensor probs = t(new double[][] {{0.2, 0.8}, {0.5, 0.5}});
        SparseCategoricalCrossentropy m = new SparseCategoricalCrossentropy().ignoreClass(0);
        // Without weights the ignored sample contributes 0 but still counts.
        m.updateState(labels, probs, null);
        assertEquals(-Math.log(0.8) / 2, m.result(), 1e-6);
        // With weights its weight is masked to 0.
        m.resetState();
        m.updateState(labels, probs, Tensor.vector(1, 1));
        assertEquals(-Math.log(0.8), m.result(), 1e-6);
    }

    @Test
    void categoricalHinge() {
        CategoricalHinge m = new CategoricalHinge();
        m.updateState(t(new double[][] {{0, 1}, {1, 0}}), t(new double[][] {{0.6, 0.4}, {0.4, 0.6}}), null);
        // max(0.6 - 0.4 + 1, 0) = 1.2 for both samples.
        assertEquals(1.2f, m.result(), 1e-6);
    }

    @Test
    void r2Score() {
        R2Score r2 = new R2Score();
        r2.updateState(t(new double[][] {{1}, {4}, {3}}), t(new double[][] {{2}, {4}, {4}}), null);
        // SS_res = 2, SS_tot = 26 - 64/3 = 14/3 -> 1 - 6/14.
        assertEquals(1 - 2 / (14 / 3.0), r2.result(), 1e-6);
        assertEquals("up", r2.direction());

        double[][] yt = {{1, 2}, {2, 1}, {3, 5}, {4, 3}}, yp = {{1.5, 2}, {2, 1.5}, {2.5, 4}, {4.5, 3.5}};
        double[] w = {1, 2, 1, 0};
        double[] raw = new double[2], var = new double[2];
        for (int c = 0; c < 2; c++) {
            double sw = 0, s = 0, sq = 0, res = 0;
            for (int i = 0; i < 4; i++) {
                sw += w[i];
                s += w[i] * yt[i][c];
                sq += w[i] * yt[i][c] * yt[i][c];
                res += w[i] * (yt[i][c] - yp[i][c]) * (yt[i][c] - yp[i][c]);
            }
            var[c] = sq - s * s / sw;
            raw[c] = 1 - res / var[c];
        }
        R2Score uniform = new R2Score();
        uniform.updateState(t(new double[][] {yt[0], yt[1]}), t(new double[][] {yp[0], yp[1]}), Tensor.vector(1, 2));
        uniform.updateState(t(new double[][] {yt[2], yt[3]}), t(new double[][] {yp[2], yp[3]}), Tensor.vector(1, 0));
        assertEquals((raw[0] + raw[1]) / 2, uniform.result(), 1e-5);
        R2Score weighted = new R2Score().classAggregation("variance_weighted_average");
        weighted.updateState(t(yt), t(yp), Tensor.of(w));
        assertEquals((var[0] * raw[0] + var[1] * raw[1]) / (var[0] + var[1]), weighted.result(), 1e-5);
        R2Score perClass = new R2Score().classAggregation(null);
        perClass.updateState(t(yt), t(yp), Tensor.of(w));
        assertEquals(raw[1], perClass.resultTensor().get(1), 1e-5);
        // Adjusted R2 with 3 samples of non-zero weight and 1 regressor.
        R2Score adjusted = new R2Score().numRegressors(1);
        adjusted.updateState(t(yt), t(yp), Tensor.of(w));
        double plain = (raw[0] + raw[1]) / 2;
        assertEquals(1 - (1 - plain) * (3 - 1) / (3 - 1 - 1.0), adjusted.result(), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new R2Score().updateState(Tensor.vector(1, 2), Tensor.vector(1, 2), null));
    }
}
