package keras4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of Keras's {@code model.compile(...)}: optimizer, loss (one, or one per output), loss
 * weights and metrics (for every output, or per output). Strings are Keras names; objects are accepted too.
 */
public final class CompileOptions {
    Object optimizer = "rmsprop";
    final List<Object> losses = new ArrayList<>();
    List<Double> lossWeights;
    final List<Object> metrics = new ArrayList<>();
    List<List<Object>> metricsPerOutput;

    /** Keras's {@code optimizer} (default {@code "rmsprop"} as in Keras). */
    public CompileOptions optimizer(Object optimizer) {
        this.optimizer = optimizer;
        return this;
    }

    /** One loss for every output. */
    public CompileOptions loss(Object loss) {
        losses.clear();
        losses.add(loss);
        return this;
    }

    /** One loss per output, in output order. */
    public CompileOptions losses(Object... perOutput) {
        losses.clear();
        losses.addAll(Arrays.asList(perOutput));
        return this;
    }

    /** Weights of the per-output losses in the total loss (Keras's {@code loss_weights}). */
    public CompileOptions lossWeights(double... weights) {
        lossWeights = new ArrayList<>();
        for (double w : weights) lossWeights.add(w);
        return this;
    }

    /** Metrics computed for every output. */
    public CompileOptions metrics(Object... metrics) {
        this.metrics.clear();
        this.metrics.addAll(Arrays.asList(metrics));
        return this;
    }

    /** Metrics per output, in output order. */
    public CompileOptions metricsPerOutput(List<List<Object>> perOutput) {
        this.metricsPerOutput = new ArrayList<>(perOutput);
        return this;
    }
}
