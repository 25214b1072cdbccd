package keras4j.models;

import keras4j.tensor.Internal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import keras4j.autograd.GradientTape;
import keras4j.autograd.Variable;
import keras4j.callbacks.Callback;
import keras4j.callbacks.History;
import keras4j.losses.Loss;
import keras4j.losses.Losses;
import keras4j.metrics.Metric;
import keras4j.metrics.Metrics;
import keras4j.ops.Ops;
import keras4j.optimizers.Optimizer;
import keras4j.optimizers.Optimizers;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/**
 * Keras's training loop for a compiled model: batches, the gradient step on a {@link GradientTape},
 * loss and metric tracking, validation, callbacks and the progress display. One per {@code compile}.
 */
final class Trainer {
    private final Model model;
    private final Optimizer optimizer;
    private final CompileOptions options;
    private List<Loss> losses;
    private List<List<Metric>> metrics;
    private final WeightedMean lossTracker = new WeightedMean();
    private final List<WeightedMean> outputLossTrackers = new ArrayList<>();

    Trainer(Model model, CompileOptions options) {
        this.model = model;
        this.options = options;
        this.optimizer = Optimizers.get(options.optimizer);
        for (Object l : options.losses) Losses.get(l); // fail at compile time on unknown names
    }

    Optimizer optimizer() {
        return optimizer;
    }

