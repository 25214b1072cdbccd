package keras4j.spark;

import java.util.Map;
import keras4j.callbacks.History;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A keras4j model as a Spark ML {@code Model} (a Transformer): what {@link KerasEstimator#fit} returns, or a
 * trained keras4j model wrapped for scoring with {@code new KerasModel(model)}.
 *
 * <p>{@link #transform} appends {@code predictionCol} and, for classifiers, {@code probabilityCol}, computed with
 * {@code mapPartitions} in batches of {@code batchSize} rows on the executors: the {@code .keras} bytes are broadcast
 * once per model and SparkContext, and each executor JVM loads the model from them once (one instance per concurrently
 * running task); the data never goes to the driver. A classifier (crossentropy or hinge loss, or a softmax/sigmoid last
 * layer when uncompiled) predicts the class index as a double (argmax of the outputs; {@code output >= 0.5} for one
 * sigmoid unit) and gives the outputs as the probability vector ({@code [1 - p, p]} for one unit), as Spark's
 * classifiers do; other models predict their output value, or a vector when the output has several values. The outputs
 * are those of {@code model.predict} bit for bit when the batches hold the same rows (a partition's rows are batched
 * from its start); otherwise they may differ in the last float32 bit, as the matrix kernels' summation order depends
 * on the batch size.
 *
 * <p>{@link #evaluate} computes Keras's {@code evaluate} over a DataFrame exactly: every partition returns its summed
 * metric state (Keras's metric variables are sums and counts), the states are added with {@code treeAggregate}, and
 * the driver reads the results from the total — not a mean of partition means.
 */
public final class KerasModel extends org.apache.spark.ml.Model<KerasModel> implements KerasParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final byte[] modelBytes;
    private transient ModelInfo info;
    private transient History history;
    private transient Broadcast<byte[]> broadcast;
    private transient SparkContext broadcastContext;

    private final Shared shared;

    /** Wraps a trained keras4j model (one input, one output) for scoring DataFrames. */
    public KerasModel(keras4j.models.Model model) {
        this(Identifiable.randomUID("KerasModel"), KerasBytes.of(model));
    }

    KerasModel(String uid, byte[] modelBytes) {
        this.uid = uid;
        this.modelBytes = modelBytes;
        this.shared = Shared.create(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override public Shared sharedParams() { return shared; }

    public KerasModel setFeaturesCol(String value) { set(featuresCol(), value); return this; }
    public KerasModel setInputCols(String... value) { set(inputCols(), value); return this; }
    public KerasModel setLabelCol(String value) { set(labelCol(), value); return this; }
    public KerasModel setPredictionCol(String value) { set(predictionCol(), value); return this; }
    /** The probability column's name; empty for none. */
    public KerasModel setProbabilityCol(String value) { set(probabilityCol(), value); return this; }
    public KerasModel setBatchSize(int value) { set(batchSize(), (Object) value); return this; }
    public KerasModel setHandleInvalid(String value) { set(handleInvalid(), value); return this; }

    /** A copy of the trained keras4j model (weights, compile config and optimizer state), loaded on the driver. */
    public keras4j.models.Model getModel() {
        return KerasBytes.load(modelBytes);
    }

    /** The training history of the fit that made this model (epoch logs, as Keras's {@code History}); null otherwise. */
    public History history() {
        return history;
    }

    void setHistory(History history) {
        this.history = history;
    }

    /** Whether predictions are class indices (see the class comment). */
    public boolean isClassifier() {
        return info().classifier();
    }

    private ModelInfo info() {
        if (info == null) info = ModelInfo.of("KerasModel", modelBytes);
        return info;
    }

    /** The model bytes as a broadcast of the given context, made once per model and context. */
    private synchronized Broadcast<byte[]> broadcast(SparkContext sc) {
        if (broadcast == null || broadcastContext != sc || sc.isStopped()) {
            broadcast = JavaSparkContext.fromSparkContext(sc).broadcast(modelBytes);
            broadcastContext = sc;
        }
        return broadcast;
    }

    // ------------------------------------------------------------------ transform

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema(), true);
        ModelInfo i = info();
        Columns columns = Columns.resolve("KerasModel", dataset.schema(), getFeaturesCol(), getInputCols(), null, i);
        Broadcast<byte[]> bytes = broadcast(dataset.sparkSession().sparkContext());
        int[] inputShape = i.inputShape();
        int batch = getBatchSize();
        boolean skip = getHandleInvalid().equals("skip");
        RowBatches.Output output = new RowBatches.Output(i.classifier(), i.outputSize(), !getProbabilityCol().isEmpty());
        return dataset.toDF().mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows ->
                        RowBatches.predict(rows, columns, bytes, inputShape, batch, skip, output),
                Encoders.row(out));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        ModelInfo i = info();
        Columns.resolve("KerasModel", schema, getFeaturesCol(), getInputCols(), null, i);
        return outputSchema("KerasModel", schema, i, getPredictionCol(), getProbabilityCol());
    }

    /** The schema plus the prediction column (double, or vector for multi-valued regression) and, for classifiers, the probabilities. */
    static StructType outputSchema(String stage, StructType schema, ModelInfo info, String predictionCol, String probabilityCol) {
        Columns.requireAbsent(stage, schema, "predictionCol", predictionCol);
        boolean vector = !info.classifier() && info.outputSize() > 1;
        StructType out = schema.add(predictionCol, vector ? new VectorUDT() : DataTypes.DoubleType, false);
        if (info.classifier() && !probabilityCol.isEmpty()) {
            Columns.requireAbsent(stage, schema, "probabilityCol", probabilityCol);
            out = out.add(probabilityCol, new VectorUDT(), false);
        }
        return out;
    }

    // ------------------------------------------------------------------ evaluate

    /**
     * Keras's {@code model.evaluate} over a DataFrame with {@code labelCol}: the loss and compiled metrics, exact over
     * all rows ({@code {loss=..., accuracy=...}}). The model must be compiled.
     */
    public Map<String, Double> evaluate(Dataset<?> dataset) {
        ModelInfo i = info();
        if (!i.compiled()) {
            throw new IllegalStateException("KerasModel: evaluate needs a compiled model; model \"" + i.name() + "\" was saved without compile()");
        }
        Columns columns = Columns.resolve("KerasModel", dataset.schema(), getFeaturesCol(), getInputCols(), getLabelCol(), i);
        int[] labelShape = columns.labelShape(i);
        keras4j.models.Model driver = KerasBytes.load(modelBytes);
        ParameterAveraging.checkOnDriver("KerasModel", driver, i, columns, labelShape);
        String[] cols = columns.selected();
        Dataset<Row> selected = dataset.toDF().select(cols[0], ParameterAveraging.rest(cols));
        Columns reading = columns.at(selected.schema());
        Broadcast<byte[]> bytes = broadcast(dataset.sparkSession().sparkContext());
        int[] inputShape = i.inputShape();
        int batch = getBatchSize();
        boolean skip = getHandleInvalid().equals("skip");
        Contribution sum = selected.javaRDD()
                .mapPartitions(rows -> java.util.List.of(RowBatches.evaluate(rows, reading, bytes, inputShape, labelShape, batch, skip)).iterator())
                .treeAggregate(Contribution.empty(), Contribution::add, Contribution::add);
        if (sum.metrics == null) {
            throw new IllegalArgumentException("KerasModel: evaluate found no rows" + (skip ? " (after skipping invalid ones)" : "")
                    + "; it needs rows with " + String.join(", ", cols));
        }
        driver.setMetricsState(sum.metrics);
        return driver.getMetricsResult();
    }

    // ------------------------------------------------------------------ copy and saving

    @Override
    public KerasModel copy(ParamMap extra) {
        KerasModel copy = copyValues(new KerasModel(uid, modelBytes), extra);
        copy.history = history;
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new StageIO.Writer(this, modelBytes);
    }

    /** Spark's loader ({@code PipelineModel.load}) finds this by reflection. */
    public static MLReader<KerasModel> read() {
        return new StageIO.Reader<>(KerasModel.class, KerasModel::new);
    }

    public static KerasModel load(String path) {
        return read().load(path);
    }
}
