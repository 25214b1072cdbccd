package keras4j.spark;

import java.io.Serializable;

/**
 * What one partition sends back from a round or an evaluation, and what {@code treeAggregate} sums: the model state
 * times the number of samples it trained on, that number, and the additive metric state (Keras's metric variables,
 * which are sums). Sums are kept in double precision: the order in which Spark combines partitions, which varies
 * from run to run, moves a sum by far less than a float32 step, so the averaged float32 state is the same from run
 * to run (unless a sum falls within double rounding of a float32 rounding boundary).
 */
final class Contribution implements Serializable {
    private static final long serialVersionUID = 1L;

    double[] weightedState;
    double samples;
    double[] metrics;

    static Contribution empty() {
        return new Contribution();
    }

    /** Adds {@code other} into this one (the seqOp/combOp of {@code treeAggregate}); returns this. */
    Contribution add(Contribution other) {
        weightedState = sum(weightedState, other.weightedState);
        samples += other.samples;
        metrics = sum(metrics, other.metrics);
        return this;
    }

    /** {@code a + b} element-wise, into {@code a} (or a copy of {@code b} when {@code a} is null). */
    static double[] sum(double[] a, double[] b) {
        if (b == null) return a;
        if (a == null) return b.clone();
        if (a.length != b.length) throw new IllegalStateException("Partitions returned states of different sizes: " + a.length + " and " + b.length);
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }
}
