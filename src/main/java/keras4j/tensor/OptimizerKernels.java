package keras4j.tensor;

/**
 * In-place update loops of Keras 3's optimizers over a weight's {@code float[]} and its slot arrays.
 * Each method states its formula; arrays named first ({@code w}, then slots) are modified, gradients are
 * read only. The arithmetic is float32 in the same order as Keras's {@code update_step}, so results agree
 * with Keras to float rounding. Scalars that depend only on the step (bias corrections) are computed by
 * the caller once per step. No method allocates.
 */
public final class OptimizerKernels {
    private OptimizerKernels() {}

    private static void check(float[] w, float[] g, String op) {
        if (w.length != g.length) throw new IllegalArgumentException(op + ": " + g.length + " gradient values for a weight of " + w.length);
    }

    /** Plain SGD: {@code w -= g * lr}. */
    public static void sgd(float[] w, float[] g, float lr) {
        check(w, g, "sgd");
        for (int i = 0; i < w.length; i++) w[i] -= g[i] * lr;
    }

    /** SGD with momentum: {@code m = m * mu - g * lr; w += m}, or with Nesterov {@code w += m * mu - g * lr}. */
    public static void sgdMomentum(float[] w, float[] g, float[] m, float lr, float mu, boolean nesterov) {
        check(w, g, "sgd");
        if (nesterov) {
            for (int i = 0; i < w.length; i++) {
                float gl = g[i] * lr;
                float mi = m[i] * mu - gl;
                m[i] = mi;
                w[i] += mi * mu - gl;
            }
        } else {
            for (int i = 0; i < w.length; i++) {
                float mi = m[i] * mu - g[i] * lr;
                m[i] = mi;
                w[i] += mi;
            }
        }
    }

    /**
     * Adam: {@code m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2); [vHat = max(vHat, v); v = vHat];
     * w -= m * alpha / (sqrt(v) + eps)} with {@code alpha = lr sqrt(1 - b2^t) / (1 - b1^t)}; {@code vHat} null
     * without AMSGrad.
     */
    public static void adam(float[] w, float[] g, float[] m, float[] v, float[] vHat, float alpha, float oneMinusB1, float oneMinusB2, float eps) {
        check(w, g, "adam");
        SimdKernels simd = SimdKernels.get();
        Elementwise.forChunks(w.length, Elementwise.GRAIN, (from, to) -> {
            int i = from;
            if (simd != null && vHat == null) i = simd.adam(w, g, m, v, alpha, oneMinusB1, oneMinusB2, eps, from, to);
            adam(w, g, m, v, vHat, alpha, oneMinusB1, oneMinusB2, eps, i, to);
        });
    }

