package keras4j.losses;

import static keras4j.losses.LossCheck.EPS;
import static keras4j.losses.LossCheck.checkLoss;
import static keras4j.losses.LossCheck.t2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Regression, hinge and distribution losses against Keras's formulas restated in double precision. */
class RegressionLossesTest {
    static final double[][] T = {{0.0, 1.0, 2.0}, {1.5, -0.5, 0.25}, {3.0, 0.5, -2.0}};
    static final double[][] P = {{0.3, 0.8, 1.1}, {1.0, 0.4, 0.55}, {1.2, 0.9, -1.3}};
    static final double TOL = 2e-6;

    @Test
    void meanSquaredError() {
        checkLoss(new MeanSquaredError(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) s += (t[i] - p[i]) * (t[i] - p[i]);
            return s / t.length;
        }, T, P, TOL);
        // Hand-worked: ((0-1)^2 + (1-1)^2) / 2 = 0.5 and ((0-1)^2 + 0) / 2 = 0.5.
        assertEquals(0.5f, new MeanSquaredError().compute(Tensor.of(new float[][] {{0, 1}, {0, 0}}), Tensor.of(new float[][] {{1, 1}, {1, 0}})).item(), 1e-7);
    }

    @Test
    void meanAbsoluteError() {
        checkLoss(new MeanAbsoluteError(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) s += Math.abs(t[i] - p[i]);
            return s / t.length;
        }, T, P, TOL);
    }

    @Test
    void meanAbsolutePercentageError() {
        checkLoss(new MeanAbsolutePercentageError(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) s += Math.abs((t[i] - p[i]) / Math.max(Math.abs(t[i]), EPS));
            return 100 * s / t.length;
        }, new double[][] {{1, 2, -4}, {0.5, 3, 2}}, new double[][] {{1.5, 1, -3}, {0.25, 3.3, 2.6}}, 1e-4);
        // A zero label divides by epsilon, as in Keras.
        float z = new MeanAbsolutePercentageError().call(Tensor.of(new float[][] {{0f}}), Tensor.of(new float[][] {{1e-7f}})).item();
        assertEquals(100.0, z, 1e-3);
    }

    @Test
    void meanSquaredLogarithmicError() {
        checkLoss(new MeanSquaredLogarithmicError(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                double d = Math.log(Math.max(p[i], EPS) + 1) - Math.log(Math.max(t[i], EPS) + 1);
                s += d * d;
            }
            return s / t.length;
        }, new double[][] {{0, 1, 2}, {3, 0.5, 0.2}}, new double[][] {{0.5, 1.5, 1}, {2, 0.1, 0.9}}, TOL);
    }

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(Math.max(s, EPS * EPS));
    }

    @Test
    void cosineSimilarity() {
        checkLoss(new CosineSimilarity(), (t, p) -> {
            double s = 0, nt = norm(t), np = norm(p);
            for (int i = 0; i < t.length; i++) s += t[i] / nt * p[i] / np;
            return -s;
        }, T, P, TOL);
        // Hand-worked: identical directions -> -1, orthogonal -> 0; axis 0 compares columns.
        Tensor a = Tensor.of(new float[][] {{1, 0}, {0, 2}});
        Tensor b = Tensor.of(new float[][] {{3, 0}, {1, 0}});
        LossCheck.assertValues(new double[] {-1, 0}, new CosineSimilarity().call(a, b), 1e-6);
        LossCheck.assertValues(new double[] {-3 / Math.sqrt(10), 0}, new CosineSimilarity().axis(0).call(a, b), 1e-6);
    }

    @Test
    void huber() {
        for (double delta : new double[] {1.0, 0.5}) {
            checkLoss(new Huber().delta(delta), (t, p) -> {
                double s = 0;
                for (int i = 0; i < t.length; i++) {
                    double e = Math.abs(p[i] - t[i]);
                    s += e <= delta ? 0.5 * e * e : delta * e - 0.5 * delta * delta;
                }
                return s / t.length;
            }, T, P, TOL);
        }
        // Hand-worked: errors 0.5 and 2 with delta 1 -> (0.125 + 1.5) / 2.
        assertEquals(0.8125f, new Huber().call(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[][] {{0.5f, 2}})).item(), 1e-7);
    }

    @Test
    void logCosh() {
        checkLoss(new LogCosh(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) s += Math.log(Math.cosh(p[i] - t[i]));
            return s / t.length;
        }, T, P, TOL);
    }

    @Test
    void hingeMapsBinaryLabels() {
        double[][] t01 = {{0, 1, 1}, {1, 0, 0}};
        double[][] p = {{0.3, 0.8, -0.4}, {1.6, -0.7, 0.2}};
        LossCheck.RowFormula hinge = (t, q) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) s += Math.max(1 - (2 * t[i] - 1) * q[i], 0);
            return s / t.length;
        };
        checkLoss(new Hinge(), hinge, t01, p, TOL);
        // Labels already in {-1, 1} are used as they are.
        double[][] tpm = {{-1, 1, 1}, {1, -1, -1}};
        assertEquals(new Hinge().compute(t2(t01), t2(p)).item(), new Hinge().compute(t2(tpm), t2(p)).item(), 1e-7);
    }

    @Test
    void squaredHinge() {
        checkLoss(new SquaredHinge(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                double m = Math.max(1 - t[i] * p[i], 0);
                s += m * m;
            }
            return s / t.length;
        }, new double[][] {{-1, 1, 1}, {1, -1, 1}}, new double[][] {{0.3, 0.8, -0.4}, {1.6, -0.7, 0.2}}, TOL);
    }

    @Test
    void categoricalHinge() {
        checkLoss(new CategoricalHinge(), (t, p) -> {
            double pos = 0, neg = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.length; i++) {
                pos += t[i] * p[i];
                neg = Math.max(neg, (1 - t[i]) * p[i]);
            }
            return Math.max(neg - pos + 1, 0);
        }, new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}, new double[][] {{0.3, 0.8, 0.1}, {0.2, 0.7, 0.1}, {0.25, 0.05, 1.6}}, TOL);
    }

    @Test
    void klDivergence() {
        checkLoss(new KLDivergence(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                double a = LossCheck.clip(t[i], EPS, 1), b = LossCheck.clip(p[i], EPS, 1);
                s += a * Math.log(a / b);
            }
            return s;
        }, new double[][] {{0.2, 0.5, 0.3}, {0.6, 0.1, 0.3}}, new double[][] {{0.3, 0.4, 0.3}, {0.2, 0.5, 0.3}}, TOL);
    }

    @Test
    void poisson() {
        checkLoss(new Poisson(), (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) s += p[i] - t[i] * Math.log(p[i] + EPS);
            return s / t.length;
        }, new double[][] {{0, 1, 2}, {3, 1, 0}}, new double[][] {{0.5, 1.5, 1.2}, {2.5, 0.7, 0.3}}, TOL);
    }

    @Test
    void diceOverAllAxesAndPerSample() {
        double[][] t = {{1, 0, 1, 1}, {0, 1, 0, 0}};
        double[][] p = {{0.9, 0.2, 0.6, 0.7}, {0.3, 0.8, 0.1, 0.2}};
        // Over everything: 1 - 2 * sum(t p) / (sum t + sum p + eps).
        double inter = 0.9 + 0.6 + 0.7 + 0.8, st = 4, sp = 0.9 + 0.2 + 0.6 + 0.7 + 0.3 + 0.8 + 0.1 + 0.2;
        assertEquals(1 - 2 * inter / (st + sp + EPS), new Dice().compute(t2(t), t2(p)).item(), 1e-6);
        checkLoss(new Dice().axis(1), (a, b) -> {
            double i = 0, sa = 0, sb = 0;
            for (int k = 0; k < a.length; k++) {
                i += a[k] * b[k];
                sa += a[k];
                sb += b[k];
            }
            return 1 - 2 * i / (sa + sb + EPS);
        }, t, p, TOL);
        LossCheck.assertGradient(new Dice(), t2(t), t2(p));
    }

    @Test
    void tversky() {
        double[][] t = {{1, 0, 1, 1}, {0, 1, 0, 0}};
        double[][] p = {{0.9, 0.2, 0.6, 0.7}, {0.3, 0.8, 0.1, 0.2}};
        for (double[] ab : new double[][] {{0.5, 0.5}, {0.3, 0.7}}) {
            checkLoss(new Tversky().alpha(ab[0]).beta(ab[1]).axis(-1), (a, b) -> {
                double tp = 0, fp = 0, fn = 0;
                for (int k = 0; k < a.length; k++) {
                    tp += b[k] * a[k];
                    fp += (1 - a[k]) * b[k];
                    fn += a[k] * (1 - b[k]);
                }
                return 1 - tp / (tp + ab[0] * fp + ab[1] * fn + EPS);
            }, t, p, TOL);
        }
        // alpha = beta = 0.5 is Dice.
        assertEquals(new Dice().compute(t2(t), t2(p)).item(), new Tversky().compute(t2(t), t2(p)).item(), 1e-6);
    }

    @Test
    void rankOneLabelsAreExpandedToMatchColumnPredictions() {
        Tensor yTrue = Tensor.vector(1, 2, 3);
        Tensor yPred = Tensor.of(new float[][] {{1.5f}, {2}, {1}});
        LossCheck.assertValues(new double[] {0.25, 0, 4}, new MeanSquaredError().call(yTrue, yPred), 1e-6);
        assertEquals((0.25 + 4) / 3, new MeanSquaredError().compute(yTrue, yPred).item(), 1e-6);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MeanSquaredError().reduction("average"));
        assertThrows(IllegalArgumentException.class, () -> new CategoricalGeneralizedCrossEntropy().q(1.0));
    }
}
