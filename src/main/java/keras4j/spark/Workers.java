package keras4j.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import keras4j.autograd.Variable;
import keras4j.models.Model;
import keras4j.tensor.Rng;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * What runs on the executors: one round of local training on a shard, and the metric state of a shard for exact
 * evaluation. Each reads the broadcast {@code .keras} bytes through {@link ExecutorModels} and the broadcast state.
 */
final class Workers {
    private Workers() {}

    /**
     * Called at the start of every training task with the task's context (tests use it to fail a first attempt). In
     * local mode the executors share the driver's JVM, so a hook set by a test reaches the tasks.
     */
    static volatile Consumer<TaskContext> taskHook;

    /** The fixed facts of a training run that every task needs. */
    record Plan(int batchSize, int syncEvery, boolean shuffle, long seed, int[] inputShape, int[] labelShape) implements Serializable {

        /** Training steps of a shard of {@code n} rows in one epoch. */
        int steps(int n) {
            return (n + batchSize - 1) / batchSize;
        }
    }

    /**
     * Trains a fresh copy of the broadcast model, set to the broadcast state, for this round's steps of the epoch on
     * the shard's training rows (shuffled per epoch by a generator seeded by the seed, the epoch and the partition),
     * returning its state weighted by the samples it saw and its metric state. A shard with no step in this round
     * contributes nothing.
     */
    static Contribution trainRound(Shard shard, Broadcast<byte[]> modelBytes, Broadcast<float[]> state, Plan plan, int epoch, int round) {
        Consumer<TaskContext> hook = taskHook;
        if (hook != null && TaskContext.get() != null) hook.accept(TaskContext.get());
        Shard.Part data = shard.train;
        int steps = plan.steps(data.n);
        int first = round * plan.syncEvery(), last = Math.min(steps, first + plan.syncEvery());
        if (first >= last) return Contribution.empty();
        Model model = ExecutorModels.fresh(modelBytes);
        List<Variable> vars = ModelState.variables(model, true);
        ModelState.assign(vars, state.value());
        model.resetMetrics();
        int[] order = plan.shuffle() ? new Rng(Seeding.mix(plan.seed(), Seeding.SHUFFLE, epoch, shard.partition)).permutation(data.n) : null;
        int samples = 0;
        for (int step = first; step < last; step++) {
            int from = step * plan.batchSize(), to = Math.min(data.n, from + plan.batchSize());
            model.trainOnBatch(data.features(order, from, to, plan.inputShape()), data.labels(order, from, to, plan.labelShape()), false);
            samples += to - from;
        }
        return Contribution.of(ModelState.flatten(vars), samples, model.metricsState());
    }

    /** The metric state of the model with the broadcast weights over a part of a shard, in batches. */
    static Contribution evaluate(Shard.Part data, Broadcast<byte[]> modelBytes, Broadcast<float[]> state, Plan plan) {
        Contribution c = Contribution.empty();
        if (data.n == 0) return c;
        return ExecutorModels.withModel(modelBytes, model -> {
            ModelState.assign(ModelState.variables(model, false), state.value());
            model.resetMetrics();
            for (int from = 0; from < data.n; from += plan.batchSize()) {
                int to = Math.min(data.n, from + plan.batchSize());
                model.testOnBatch(data.features(null, from, to, plan.inputShape()), data.labels(null, from, to, plan.labelShape()), false);
            }
            c.samples = data.n;
            c.metrics = model.metricsState();
            return c;
        });
    }
}
