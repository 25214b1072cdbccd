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

    /**
     * Metrics computed for every output, Keras's {@code metrics=[...]}: names, metric objects, or Java lists and arrays
     * of them ({@code List.of("accuracy")} as {@code ["accuracy"]}). A name is checked here, so a typo fails at
     * {@code compile}, not in {@code fit}.
     */
    public CompileOptions metrics(Object... metrics) {
        this.metrics.clear();
        for (Object m : metrics) addMetric(m);
        return this;
    }

    private void addMetric(Object m) {
        if (m instanceof java.util.Collection<?> c) {
            for (Object e : c) addMetric(e);
        } else if (m instanceof Object[] a) {
            for (Object e : a) addMetric(e);
        } else {
            if (m instanceof String s && !RESOLVED_BY_LOSS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
                keras4j.metrics.Metrics.get(s);
            }
            this.metrics.add(m);
        }
    }

    /** Names Keras resolves from the loss and the shapes when training starts ({@code compile_utils.get_metric}). */
    private static final java.util.Set<String> RESOLVED_BY_LOSS = java.util.Set.of("accuracy", "acc", "crossentropy", "ce");

    /** Metrics per output, in output order. */
    public CompileOptions metricsPerOutput(List<List<Object>> perOutput) {
        this.metricsPerOutput = new ArrayList<>(perOutput);
        return this;
    }
}