    /** Keras 3's {@code compile_config}, stored in {@code .keras} files. */
    Map<String, Object> compileConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("optimizer", Optimizers.serialize(optimizer));
        List<Object> ls = new ArrayList<>();
        for (Object l : options.losses) ls.add(serializeSpec(l));
        c.put("loss", ls.size() == 1 ? ls.get(0) : ls);
        c.put("loss_weights", options.lossWeights);
        List<Object> ms = new ArrayList<>();
        for (Object m : options.metrics) ms.add(serializeSpec(m));
        c.put("metrics", ms.isEmpty() ? null : ms);
        c.put("weighted_metrics", null);
        c.put("run_eagerly", false);
        c.put("steps_per_execution", 1);
        c.put("jit_compile", false);
        return c;
    }

    private static Object serializeSpec(Object spec) {
        return spec instanceof keras4j.utils.KerasObject k ? k.serialize() : spec;
    }

    /** Compiles a loaded model from Keras 3's {@code compile_config}. */
    @SuppressWarnings("unchecked")
    static void compileFromConfig(Model model, Map<String, Object> cc) {
        CompileOptions o = new CompileOptions().optimizer(Optimizers.get(cc.get("optimizer")));
        Object loss = cc.get("loss");
        if (loss instanceof List<?> l) o.losses(l.toArray());
        else if (loss != null) o.loss(loss);
        if (cc.get("loss_weights") instanceof List<?> lw) o.lossWeights(lw.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
        if (cc.get("metrics") instanceof List<?> ms) o.metrics(ms.toArray());
        if (o.losses.isEmpty()) return;
        model.compile(o);
    }

    /** Compiles a loaded Keras 2 model from its {@code training_config}. */
    static void compileFromLegacy(Model model, Map<String, Object> tc) {
        Object optimizer = tc.get("optimizer_config");
        Object loss = tc.get("loss");
        if (optimizer == null || loss == null) return;
        CompileOptions o = new CompileOptions().optimizer(Optimizers.get(optimizer));
        if (loss instanceof List<?> l) o.losses(l.toArray());
        else if (loss instanceof Map<?, ?> m && !m.containsKey("class_name")) o.losses(m.values().toArray());
        else o.loss(loss);
        if (tc.get("metrics") instanceof List<?> ms && !ms.isEmpty() && !(ms.get(0) instanceof List)) o.metrics(ms.toArray());
        model.compile(o);
    }

    // ------------------------------------------------------------------ resolution on the first batch

    private void resolve(List<Tensor> ys, List<Tensor> preds) {
        if (losses != null) return;
        int outputs = preds.size();
        if (options.losses.isEmpty()) {
            throw new IllegalStateException("No loss to compute. Provide a `loss` argument in `compile()` (model \"" + model.name() + "\").");
        }
        if (options.losses.size() != 1 && options.losses.size() != outputs) {
            throw new IllegalArgumentException("compile: got " + options.losses.size() + " losses for a model with " + outputs + " outputs");
        }
        if (options.lossWeights != null && options.lossWeights.size() != outputs) {
            throw new IllegalArgumentException("compile: got " + options.lossWeights.size() + " loss_weights for a model with " + outputs + " outputs");
        }
        List<Loss> ls = new ArrayList<>();
        List<List<Metric>> ms = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            Loss loss = Losses.get(options.losses.size() == 1 ? options.losses.get(0) : options.losses.get(i));
            ls.add(loss);
            List<Object> specs = options.metricsPerOutput != null ? options.metricsPerOutput.get(i) : options.metrics;
            List<Metric> out = new ArrayList<>();
            for (Object spec : specs) out.add(Metrics.get(spec, loss, ys.get(i).shape(), preds.get(i).shape()));
            ms.add(out);
        }
        losses = ls;
        metrics = ms;
        if (outputs > 1) for (int i = 0; i < outputs; i++) outputLossTrackers.add(new WeightedMean());
    }

    private String prefix(int output) {
        if (losses.size() == 1) return "";
        return model.outputNames().get(output) + "_";
    }

    // ------------------------------------------------------------------ steps

    /** Total loss (weighted per-output losses plus the model's regularization losses); tracks per-output losses. */
    private Tensor totalLoss(List<Tensor> ys, List<Tensor> preds, Tensor sampleWeight) {
        if (ys.size() != preds.size()) {
            throw new IllegalArgumentException("Model \"" + model.name() + "\" has " + preds.size() + " outputs but " + ys.size() + " targets were given");
        }
        Tensor total = null;
        int batch = preds.get(0).rank() == 0 ? 1 : preds.get(0).dim(0);
        for (int i = 0; i < preds.size(); i++) {
            Tensor l = losses.get(i).compute(ys.get(i), preds.get(i), sampleWeight);
            if (!outputLossTrackers.isEmpty()) outputLossTrackers.get(i).add(l.item(), batch);
            if (options.lossWeights != null) l = Ops.multiply(l, options.lossWeights.get(i).floatValue());
            total = total == null ? l : Ops.add(total, l);
        }
        for (Tensor extra : model.losses()) total = Ops.add(total, Ops.sum(extra));
        return total;
    }

    private void trainStep(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight) {
        List<Variable> vars = model.trainableWeights();
        List<Tensor> preds;
        Tensor loss;
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            model.clearCallLosses();
            preds = model.forward(xs, true);
            resolve(ys, preds);
            loss = totalLoss(ys, preds, sampleWeight);
            List<Tensor> sources = new ArrayList<>(vars.size());
            for (Variable v : vars) sources.add(v.peek());
            grads = tape.gradient(loss, sources);
        }
        if (!vars.isEmpty()) optimizer.applyGradients(grads, vars);
        track(loss, ys, preds, sampleWeight, xs.get(0).dim(0));
    }

    private void testStep(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight) {
        model.clearCallLosses();
        List<Tensor> preds = model.forward(xs, false);
        resolve(ys, preds);
        track(totalLoss(ys, preds, sampleWeight), ys, preds, sampleWeight, xs.get(0).dim(0));
    }

    private void track(Tensor loss, List<Tensor> ys, List<Tensor> preds, Tensor sampleWeight, int batch) {
        lossTracker.add(loss.item(), batch);
        for (int i = 0; i < preds.size(); i++) {
            for (Metric m : metrics.get(i)) m.updateState(ys.get(i), preds.get(i), sampleWeight);
        }
    }

    void resetMetrics() {
        lossTracker.reset();
        for (WeightedMean m : outputLossTrackers) m.reset();
        if (metrics != null) for (List<Metric> ms : metrics) for (Metric m : ms) m.resetState();
    }

    /** Current logs, sorted by name as Keras 3 sorts them. */
    private Map<String, Double> logs(String prefix) {
        Map<String, Double> logs = new TreeMap<>();
        logs.put(prefix + "loss", lossTracker.result());
        for (int i = 0; i < outputLossTrackers.size(); i++) logs.put(prefix + prefix(i) + "loss", outputLossTrackers.get(i).result());
        if (metrics != null) {
            for (int i = 0; i < metrics.size(); i++) {
                for (Metric m : metrics.get(i)) logs.put(prefix + prefix(i) + m.name(), (double) m.result());
            }
        }
        return logs;
    }

    // ------------------------------------------------------------------ fit

    History fit(List<Tensor> xs, List<Tensor> ys, FitOptions o) {
        int n = Data.cardinality(xs, ys, o.sampleWeight);
        List<Tensor> trainX = xs, trainY = ys, valX = null, valY = null;
        Tensor trainW = o.sampleWeight;
        if (o.validationX != null) {
            valX = List.of(o.validationX);
            valY = List.of(o.validationY);
            Data.cardinality(valX, valY, null);
        } else if (o.validationSplit > 0) {
            int splitAt = (int) Math.floor(n * (1.0 - o.validationSplit));
            if (splitAt == 0 || splitAt == n) {
                throw new IllegalArgumentException("validation_split=" + o.validationSplit + " leaves no training or no validation samples for " + n + " samples");
            }
            trainX = Data.range(xs, 0, splitAt);
            trainY = Data.range(ys, 0, splitAt);
            valX = Data.range(xs, splitAt, n);
            valY = Data.range(ys, splitAt, n);
            if (trainW != null) trainW = trainW.slice(0, splitAt);
            n = splitAt;
        }
        Tensor weights = Data.sampleWeights(trainY.get(0), trainW, o.classWeight, n);
        int steps = (n + o.batchSize - 1) / o.batchSize;

        History history = new History();
        List<Callback> cbs = new ArrayList<>(o.callbacks);
        cbs.add(history);
        Map<String, Object> params = Map.of("epochs", o.epochs, "steps", steps, "verbose", o.verbose);
        for (Callback c : cbs) {
            c.setModel(model);
            c.setParams(params);
        }
        model.setStopTraining(false);
        Rng rng = new Rng(Seeds.next());
        Map<String, Double> epochLogs = new TreeMap<>();
        for (Callback c : cbs) c.onTrainBegin(Map.of());
        boolean interrupted = false;
        for (int epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining() && !interrupted; epoch++) {
            resetMetrics();
            for (Callback c : cbs) c.onEpochBegin(epoch, Map.of());
            Progress progress = Progress.forEpoch(o.verbose, epoch, o.epochs, steps);
            int[] order = o.shuffle ? rng.permutation(n) : null;
            Map<String, Double> logs = new TreeMap<>();
            for (int step = 0; step < steps; step++) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break;
                }
                int from = step * o.batchSize, to = Math.min(n, from + o.batchSize);
                for (Callback c : cbs) c.onTrainBatchBegin(step, Map.of());
                List<Tensor> bx = Data.batch(trainX, order, from, to);
                List<Tensor> by = Data.batch(trainY, order, from, to);
                Tensor bw = weights == null ? null : Data.batch(List.of(weights), order, from, to).get(0);
                trainStep(bx, by, bw);
                logs = logs("");
                for (Callback c : cbs) c.onTrainBatchEnd(step, logs);
                progress.update(step + 1, logs, false);
                if (model.stopTraining()) break;
            }
            if (interrupted) {
                progress.interrupt();
                break;
            }
            epochLogs = new TreeMap<>(logs);
            if (valX != null && (epoch + 1 - o.initialEpoch) % o.validationFreq == 0) {
                int vbs = o.validationBatchSize != null ? o.validationBatchSize : o.batchSize;
                Map<String, Double> val = evaluate(valX, valY, null, vbs, 0, null);
                for (Map.Entry<String, Double> e : val.entrySet()) epochLogs.put("val_" + e.getKey(), e.getValue());
            }
            for (Callback c : cbs) c.onEpochEnd(epoch, epochLogs);
            progress.update(steps, epochLogs, true);
        }
        if (interrupted) Thread.currentThread().interrupt();
        for (Callback c : cbs) c.onTrainEnd(epochLogs);
        return history;
    }

    // ------------------------------------------------------------------ evaluate / predict

    Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight, int batchSize, int verbose, List<Callback> cbs) {
        if (batchSize <= 0) throw new IllegalArgumentException("evaluate: batch_size must be positive. Received: batch_size=" + batchSize);
        int n = Data.cardinality(xs, ys, sampleWeight);
        int steps = (n + batchSize - 1) / batchSize;
        resetMetrics();
        Progress progress = Progress.forEvaluation(verbose, steps);
        Map<String, Double> logs = new TreeMap<>();
        for (int step = 0; step < steps; step++) {
            int from = step * batchSize, to = Math.min(n, from + batchSize);
            Tensor bw = sampleWeight == null ? null : sampleWeight.slice(from, to);
            testStep(Data.batch(xs, null, from, to), Data.batch(ys, null, from, to), bw);
            logs = logs("");
            progress.update(step + 1, logs, step == steps - 1);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("loss", logs.get("loss"));
        logs.forEach((k, v) -> {
            if (!k.equals("loss")) ordered.put(k, v);
        });
        resetMetrics();
        return ordered;
    }

    Map<String, Double> trainOnBatch(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight, boolean reset) {
        Data.cardinality(xs, ys, sampleWeight);
        if (reset) resetMetrics();
        trainStep(xs, ys, sampleWeight);
        return logs("");
    }

    Map<String, Double> testOnBatch(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight, boolean reset) {
        Data.cardinality(xs, ys, sampleWeight);
        if (reset) resetMetrics();
        testStep(xs, ys, sampleWeight);
        return logs("");
    }

    /** The current logs (loss first, then the metrics by name), as Keras's {@code get_metrics_result()}. */
    Map<String, Double> metricsResult() {
        if (metrics == null) return Map.of();
        Map<String, Double> logs = logs("");
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("loss", logs.remove("loss"));
        ordered.putAll(logs);
        return ordered;
    }

    /**
     * The additive state behind the logs: total and count of the loss tracker, of each per-output loss tracker, then
     * every metric's variables in order. Empty until the first batch has built the metrics.
     */
    double[] metricsState() {
        if (metrics == null) return new double[0];
        List<Double> out = new ArrayList<>();
        List<WeightedMean> trackers = new ArrayList<>(List.of(lossTracker));
        trackers.addAll(outputLossTrackers);
        for (WeightedMean t : trackers) {
            out.add(t.sum);
            out.add(t.count);
        }
        for (List<Metric> ms : metrics) for (Metric m : ms) for (Variable v : m.variables()) for (float f : Internal.array(v.peek())) out.add((double) f);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Loads a state laid out as {@link #metricsState()} (for example the sum of several replicas' states). */
    void setMetricsState(double[] state) {
        int expected = metricsState().length;
        if (expected == 0) {
            throw new IllegalStateException("setMetricsState: the metrics of model \"" + model.name() + "\" are built by the first batch; run one first");
        }
        if (state.length != expected) {
            throw new IllegalArgumentException("setMetricsState: model \"" + model.name() + "\" has " + expected + " metric state values, received " + state.length);
        }
        int k = 0;
        List<WeightedMean> trackers = new ArrayList<>(List.of(lossTracker));
        trackers.addAll(outputLossTrackers);
        for (WeightedMean t : trackers) {
            t.sum = state[k++];
            t.count = state[k++];
        }
        for (List<Metric> ms : metrics) {
            for (Metric m : ms) {
                for (Variable v : m.variables()) {
                    float[] d = Internal.array(v.peek());
                    for (int i = 0; i < d.length; i++) d[i] = (float) state[k++];
                }
            }
        }
    }

    static List<Tensor> predict(Model model, List<Tensor> xs, int batchSize, int verbose) {
        if (batchSize <= 0) throw new IllegalArgumentException("predict: batch_size must be positive. Received: batch_size=" + batchSize);
        int n = Data.cardinality(xs, List.of(), null);
        int steps = (n + batchSize - 1) / batchSize;
        Progress progress = Progress.forEvaluation(verbose, steps);
        List<List<Tensor>> parts = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int from = step * batchSize, to = Math.min(n, from + batchSize);
            List<Tensor> out = model.forward(Data.batch(xs, null, from, to), false);
            for (int i = 0; i < out.size(); i++) {
                if (parts.size() <= i) parts.add(new ArrayList<>());
                parts.get(i).add(out.get(i));
            }
            progress.update(step + 1, Map.of(), step == steps - 1);
        }
        List<Tensor> outputs = new ArrayList<>();
        for (List<Tensor> p : parts) outputs.add(p.size() == 1 ? p.get(0) : Tensor.concat(0, p.toArray(new Tensor[0])));
        return outputs;
    }

    /** Keras's loss tracker: the mean of batch losses weighted by batch size. */
    private static final class WeightedMean {
        private double sum;
        private double count;

        void add(double value, double weight) {
            sum += value * weight;
            count += weight;
        }

        double result() {
            return count == 0 ? 0 : sum / count;
        }

        void reset() {
            sum = 0;
            count = 0;
        }
    }
}
