package keras4j.losses;

import static keras4j.losses.LossCheck.EPS;
import static keras4j.losses.LossCheck.checkLoss;
import static keras4j.losses.LossCheck.clip;
import static keras4j.losses.LossCheck.t2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Crossentropy losses against Keras's formulas restated in double precision. */
class CrossentropyLossesTest {
    static final double TOL = 2e-6;
    static final double[][] BT = {{0, 1, 1}, {1, 0, 1}, {0, 0, 1}};
    static final double[][] BP = {{0.2, 0.7, 0.6}, {0.9, 0.3, 0.45}, {0.1, 0.35, 0.8}};
    static final double[][] LOGITS = {{-1.2, 0.8, 0.3}, {2.0, -0.5, 0.1}, {-0.4, 0.2, 1.5}};
    static final double[][] CT = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}};
    static final double[][] CP = {{0.2, 0.7, 0.1}, {0.5, 0.3, 0.2}, {0.15, 0.25, 0.6}};

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double bce(double t, double p) {
        double q = clip(p, EPS, 1 - EPS);
        return -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
    }

    static LossCheck.RowFormula bceRow(boolean logits, double smoothing) {
        return (t, p) -> {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                double ts = t[i] * (1 - smoothing) + 0.5 * smoothing;
                s += logits ? -(ts * Math.log(sigmoid(p[i])) + (1 - ts) * Math.log(1 - sigmoid(p[i]))) : bce(ts, p[i]);
            }
            return s / t.length;
        };
    }

    static double[] softmax(double[] x) {
        double m = Double.NEGATIVE_INFINITY, s = 0;
        for (double v : x) m = Math.max(m, v);
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) s += e[i] = Math.exp(x[i] - m);
        for (int i = 0; i < x.length; i++) e[i] /= s;
        return e;
    }

    static double[] normalizedClipped(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) q[i] = clip(p[i] / s, EPS, 1 - EPS);
        return q;
    }

    static LossCheck.RowFormula cceRow(boolean logits, double smoothing) {
        return (t, p) -> {
            double[] q = logits ? softmax(p) : normalizedClipped(p);
            double s = 0;
            for (int i = 0; i < t.length; i++) s -= (t[i] * (1 - smoothing) + smoothing / t.length) * Math.log(q[i]);
            return s;
        };
    }

    @Test
    void binaryCrossentropy() {
        checkLoss(new BinaryCrossentropy(), bceRow(false, 0), BT, BP, TOL);
        checkLoss(new BinaryCrossentropy().labelSmoothing(0.2), bceRow(false, 0.2), BT, BP, TOL);
        checkLoss(new BinaryCrossentropy().fromLogits(true), bceRow(true, 0), BT, LOGITS, TOL);
        checkLoss(new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1), bceRow(true, 0.1), BT, LOGITS, TOL);
        // Hand-worked: -log(0.8) for a confident correct positive; 0 and 1 predictions are clipped to 1e-7.
        assertEquals(-Math.log(0.8), new BinaryCrossentropy().compute(Tensor.of(new float[][] {{1}}), Tensor.of(new float[][] {{0.8f}})).item(), 1e-6);
        assertEquals(-Math.log(1e-7), new BinaryCrossentropy().compute(Tensor.of(new float[][] {{1}}), Tensor.of(new float[][] {{0f}})).item(), 1e-3);
        // Very large logits stay finite.
        float big = new BinaryCrossentropy().fromLogits(true).compute(Tensor.of(new float[][] {{0}}), Tensor.of(new float[][] {{200f}})).item();
        assertEquals(200.0, big, 1e-4);
    }

    @Test
    void binaryCrossentropyAxisAveragesOverTheGivenAxis() {
        Tensor t = t2(BT), p = t2(BP);
        double[] expected = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) expected[j] += bce(BT[i][j], BP[i][j]) / 3;
        }
        LossCheck.assertValues(expected, new BinaryCrossentropy().axis(0).call(t, p), 1e-6);
    }

    @Test
    void binaryFocalCrossentropy() {
        for (boolean balance : new boolean[] {false, true}) {
            for (boolean logits : new boolean[] {false, true}) {
                double gamma = 2.0, alpha = 0.3, smoothing = logits ? 0.1 : 0;
                LossCheck.RowFormula f = (t, x) -> {
                    double s = 0;
                    for (int i = 0; i < t.length; i++) {
                        double ts = t[i] * (1 - smoothing) + 0.5 * smoothing;
                        double p = logits ? sigmoid(x[i]) : x[i];
                        double pt = ts * p + (1 - ts) * (1 - p);
                        double w = balance ? ts * alpha + (1 - ts) * (1 - alpha) : 1;
                        s += w * Math.pow(1 - pt, gamma) * bce(ts, p);
                    }
                    return s / t.length;
                };
                BinaryFocalCrossentropy loss = new BinaryFocalCrossentropy().applyClassBalancing(balance).alpha(alpha).fromLogits(logits).labelSmoothing(smoothing);
                checkLoss(loss, f, BT, logits ? LOGITS : BP, TOL);
            }
        }
        // gamma = 0 without balancing is binary crossentropy.
        assertEquals(new BinaryCrossentropy().compute(t2(BT), t2(BP)).item(), new BinaryFocalCrossentropy().gamma(0).compute(t2(BT), t2(BP)).item(), 1e-6);
    }

    @Test
    void categoricalCrossentropy() {
        checkLoss(new CategoricalCrossentropy(), cceRow(false, 0), CT, CP, TOL);
        checkLoss(new CategoricalCrossentropy().labelSmoothing(0.3), cceRow(false, 0.3), CT, CP, TOL);
        checkLoss(new CategoricalCrossentropy().fromLogits(true), cceRow(true, 0), CT, LOGITS, TOL);
        checkLoss(new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1), cceRow(true, 0.1), CT, LOGITS, TOL);
        // Hand-worked: -log(0.7); unnormalized predictions are normalized first.
        assertEquals(-Math.log(0.7), new CategoricalCrossentropy().call(Tensor.of(new float[][] {{0, 1, 0}}), Tensor.of(new float[][] {{0.4f, 1.4f, 0.2f}})).item(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new CategoricalCrossentropy().call(t2(CT), Tensor.ones(3, 4)));
    }

    @Test
    void categoricalCrossentropyAlongAxisZero() {
        Tensor t = t2(CT).transpose(), p = t2(CP).transpose();
        LossCheck.assertValues(LossCheck.perSample(cceRow(false, 0), CT, CP), new CategoricalCrossentropy().axis(0).call(t, p), 1e-6);
    }

    @Test
    void categoricalFocalCrossentropy() {
        for (boolean logits : new boolean[] {false, true}) {
            double alpha = 0.4, gamma = 1.5, smoothing = logits ? 0.2 : 0;
            LossCheck.RowFormula f = (t, x) -> {
                double[] q = normalizedClipped(logits ? softmax(x) : x);
                double s = 0;
                for (int i = 0; i < t.length; i++) {
                    double ts = t[i] * (1 - smoothing) + smoothing / t.length;
                    s += alpha * Math.pow(1 - q[i], gamma) * -ts * Math.log(q[i]);
                }
                return s;
            };
            checkLoss(new CategoricalFocalCrossentropy().alpha(alpha).gamma(gamma).fromLogits(logits).labelSmoothing(smoothing), f, CT, logits ? LOGITS : CP, TOL);
        }
    }

    @Test
    void sparseCategoricalCrossentropy() {
        double[] labels = {1, 0, 2};
        Tensor sparse = Tensor.of(labels);
        for (boolean logits : new boolean[] {false, true}) {
            double[][] p = logits ? LOGITS : CP;
            double[] expected = LossCheck.perSample(cceRow(logits, 0), CT, p);
            SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy().fromLogits(logits);
            LossCheck.assertValues(expected, loss.call(sparse, t2(p)), 1e-6);
            LossCheck.assertValues(expected, loss.call(sparse.reshape(3, 1), t2(p)), 1e-6);
            assertEquals((expected[0] + expected[1] + expected[2]) / 3, loss.compute(sparse, t2(p)).item(), 1e-6);
            LossCheck.assertGradient(loss, sparse, t2(p));
        }
        assertThrows(IllegalArgumentException.class, () -> new SparseCategoricalCrossentropy().call(Tensor.vector(3, 0, 1), t2(CP)));
        assertThrows(IllegalArgumentException.class, () -> new SparseCategoricalCrossentropy().call(Tensor.vector(1, 0), t2(CP)));
    }

    @Test
    void sparseCategoricalCrossentropyIgnoreClass() {
        Tensor labels = Tensor.vector(1, 0, 2, 0);
        double[][] p = {CP[0], CP[1], CP[2], {0.3, 0.3, 0.4}};
        SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy().ignoreClass(0);
        double l0 = -Math.log(0.7), l2 = -Math.log(0.6);
        LossCheck.assertValues(new double[] {l0, 0, l2, 0}, loss.call(labels, t2(p)), 1e-6);
        // The ignored samples are masked out: the mean is over the two valid ones.
        assertEquals((l0 + l2) / 2, loss.compute(labels, t2(p)).item(), 1e-6);
        assertEquals(l0 + l2, loss.reduction("sum").compute(labels, t2(p)).item(), 1e-6);
        Tensor sw = Tensor.vector(2, 1, 0.5f, 1);
        assertEquals((2 * l0 + 0.5 * l2) / 2, loss.reduction("sum_over_batch_size").compute(labels, t2(p), sw).item(), 1e-6);
        LossCheck.assertGradient(loss, labels, t2(p));
        LossCheck.assertGradient(new SparseCategoricalCrossentropy().ignoreClass(2).fromLogits(true), labels, t2(p));
    }

    @Test
    void categoricalGeneralizedCrossEntropy() {
        double[] labels = {1, 0, 2};
        for (double q : new double[] {0.5, 0.2}) {
            CategoricalGeneralizedCrossEntropy loss = new CategoricalGeneralizedCrossEntropy().q(q);
            double[] expected = new double[3];
            for (int i = 0; i < 3; i++) expected[i] = (1 - Math.pow(CP[i][(int) labels[i]], q)) / q;
            LossCheck.assertValues(expected, loss.call(Tensor.of(labels), t2(CP)), 1e-6);
            LossCheck.assertValues(expected, loss.call(Tensor.of(labels).reshape(3, 1), t2(CP)), 1e-6);
            LossCheck.assertGradient(loss, Tensor.of(labels), t2(CP));
        }
    }

    @Test
    void oneHotPlacesTheClassAxis() {
        Tensor oh = CrossentropyFunctions.oneHot(Tensor.vector(2, 0), 3, -1);
        LossCheck.assertValues(new double[] {0, 0, 1, 1, 0, 0}, oh, 0);
        Tensor first = CrossentropyFunctions.oneHot(Tensor.vector(2, 0), 3, 0);
        assertEquals(3, first.dim(0));
        LossCheck.assertValues(new double[] {0, 1, 0, 0, 1, 0}, first, 0);
    }
}
