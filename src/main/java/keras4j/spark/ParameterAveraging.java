package keras4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import keras4j.autograd.Variable;
import keras4j.callbacks.Callback;
import keras4j.callbacks.History;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.saving.KerasArchive;
import keras4j.saving.WeightStore;
import keras4j.tensor.Tensor;
import keras4j.utils.Progbar;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The driver's side of {@link KerasEstimator#fit}: synchronous data parallelism by periodic parameter averaging.
 * See {@link KerasEstimator} for the algorithm and its knobs.
 */
final class ParameterAveraging {
    private ParameterAveraging() {}

    /** The estimator's settings for one fit. */
    record Settings(String stage, String featuresCol, String[] inputCols, String labelCol, int epochs, int batchSize, int numWorkers,
                    int syncEvery, double validationFraction, long seed, boolean shuffle, boolean skipInvalid, String checkpointDir,
                    int checkpointEvery, int verbose, List<Callback> callbacks) {}

    /** The trained model's {@code .keras} bytes and the epoch logs. */
    record Result(byte[] bytes, History history) {}

    private static final Pattern CHECKPOINT = Pattern.compile("round-(\\d+)\\.keras");

    static Result fit(Settings s, byte[] modelBytes, Dataset<Row> dataset) {
        Model model = KerasBytes.load(modelBytes);
        ModelInfo info = ModelInfo.of(s.stage(), modelBytes);
        if (!info.compiled()) {
            throw new IllegalArgumentException(s.stage() + ": model \"" + info.name() + "\" is not compiled; compile it (or set the loss "
                    + "param) before fitting");
        }
        Columns columns = Columns.resolve(s.stage(), dataset.schema(), s.featuresCol(), s.inputCols(), s.labelCol(), info);
        int[] labelShape = columns.labelShape(info);
        checkOnDriver(s.stage(), model, info, columns, labelShape);
        Workers.Plan plan = new Workers.Plan(s.batchSize(), s.syncEvery(), s.shuffle(), s.seed(), info.inputShape(), labelShape);

        Dataset<Row> selected = dataset.select(columns.selected()[0], rest(columns.selected()));
        if (s.numWorkers() > 0) selected = selected.repartition(s.numWorkers());
        double fraction = s.validationFraction();
        long seed = s.seed();
        boolean skip = s.skipInvalid();
        Columns reading = columns.at(selected.schema());
        JavaRDD<Shard> shards = selected.javaRDD()
                .mapPartitionsWithIndex((index, rows) -> List.of(Shard.read(index, rows, reading, fraction, seed, skip)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        Broadcast<byte[]> bytes = null;
        try {
            List<Shard.Stats> stats = shards.map(Shard::stats).collect();
            int trainRows = checkStats(s, columns, stats);
            boolean validate = stats.stream().anyMatch(st -> st.validation() > 0);
            int maxSteps = stats.stream().mapToInt(st -> plan.steps(st.train())).max().orElse(0);
            int rounds = (maxSteps + s.syncEvery() - 1) / s.syncEvery();
            bytes = jsc.broadcast(modelBytes);
            History history = loop(s, model, shards, jsc, bytes, plan, rounds, validate, trainRows);
            return new Result(KerasBytes.of(model), history);
        } finally {
            shards.unpersist(false);
            if (bytes != null) bytes.destroy();
        }
    }

    static String[] rest(String[] cols) {
        String[] r = new String[cols.length - 1];
        System.arraycopy(cols, 1, r, 0, r.length);
        return r;
    }

    /** One batch of zeros through the compiled model on the driver: shape errors surface before any Spark job. */
    static void checkOnDriver(String stage, Model model, ModelInfo info, Columns columns, int[] labelShape) {
        int[] x = new int[info.inputShape().length + 1], y = new int[labelShape.length + 1];
        x[0] = 1;
        y[0] = 1;
        System.arraycopy(info.inputShape(), 0, x, 1, info.inputShape().length);
        System.arraycopy(labelShape, 0, y, 1, labelShape.length);
        try {
            model.testOnBatch(Tensor.zeros(x), Tensor.zeros(y), true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(stage + ": model \"" + info.name() + "\" (output shape " + ModelInfo.shape(info.outputShape())
                    + ") cannot be trained or evaluated on labelCol \"" + columns.labelCol + "\" read as labels of shape " + ModelInfo.shape(labelShape) + ": "
                    + e.getMessage(), e);
        }
        model.resetMetrics();
    }

    private static int checkStats(Settings s, Columns columns, List<Shard.Stats> stats) {
        long invalid = 0;
        String first = null;
        int train = 0, validation = 0;
        for (Shard.Stats st : stats) {
            invalid += st.invalid();
            if (first == null) first = st.firstProblem();
            train += st.train();
            validation += st.validation();
        }
        if (first != null) {
            throw new IllegalArgumentException(s.stage() + ": " + first + "; " + invalid + " invalid row(s) in all. Fix the data, or set "
                    + "handleInvalid to \"skip\" to drop invalid rows");
        }
        if (train + validation + invalid == 0) {
            throw new IllegalArgumentException(s.stage() + ": the DataFrame is empty; fit needs rows with " + String.join(", ", columns.selected()));
        }
        if (train == 0) {
            throw new IllegalArgumentException(s.stage() + ": no training rows are left (" + validation + " went to validation with validationFraction="
                    + s.validationFraction() + ", " + invalid + " invalid row(s) were skipped)");
        }
        return train;
    }

    private static History loop(Settings s, Model model, JavaRDD<Shard> shards, JavaSparkContext jsc, Broadcast<byte[]> bytes, Workers.Plan plan,
                                int rounds, boolean validate, int trainRows) {
        List<Variable> vars = ModelState.variables(model, true);
        int done = resume(s, model, vars);
        History history = new History();
        List<Callback> cbs = new ArrayList<>(s.callbacks());
        cbs.add(history);
        Map<String, Object> params = Map.of("epochs", s.epochs(), "steps", rounds, "verbose", s.verbose(), "samples", trainRows);
        for (Callback c : cbs) {
            c.setModel(model);
            c.setParams(params);
        }
        model.setStopTraining(false);
        Map<String, Double> epochLogs = new LinkedHashMap<>();
        for (Callback c : cbs) c.onTrainBegin(Map.of());
        boolean interrupted = false;
        for (int epoch = done / rounds; epoch < s.epochs() && !model.stopTraining() && !interrupted; epoch++) {
            for (Callback c : cbs) c.onEpochBegin(epoch, Map.of());
            if (s.verbose() > 0 && s.epochs() > 1) System.out.println(Progbar.epochHeader(epoch + 1, s.epochs()));
            Progbar bar = s.verbose() > 0 ? Progbar.builder(rounds).verbose(s.verbose()).unitName("round").build() : null;
            double[] metrics = null;
            Map<String, Double> logs = Map.of();
            for (int round = epoch == done / rounds ? done % rounds : 0; round < rounds; round++) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break;
                }
                for (Callback c : cbs) c.onTrainBatchBegin(round, Map.of());
                Contribution sum = trainRound(shards, jsc, bytes, vars, plan, epoch, round);
                ModelState.assign(vars, sum.average());
                metrics = Contribution.sum(metrics, sum.metrics);
                model.setMetricsState(metrics);
                logs = model.getMetricsResult();
                for (Callback c : cbs) c.onTrainBatchEnd(round, logs);
                if (bar != null) bar.update(round + 1, logs, false);
                done++;
                if (s.checkpointEvery() > 0 && done % s.checkpointEvery() == 0) model.save(checkpointDir(s).resolve(checkpointName(done)));
                if (model.stopTraining()) break;
            }
            if (interrupted) {
                if (bar != null) System.out.println();
                break;
            }
            epochLogs = new LinkedHashMap<>(logs);
            if (validate) {
                Map<String, Double> val = evaluate(shards, jsc, bytes, vars, plan, model);
                for (Map.Entry<String, Double> e : val.entrySet()) epochLogs.put("val_" + e.getKey(), e.getValue());
            }
            for (Callback c : cbs) c.onEpochEnd(epoch, epochLogs);
            if (bar != null) bar.update(rounds, epochLogs, true);
        }
        if (interrupted) Thread.currentThread().interrupt();
        for (Callback c : cbs) c.onTrainEnd(epochLogs);
        return history;
    }

    private static Contribution trainRound(JavaRDD<Shard> shards, JavaSparkContext jsc, Broadcast<byte[]> bytes, List<Variable> vars,
                                           Workers.Plan plan, int epoch, int round) {
        Broadcast<float[]> state = jsc.broadcast(ModelState.flatten(vars));
        try {
            Contribution sum = shards.treeAggregate(Contribution.empty(),
                    (acc, shard) -> acc.add(Workers.trainRound(shard, bytes, state, plan, epoch, round)), Contribution::add);
            if (sum.samples == 0) throw new IllegalStateException("Round " + round + " of epoch " + epoch + " trained on no samples");
            return sum;
        } finally {
            state.destroy();
        }
    }

    /** The loss and metrics of the current weights over the shards' validation rows, from the summed metric states. */
    private static Map<String, Double> evaluate(JavaRDD<Shard> shards, JavaSparkContext jsc, Broadcast<byte[]> bytes, List<Variable> vars,
                                                Workers.Plan plan, Model model) {
        Broadcast<float[]> state = jsc.broadcast(ModelState.flatten(vars));
        try {
            Contribution sum = shards.treeAggregate(Contribution.empty(),
                    (acc, shard) -> acc.add(Workers.evaluate(shard.validation, bytes, state, plan)), Contribution::add);
            model.setMetricsState(sum.metrics);
            return model.getMetricsResult();
        } finally {
            state.destroy();
        }
    }

    // ------------------------------------------------------------------ checkpoints

    static String checkpointName(int rounds) {
        return String.format("round-%06d.keras", rounds);
    }

    private static Path checkpointDir(Settings s) {
        Path dir = Path.of(s.checkpointDir());
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(s.stage() + ": cannot create checkpointDir " + dir, e);
        }
    }

