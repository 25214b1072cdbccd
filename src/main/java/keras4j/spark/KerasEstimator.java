package keras4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keras4j.callbacks.Callback;
import keras4j.models.CompileOptions;
import keras4j.models.Model;
import keras4j.optimizers.Optimizers;
import keras4j.utils.Json;
import keras4j.utils.KerasObject;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Trains a keras4j model on a Spark DataFrame, as a Spark ML {@code Estimator}: {@code fit} returns a
 * {@link KerasModel} transformer, and both fit in a {@code Pipeline} (after {@code VectorAssembler},
 * {@code StringIndexer}, ...). The model travels as the bytes of its {@code .keras} file.
 * <pre>{@code
 * KerasEstimator estimator = new KerasEstimator(model)          // a compiled keras4j Model
 *         .setFeaturesCol("features").setLabelCol("label")
 *         .setEpochs(10).setBatchSize(32).setNumWorkers(4).setSyncEvery(8)
 *         .setValidationFraction(0.1).setCallbacks(new EarlyStopping().patience(2));
 * KerasModel fitted = estimator.fit(trainingDf);
 * fitted.transform(testDf).select("prediction", "probability").show();
 * }</pre>
 *
 * <h2>The algorithm: synchronous data parallelism by periodic parameter averaging</h2>
 * The training rows are read once into float32 shards, one per partition, and cached. Each partition is a worker;
 * {@code numWorkers} repartitions the data to that many (0, the default, keeps the DataFrame's partitions, as Spark ML's
 * own algorithms do; a DataFrame straight out of a shuffle may have 200 small partitions, so set it). An epoch is one
 * pass over every shard: a shard of {@code n} rows takes {@code ceil(n / batchSize)} steps, in an order shuffled per
 * epoch by a generator seeded with {@code seed}, the epoch and the partition. Epochs are cut into rounds of
 * {@code syncEvery} steps. Each round:
 * <ol>
 *   <li>the driver broadcasts the model state: every weight and the optimizer's variables (iteration count, learning
 *       rate, slots such as Adam's moments);</li>
 *   <li>each worker loads the model from the broadcast {@code .keras} bytes (the file is written once per executor
 *       JVM), sets that state, and takes its next {@code syncEvery} steps with keras4j's own single-JVM training step
 *       ({@code trainOnBatch}); a shard that has run out of steps in this epoch sits the round out;</li>
 *   <li>{@code treeAggregate} sums each worker's state weighted by the samples it trained on, and its metric state;
 *       the driver divides, so weights and optimizer moments become their sample-weighted average.</li>
 * </ol>
 * {@code syncEvery = 1} is synchronous data-parallel SGD on a global batch of {@code numWorkers * batchSize} rows with
 * averaged updates; larger values trade fidelity to single-JVM training for fewer rounds (each round is a Spark job:
 * broadcasting the state, loading the model in each task and aggregating cost about 40-60 ms per round for a 270,000-value
 * state on a local[2] session). Same seed, data and partitioning give the same weights; a failed task is
 * retried by Spark from the same broadcast state and gives the same result.
 *
 * <h2>Logs, validation and callbacks</h2>
 * The training logs of an epoch are exact over all its steps on all workers (metric states are sums, as in Keras).
 * {@code validationFraction} holds each row out with that probability (seeded by {@code seed} and the partition); at the
 * end of each epoch the validation rows are evaluated on the executors and their {@code val_} logs are exact too.
 * Callbacks run on the driver against a driver-side copy of the model that holds the averaged weights:
 * {@code History}, {@code EarlyStopping} (on {@code val_loss} etc.), {@code LearningRateScheduler},
 * {@code ReduceLROnPlateau}, {@code ModelCheckpoint}, {@code display.LiveCurves}; the epoch hooks fire per epoch and
 * the batch hooks once per round, and the progress bar advances per round. Callbacks are not saved with the stage.
 *
 * <h2>Checkpoints</h2>
 * With {@code checkpointDir} (a driver-local directory) and {@code checkpointEvery = k}, every k rounds the driver
 * writes {@code round-N.keras} (weights and optimizer state, written atomically). A later {@code fit} with the same
 * directory resumes from the newest checkpoint, as Keras's {@code BackupAndRestore}: with the same data, partitioning
 * and settings the final weights equal those of an uninterrupted run.
 */