    /** {@link #adam} on the elements {@code [from, to)}: the scalar loop, and the tails of the vector one. */
    static void adam(float[] w, float[] g, float[] m, float[] v, float[] vHat, float alpha, float oneMinusB1, float oneMinusB2, float eps,
            int from, int to) {
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusB1;
            float vi = v[i] + (gi * gi - v[i]) * oneMinusB2;
            m[i] = mi;
            v[i] = vi;
            if (vHat != null) {
                vi = Math.max(vHat[i], vi);
                vHat[i] = vi;
            }
            w[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps);
        }
    }

    /**
     * RMSprop: {@code v = rho v + (1 - rho) g^2}; centered: {@code a = rho a + (1 - rho) g}, {@code d = v - a^2 + eps},
     * else {@code d = v + eps}; {@code inc = lr g / sqrt(d)}; with momentum {@code mom = mu mom + inc; w -= mom},
     * else {@code w -= inc}. {@code mom} and {@code avg} are null when unused.
     */
    public static void rmsprop(float[] w, float[] g, float[] v, float[] mom, float[] avg, float lr, float rho, float oneMinusRho, float mu, float eps) {
        check(w, g, "rmsprop");
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float vi = rho * v[i] + oneMinusRho * (gi * gi);
            v[i] = vi;
            float denom;
            if (avg != null) {
                float ai = rho * avg[i] + oneMinusRho * gi;
                avg[i] = ai;
                denom = vi - ai * ai + eps;
            } else {
                denom = vi + eps;
            }
            float inc = lr * gi / (float) Math.sqrt(denom);
            if (mom != null) {
                float mi = mu * mom[i] + inc;
                mom[i] = mi;
                w[i] -= mi;
            } else {
                w[i] -= inc;
            }
        }
    }

    /** Adagrad: {@code acc += g^2; w -= lr g / sqrt(acc + eps)}. */
    public static void adagrad(float[] w, float[] g, float[] acc, float lr, float eps) {
        check(w, g, "adagrad");
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float a = acc[i] + gi * gi;
            acc[i] = a;
            w[i] -= lr * gi / (float) Math.sqrt(a + eps);
        }
    }

    /**
     * Adadelta: {@code G = rho G + (1 - rho) g^2; delta = -sqrt(D + eps) g / sqrt(G + eps);
     * D = rho D + (1 - rho) delta^2; w += lr delta}.
     */
    public static void adadelta(float[] w, float[] g, float[] accGrad, float[] accDelta, float lr, float rho, float oneMinusRho, float eps) {
        check(w, g, "adadelta");
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float ag = rho * accGrad[i] + oneMinusRho * (gi * gi);
            accGrad[i] = ag;
            float delta = -((float) Math.sqrt(accDelta[i] + eps) * gi / (float) Math.sqrt(ag + eps));
            accDelta[i] = rho * accDelta[i] + oneMinusRho * (delta * delta);
            w[i] += lr * delta;
        }
    }

    /** Adamax: {@code m += (g - m)(1 - b1); u = max(b2 u, |g|); w -= lr m / ((1 - b1^t)(u + eps))}. */
    public static void adamax(float[] w, float[] g, float[] m, float[] u, float lr, float oneMinusB1, float b2, float oneMinusB1Power, float eps) {
        check(w, g, "adamax");
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusB1;
            float ui = Math.max(b2 * u[i], Math.abs(gi));
            m[i] = mi;
            u[i] = ui;
            w[i] -= lr * mi / (oneMinusB1Power * (ui + eps));
        }
    }

    /**
     * Nadam (Keras 3): {@code m += (g - m)(1 - b1); v += (g^2 - v)(1 - b2);
     * mHat = uT1 m / (1 - U_{t+1}) + (1 - uT) g / (1 - U_t); vHat = v / (1 - b2^t); w -= mHat lr / (sqrt(vHat) + eps)},
     * where {@code U} is the running product of the momentum schedule {@code u}.
     */
    public static void nadam(float[] w, float[] g, float[] m, float[] v, float lr, float oneMinusB1, float oneMinusB2, float uT, float uT1,
            float oneMinusUProduct, float oneMinusUProductNext, float oneMinusB2Power, float eps) {
        check(w, g, "nadam");
        float oneMinusUT = 1f - uT;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusB1;
            float vi = v[i] + (gi * gi - v[i]) * oneMinusB2;
            m[i] = mi;
            v[i] = vi;
            float mHat = uT1 * mi / oneMinusUProductNext + oneMinusUT * gi / oneMinusUProduct;
            float vHat = vi / oneMinusB2Power;
            w[i] -= mHat * lr / ((float) Math.sqrt(vHat) + eps);
        }
    }

    /** Keras 3's decoupled weight decay: {@code w = w - w * wd * lr}. */
    public static void weightDecay(float[] w, float wd, float lr) {
        for (int i = 0; i < w.length; i++) w[i] = w[i] - w[i] * wd * lr;
    }

    /** Exponential moving average of a weight: {@code avg = momentum avg + (1 - momentum) w}. */
    public static void movingAverage(float[] avg, float[] w, float momentum) {
        float rest = 1f - momentum;
        for (int i = 0; i < avg.length; i++) avg[i] = momentum * avg[i] + rest * w[i];
    }

    /** {@code sum(g^2)}, accumulated in double. */
    public static double sumOfSquares(float[] g) {
        double s = 0;
        for (float v : g) s += (double) v * v;
        return s;
    }

    /** {@code dst = src * s} ({@code dst} may be {@code src}). */
    public static void scale(float[] src, float s, float[] dst) {
        for (int i = 0; i < src.length; i++) dst[i] = src[i] * s;
    }

    /** {@code dst = src / d} ({@code dst} may be {@code src}). */
    public static void divide(float[] src, float d, float[] dst) {
        for (int i = 0; i < src.length; i++) dst[i] = src[i] / d;
    }

    /** {@code dst = clip(src, -limit, limit)} ({@code dst} may be {@code src}). */
    public static void clipByValue(float[] src, float limit, float[] dst) {
        for (int i = 0; i < src.length; i++) {
            float v = src[i];
            dst[i] = v < -limit ? -limit : (v > limit ? limit : v);
        }
    }

    /** {@code acc += g} (gradient accumulation). */
    public static void accumulate(float[] acc, float[] g) {
        check(acc, g, "accumulate");
        for (int i = 0; i < acc.length; i++) acc[i] += g[i];
    }

    /** {@code dst = (g + acc) / steps}: the averaged gradient of an accumulation window. */
    public static void accumulatedMean(float[] g, float[] acc, float steps, float[] dst) {
        check(acc, g, "accumulatedMean");
        for (int i = 0; i < g.length; i++) dst[i] = (g[i] + acc[i]) / steps;
    }
}