    /**
     * With a checkpoint directory holding {@code round-N.keras} files, loads the weights and optimizer state of the
     * newest and returns N, the rounds already done (0 without one), as Keras's {@code BackupAndRestore} does.
     */
    private static int resume(Settings s, Model model, List<Variable> vars) {
        if (s.checkpointDir() == null || s.checkpointDir().isEmpty() || !Files.isDirectory(Path.of(s.checkpointDir()))) return 0;
        Path newest = null;
        int rounds = 0;
        try (Stream<Path> files = Files.list(Path.of(s.checkpointDir()))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = CHECKPOINT.matcher(f.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) > rounds) {
                    rounds = Integer.parseInt(m.group(1));
                    newest = f;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(s.stage() + ": cannot list checkpointDir " + s.checkpointDir(), e);
        }
        if (newest == null) return 0;
        model.setWeights(Models.load(newest, false).getWeights());
        WeightStore store = KerasArchive.read(newest).weights();
        List<Variable> optimizer = model.optimizer().variables();
        for (int i = 0; i < optimizer.size(); i++) {
            Tensor t = store.get("optimizer/vars/" + i);
            if (t == null || t.size() != optimizer.get(i).size()) {
                throw new IllegalArgumentException(s.stage() + ": checkpoint " + newest + " has no optimizer state matching the model's optimizer "
                        + "(variable " + i + ", " + optimizer.get(i).name() + ")");
            }
            optimizer.get(i).assign(t);
        }
        return rounds;
    }
}
