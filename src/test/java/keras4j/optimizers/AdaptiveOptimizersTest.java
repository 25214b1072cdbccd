package keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import keras4j.autograd.Variable;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * One and two steps of each optimizer on a 3-element weight, checked against Keras 3's update rule written
 * out here in double precision.
 */
class AdaptiveOptimizersTest {
    static final double[] W0 = {1.0, -2.0, 0.5};
    static final double[] G1 = {0.1, -0.2, 0.3};
    static final double[] G2 = {-0.05, 0.4, 0.0};
    static final double TOL = 1e-6;

    static Variable weight() {
        return new Variable("kernel", Tensor.of(W0), true);
    }

    static void step(Optimizer opt, Variable w, double[] g) {
        opt.applyGradients(List.of(Tensor.of(g)), List.of(w));
    }

    static void assertWeights(double[] expected, Variable w) {
        float[] got = w.peek().toFloatArray();
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got[i], TOL * Math.max(1, Math.abs(expected[i])), "element " + i);
    }

    @Test
    void sgdPlainMomentumAndNesterov() {
        double lr = 0.1, mu = 0.9;
        Variable w = weight();
        SGD plain = new SGD(lr);
        step(plain, w, G1);
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) e[i] = W0[i] - lr * G1[i];
        assertWeights(e, w);
        assertEquals(2, plain.variables().size(), "no momentum slot without momentum");

        for (boolean nesterov : new boolean[] {false, true}) {
            Variable v = weight();
            SGD opt = new SGD(lr).momentum(mu).nesterov(nesterov);
            double[] ww = W0.clone(), m = new double[3];
            for (double[] g : new double[][] {G1, G2}) {
                step(opt, v, g);
                for (int i = 0; i < 3; i++) {
                    m[i] = mu * m[i] - lr * g[i];
                    ww[i] += nesterov ? mu * m[i] - lr * g[i] : m[i];
                }
                assertWeights(ww, v);
            }
            assertArrayEquals(new float[] {(float) m[0], (float) m[1], (float) m[2]}, opt.variables().get(2).peek().toFloatArray(), 1e-7f);
        }
    }

    /** Keras 3's Adam (and AdamW when wd > 0) for two steps, optionally AMSGrad. */
    static double[] adamReference(double lr, double wd, boolean amsgrad) {
        double b1 = 0.9, b2 = 0.999, eps = 1e-7;
        double[] w = W0.clone(), m = new double[3], v = new double[3], vh = new double[3];
        double[][] grads = {G1, G2};
        for (int t = 1; t <= 2; t++) {
            double[] g = grads[t - 1];
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < 3; i++) {
                w[i] -= w[i] * wd * lr;
                m[i] += (g[i] - m[i]) * (1 - b1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                vh[i] = Math.max(vh[i], v[i]);
                w[i] -= alpha * m[i] / (Math.sqrt(amsgrad ? vh[i] : v[i]) + eps);
            }
        }
        return w;
    }

    @Test
    void adamAndAmsgrad() {
        for (boolean ams : new boolean[] {false, true}) {
            Variable w = weight();
            Adam adam = new Adam(0.01).amsgrad(ams);
            step(adam, w, G1);
            step(adam, w, G2);
            assertWeights(adamReference(0.01, 0, ams), w);
            assertEquals(ams ? 5 : 4, adam.variables().size());
            assertEquals(2, adam.iterations());
        }
        // AMSGrad differs once the second moment shrinks (element 2: 0.3 then 0).
        double[] plain = adamReference(0.01, 0, false), ams = adamReference(0.01, 0, true);
        assertNotEquals(plain[2], ams[2], 1e-9);
    }

    @Test
    void adamWDecaysBeforeTheAdamUpdate() {
        Variable w = weight();
        AdamW opt = new AdamW(0.01).weightDecay(0.1);
        step(opt, w, G1);
        step(opt, w, G2);
        assertWeights(adamReference(0.01, 0.1, false), w);
        assertEquals(0.004, new AdamW().weightDecay());
    }

    @Test
    void rmspropVariants() {
        double lr = 0.01, rho = 0.9, eps = 1e-7;
        for (double mu : new double[] {0, 0.5}) {
            for (boolean centered : new boolean[] {false, true}) {
                Variable w = weight();
                RMSprop opt = new RMSprop(lr).momentum(mu).centered(centered);
                double[] ww = W0.clone(), v = new double[3], a = new double[3], mom = new double[3];
                for (double[] g : new double[][] {G1, G2}) {
                    step(opt, w, g);
                    for (int i = 0; i < 3; i++) {
                        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                        double denom = v[i] + eps;
                        if (centered) {
                            a[i] = rho * a[i] + (1 - rho) * g[i];
                            denom = v[i] - a[i] * a[i] + eps;
                        }
                        double inc = lr * g[i] / Math.sqrt(denom);
                        if (mu > 0) {
                            mom[i] = mu * mom[i] + inc;
                            ww[i] -= mom[i];
                        } else {
                            ww[i] -= inc;
                        }
                    }
                    assertWeights(ww, w);
                }
                assertEquals(3 + (mu > 0 ? 1 : 0) + (centered ? 1 : 0), opt.variables().size());
            }
        }
    }

    @Test
    void adagrad() {
        double lr = 0.1, eps = 1e-7;
        Variable w = weight();
        Adagrad opt = new Adagrad(lr);
        double[] ww = W0.clone(), acc = {0.1, 0.1, 0.1};
        for (double[] g : new double[][] {G1, G2}) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                acc[i] += g[i] * g[i];
                ww[i] -= lr * g[i] / Math.sqrt(acc[i] + eps);
            }
            assertWeights(ww, w);
        }
    }

    @Test
    void adadelta() {
        double lr = 1.0, rho = 0.95, eps = 1e-7;
        Variable w = weight();
        Adadelta opt = new Adadelta(lr);
        double[] ww = W0.clone(), ag = new double[3], ad = new double[3];
        for (double[] g : new double[][] {G1, G2}) {
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                ag[i] = rho * ag[i] + (1 - rho) * g[i] * g[i];
                double d = -Math.sqrt(ad[i] + eps) * g[i] / Math.sqrt(ag[i] + eps);
                ad[i] = rho * ad[i] + (1 - rho) * d * d;
                ww[i] += lr * d;
            }
            assertWeights(ww, w);
        }
    }

    @Test
    void adamax() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7;
        Variable w = weight();
        Adamax opt = new Adamax(lr);
        double[] ww = W0.clone(), m = new double[3], u = new double[3];
        double[][] grads = {G1, G2};
        for (int t = 1; t <= 2; t++) {
            double[] g = grads[t - 1];
            step(opt, w, g);
            for (int i = 0; i < 3; i++) {
                m[i] += (g[i] - m[i]) * (1 - b1);
                u[i] = Math.max(b2 * u[i], Math.abs(g[i]));
                ww[i] -= lr * m[i] / ((1 - Math.pow(b1, t)) * (u[i] + eps));
            }
            assertWeights(ww, w);
        }
    }

    @Test
    void nadamWithKeras3MomentumCache() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7;
        Variable w = weight();
        Nadam opt = new Nadam(lr);
        double[] ww = W0.clone(), m = new double[3], v = new double[3];
        double uProduct = 1;
        double[][] grads = {G1, G2};
        for (int t = 1; t <= 2; t++) {
            double[] g = grads[t - 1];
            step(opt, w, g);
            double ut = b1 * (1 - 0.5 * Math.pow(0.96, t)), ut1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
            uProduct *= ut;
            double uProductNext = uProduct * ut1;
            for (int i = 0; i < 3; i++) {
                m[i] += (g[i] - m[i]) * (1 - b1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
                double mHat = ut1 * m[i] / (1 - uProductNext) + (1 - ut) * g[i] / (1 - uProduct);
                double vHat = v[i] / (1 - Math.pow(b2, t));
                ww[i] -= mHat * lr / (Math.sqrt(vHat) + eps);
            }
            assertWeights(ww, w);
        }
        List<Variable> vars = opt.variables();
        assertEquals(5, vars.size());
        assertEquals(uProduct, vars.get(4).peek().item(), 1e-7);
    }
}
