package keras4j.spark;

import java.io.Serializable;

/**
 * What partitions send back from a round or an evaluation, and what {@code treeAggregate} sums: the model state
 * weighted by the number of samples it trained on, that number, and the additive metric state (Keras's metric
 * variables, which are sums). A single partition's result keeps its float32 state as is (half the bytes of the
 * weighted sum); merging two makes the sum in double precision. The order in which Spark combines partitions, which
 * varies from run to run, moves such a sum by far less than a float32 step, so the averaged float32 state is the same
 * from run to run (unless a sum falls within double rounding of a float32 rounding boundary).
 */
final class Contribution implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One partition's state (before any merge), weighted by {@link #samples}; null once merged or when absent. */
    private float[] state;
    /** The sum of {@code samples * state} over merged partitions; null before a merge. */
    private double[] weightedState;
    double samples;
    double[] metrics;

    static Contribution empty() {
        return new Contribution();
    }

    /** One partition's result: its state after training on {@code samples} rows, and its metric state. */
    static Contribution of(float[] state, double samples, double[] metrics) {
        Contribution c = new Contribution();
        c.state = state;
        c.samples = samples;
        c.metrics = metrics;
        return c;
    }

    private boolean hasState() {
        return state != null || weightedState != null;
    }

    /** Adds {@code other} into this one (the seqOp/combOp of {@code treeAggregate}); returns this. */
    Contribution add(Contribution other) {
        metrics = sum(metrics, other.metrics);
        if (other.hasState()) {
            if (!hasState()) {
                state = other.state;
                weightedState = other.weightedState == null ? null : other.weightedState.clone();
            } else {
                double[] w = weighted();
                if (other.state != null) {
                    if (other.state.length != w.length) throw sizes(w.length, other.state.length);
                    for (int i = 0; i < w.length; i++) w[i] += other.samples * other.state[i];
                } else {
                    sum(w, other.weightedState);
                }
                weightedState = w;
                state = null;
            }
        }
        samples += other.samples;
        return this;
    }

    private double[] weighted() {
        if (weightedState != null) return weightedState;
        double[] w = new double[state.length];
        for (int i = 0; i < w.length; i++) w[i] = samples * state[i];
        return w;
    }

    /** The sample-weighted average state, or null when no partition trained. */
    float[] average() {
        if (!hasState() || samples == 0) return null;
        if (state != null) return state;
        float[] out = new float[weightedState.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (weightedState[i] / samples);
        return out;
    }

    /** {@code a + b} element-wise, into {@code a} (or a copy of {@code b} when {@code a} is null). */
    static double[] sum(double[] a, double[] b) {
        if (b == null) return a;
        if (a == null) return b.clone();
        if (a.length != b.length) throw sizes(a.length, b.length);
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }

    private static IllegalStateException sizes(int a, int b) {
        return new IllegalStateException("Partitions returned states of different sizes: " + a + " and " + b);
    }
}