public final class KerasEstimator extends Estimator<KerasModel> implements KerasParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private byte[] modelBytes;
    private transient List<Callback> callbacks = new ArrayList<>();
    private transient ModelInfo info;

    private final Shared shared;
    private final IntParam epochs;
    private final IntParam numWorkers;
    private final IntParam syncEvery;
    private final DoubleParam validationFraction;
    private final LongParam seed;
    private final BooleanParam shuffle;
    private final Param<String> checkpointDir;
    private final IntParam checkpointEvery;
    private final IntParam verbose;
    private final Param<String> loss;
    private final Param<String> optimizer;
    private final StringArrayParam metrics;

    /** An estimator for this model (compiled, or compiled later through the {@code loss}/{@code optimizer}/{@code metrics} params). */
    public KerasEstimator(Model model) {
        this(Identifiable.randomUID("KerasEstimator"), KerasBytes.of(model));
    }

    KerasEstimator(String uid, byte[] modelBytes) {
        this.uid = uid;
        this.modelBytes = modelBytes;
        this.shared = Shared.create(this);
        epochs = new IntParam(this, "epochs", "number of passes over the training data (>= 1)", ParamValidators.gtEq(1));
        numWorkers = new IntParam(this, "numWorkers", "partitions (workers) to repartition the training data to; 0 keeps the DataFrame's",
                ParamValidators.gtEq(0));
        syncEvery = new IntParam(this, "syncEvery", "local training steps of each worker between two averagings (>= 1)", ParamValidators.gtEq(1));
        validationFraction = new DoubleParam(this, "validationFraction", "fraction of rows held out for validation, in [0, 1)",
                ParamValidators.inRange(0, 1, true, false));
        seed = new LongParam(this, "seed", "random seed (validation split and shuffling)");
        shuffle = new BooleanParam(this, "shuffle", "whether each worker shuffles its rows every epoch");
        checkpointDir = new Param<>(this, "checkpointDir", "driver-local directory for round-N.keras checkpoints (empty: none)");
        checkpointEvery = new IntParam(this, "checkpointEvery", "rounds between checkpoints (0: none)", ParamValidators.gtEq(0));
        verbose = new IntParam(this, "verbose", "0 silent, 1 progress bar per epoch (advancing per round), 2 one line per epoch",
                ParamValidators.inRange(0, 2));
        loss = new Param<>(this, "loss", "Keras loss name or JSON config, compiling the model (empty: the model's own)");
        optimizer = new Param<>(this, "optimizer", "Keras optimizer name or JSON config, used with loss (default rmsprop, as Keras)");
        metrics = new StringArrayParam(this, "metrics", "Keras metric names or JSON configs, used with loss");
        setDefault(epochs, 1);
        setDefault(numWorkers, 0);
        setDefault(syncEvery, 8);
        setDefault(validationFraction, 0.0);
        setDefault(seed, (long) KerasEstimator.class.getName().hashCode());
        setDefault(shuffle, true);
        setDefault(checkpointDir, "");
        setDefault(checkpointEvery, 0);
        setDefault(verbose, 1);
        setDefault(loss, "");
        setDefault(optimizer, "rmsprop");
        setDefault(metrics, new String[0]);
    }

    @Override
    public String uid() {
        return uid;
    }

    // ------------------------------------------------------------------ params (Spark finds them through these accessors)

    @Override public Shared sharedParams() { return shared; }
    public IntParam epochs() { return epochs; }
    public IntParam numWorkers() { return numWorkers; }
    public IntParam syncEvery() { return syncEvery; }
    public DoubleParam validationFraction() { return validationFraction; }
    public LongParam seed() { return seed; }
    public BooleanParam shuffle() { return shuffle; }
    public Param<String> checkpointDir() { return checkpointDir; }
    public IntParam checkpointEvery() { return checkpointEvery; }
    public IntParam verbose() { return verbose; }
    public Param<String> loss() { return loss; }
    public Param<String> optimizer() { return optimizer; }
    public StringArrayParam metrics() { return metrics; }

    public KerasEstimator setFeaturesCol(String value) { set(featuresCol(), value); return this; }
    public KerasEstimator setInputCols(String... value) { set(inputCols(), value); return this; }
    public KerasEstimator setLabelCol(String value) { set(labelCol(), value); return this; }
    public KerasEstimator setPredictionCol(String value) { set(predictionCol(), value); return this; }
    public KerasEstimator setProbabilityCol(String value) { set(probabilityCol(), value); return this; }
    public KerasEstimator setBatchSize(int value) { set(batchSize(), (Object) value); return this; }
    public KerasEstimator setHandleInvalid(String value) { set(handleInvalid(), value); return this; }
    /** Keras's {@code epochs} (default 1). */
    public KerasEstimator setEpochs(int value) { set(epochs, (Object) value); return this; }
    /** Partitions (workers) to repartition the training data to; 0 (default) keeps the DataFrame's partitioning. */
    public KerasEstimator setNumWorkers(int value) { set(numWorkers, (Object) value); return this; }
    /** Local steps of each worker between averagings (default 8). */
    public KerasEstimator setSyncEvery(int value) { set(syncEvery, (Object) value); return this; }
    /** Fraction of rows held out for validation (like Keras's {@code validation_split}, but drawn at random per row). */
    public KerasEstimator setValidationFraction(double value) { set(validationFraction, (Object) value); return this; }
    public KerasEstimator setSeed(long value) { set(seed, (Object) value); return this; }
    public KerasEstimator setShuffle(boolean value) { set(shuffle, (Object) value); return this; }
    public KerasEstimator setCheckpointDir(String value) { set(checkpointDir, value); return this; }
    public KerasEstimator setCheckpointEvery(int value) { set(checkpointEvery, (Object) value); return this; }
    public KerasEstimator setVerbose(int value) { set(verbose, (Object) value); return this; }

    /** Compiles the model with this loss (a Keras name such as {@code "sparse_categorical_crossentropy"}, or a loss object). */
    public KerasEstimator setLoss(Object value) { set(loss, spec(value)); return this; }

    /** The optimizer used with {@link #setLoss} (a Keras name such as {@code "adam"}, or an optimizer object). */
    public KerasEstimator setOptimizer(Object value) { set(optimizer, spec(value)); return this; }

    /** The metrics used with {@link #setLoss} (Keras names such as {@code "accuracy"}, or metric objects). */
    public KerasEstimator setMetrics(Object... values) {
        set(metrics, Arrays.stream(values).map(KerasEstimator::spec).toArray(String[]::new));
        return this;
    }

    public int getEpochs() { return (Integer) getOrDefault(epochs); }
    public int getNumWorkers() { return (Integer) getOrDefault(numWorkers); }
    public int getSyncEvery() { return (Integer) getOrDefault(syncEvery); }
    public double getValidationFraction() { return (Double) getOrDefault(validationFraction); }
    public long getSeed() { return (Long) getOrDefault(seed); }
    public boolean getShuffle() { return (Boolean) getOrDefault(shuffle); }
    public String getCheckpointDir() { return getOrDefault(checkpointDir); }
    public int getCheckpointEvery() { return (Integer) getOrDefault(checkpointEvery); }
    public int getVerbose() { return (Integer) getOrDefault(verbose); }

    /** Driver-side callbacks for the next fits (History is always recorded; see {@link KerasModel#history()}). */
    public KerasEstimator setCallbacks(Callback... values) {
        this.callbacks = new ArrayList<>(Arrays.asList(values));
        return this;
    }

    public List<Callback> getCallbacks() {
        return List.copyOf(callbacks);
    }

    /** A copy of the model to train, loaded from the estimator's {@code .keras} bytes. */
    public Model getModel() {
        return KerasBytes.load(modelBytes);
    }

    private ModelInfo info() {
        if (info == null) info = ModelInfo.of("KerasEstimator", modelBytes);
        return info;
    }

    private static String spec(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof KerasObject k) return Json.write(k.serialize());
        throw new IllegalArgumentException("KerasEstimator: expected a Keras name or a keras4j object, received " + value);
    }

    private static Object parseSpec(String spec) {
        return spec.strip().startsWith("{") ? Json.readObject(spec) : spec;
    }

    // ------------------------------------------------------------------ fit

    /** The model's bytes after applying the compile params (when {@code loss} is set). */
    private byte[] compiledBytes() {
        String lossSpec = getOrDefault(loss);
        if (lossSpec.isEmpty()) return modelBytes;
        Model model = KerasBytes.load(modelBytes);
        Object[] ms = Arrays.stream(getOrDefault(metrics)).map(KerasEstimator::parseSpec).toArray();
        model.compile(new CompileOptions().optimizer(Optimizers.get(parseSpec(getOrDefault(optimizer)))).loss(parseSpec(lossSpec)).metrics(ms));
        return KerasBytes.of(model);
    }

    @Override
    public KerasModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), false);
        ParameterAveraging.Settings settings = new ParameterAveraging.Settings("KerasEstimator", getFeaturesCol(), getInputCols(), getLabelCol(),
                getEpochs(), getBatchSize(), getNumWorkers(), getSyncEvery(), getValidationFraction(), getSeed(), getShuffle(),
                getHandleInvalid().equals("skip"), getCheckpointDir(), getCheckpointEvery(), getVerbose(), getCallbacks());
        @SuppressWarnings("unchecked")
        Dataset<org.apache.spark.sql.Row> rows = (Dataset<org.apache.spark.sql.Row>) dataset.toDF();
        ParameterAveraging.Result result = ParameterAveraging.fit(settings, compiledBytes(), rows);
        KerasModel fitted = new KerasModel(Identifiable.randomUID("KerasModel"), result.bytes());
        fitted.setFeaturesCol(getFeaturesCol()).setInputCols(getInputCols()).setLabelCol(getLabelCol()).setPredictionCol(getPredictionCol())
                .setProbabilityCol(getProbabilityCol()).setBatchSize(getBatchSize()).setHandleInvalid(getHandleInvalid());
        fitted.setHistory(result.history());
        return fitted.setParent(this);
    }

    /**
     * Checks the input columns against the model (names, types, vector sizes) and adds the output columns, as the
     * fitted model's {@code transform} will.
     */
    @Override
    public StructType transformSchema(StructType schema) {
        ModelInfo info = info();
        Columns.resolve("KerasEstimator", schema, getFeaturesCol(), getInputCols(), getLabelCol(), info);
        return KerasModel.outputSchema("KerasEstimator", schema, info, getPredictionCol(), getProbabilityCol());
    }

    @Override
    public KerasEstimator copy(ParamMap extra) {
        KerasEstimator copy = copyValues(new KerasEstimator(uid, modelBytes), extra);
        copy.callbacks = new ArrayList<>(callbacks);
        return copy;
    }

    // ------------------------------------------------------------------ saving

    @Override
    public MLWriter write() {
        return new StageIO.Writer(this, modelBytes);
    }

    /** Spark's loader ({@code Pipeline.load}) finds this by reflection. */
    public static MLReader<KerasEstimator> read() {
        return new StageIO.Reader<>(KerasEstimator.class, KerasEstimator::new);
    }

    public static KerasEstimator load(String path) {
        return read().load(path);
    }
}
