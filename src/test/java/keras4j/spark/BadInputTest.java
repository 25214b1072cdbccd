package keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import keras4j.models.Model;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Bad input fails on the driver, before training, naming the column and what was expected. */
class BadInputTest {
    private static final StructType SCHEMA = new StructType().add("features", new VectorUDT(), true).add("label", DataTypes.DoubleType, true);

    private static KerasEstimator estimator() {
        return new KerasEstimator(Digits.model(1)).setEpochs(1).setVerbose(0);
    }

    private static Dataset<Row> frame(List<Row> rows, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        return SparkTestSession.get().createDataFrame(jsc.parallelize(rows, partitions), SCHEMA);
    }

    private static List<Row> goodRows(int n) {
        List<Row> rows = new ArrayList<>(Digits.frame(Digits.SPLIT.test(), 1).limit(n).collectAsList());
        return rows;
    }

    private static String fitError(KerasEstimator e, Dataset<Row> data) {
        return assertThrows(IllegalArgumentException.class, () -> e.fit(data)).getMessage();
    }

    @Test
    void missingColumnsAreNamedWithTheAvailableOnes() {
        Dataset<Row> data = Digits.frame(Digits.SPLIT.test(), 2);
        assertEquals("KerasEstimator: featuresCol \"pixels\" does not exist. Available columns: [features, label]",
                fitError(estimator().setFeaturesCol("pixels"), data));
        assertEquals("KerasEstimator: labelCol \"digit\" does not exist. Available columns: [features, label]",
                fitError(estimator().setLabelCol("digit"), data));
        assertEquals("KerasEstimator: inputCols column \"a\" does not exist. Available columns: [features, label]",
                fitError(estimator().setInputCols("a", "b"), data));
        String taken = assertThrows(IllegalArgumentException.class, () -> new KerasModel(Digits.model(1)).setPredictionCol("label").transform(data))
                .getMessage();
        assertEquals("KerasModel: predictionCol \"label\" already exists in the DataFrame; choose another name", taken);
    }

    @Test
    void wrongTypesAndSizesNameTheColumnAndTheExpectation() {
        Dataset<Row> data = Digits.frame(Digits.SPLIT.test(), 2);
        String stringLabel = fitError(estimator(), data.withColumn("label", data.col("label").cast("string")));
        assertEquals("KerasEstimator: labelCol \"label\" has type string; expected a numeric column (a class index, e.g. from StringIndexer, "
                + "or a target value) or a vector/array of numbers", stringLabel);
        String stringFeatures = fitError(estimator().setFeaturesCol("label"), data.withColumn("label", data.col("label").cast("string")));
        assertTrue(stringFeatures.startsWith("KerasEstimator: featuresCol \"label\" has type string; expected an ML Vector"), stringFeatures);
        // VectorAssembler records the vector size in the column's metadata: checked against the model before any job.
        Dataset<Row> assembled = new VectorAssembler().setInputCols(new String[] {"label", "label"}).setOutputCol("pair").transform(data);
        assertEquals("KerasEstimator: featuresCol \"pair\" holds vectors of size 2, but model \"sequential\" has input shape (None, 64) "
                + "(64 values per row)", fitError(estimator().setFeaturesCol("pair"), assembled).replaceAll("sequential_\\d+", "sequential"));
        assertEquals("KerasEstimator: inputCols [label, label] give 2 features per row, but model \"sequential\" has input shape (None, 64) "
                + "(64 values per row)", fitError(estimator().setInputCols("label", "label"), data).replaceAll("sequential_\\d+", "sequential"));
    }

    @Test
    void invalidRowsAreFoundBeforeTrainingOrSkipped() {
        List<Row> rows = goodRows(40);
        rows.set(13, RowFactory.create(Vectors.dense(new double[63]), 1.0));
        rows.set(20, RowFactory.create(null, 2.0));
        rows.set(21, RowFactory.create(rows.get(0).get(0), null));
        rows.set(22, RowFactory.create(rows.get(0).get(0), 10.0));
        Dataset<Row> data = frame(rows, 2);
        assertEquals("KerasEstimator: featuresCol \"features\" holds a vector of size 63; the model's input shape (None, 64) needs 64 values "
                + "(row 13 of partition 0); 4 invalid row(s) in all. Fix the data, or set handleInvalid to \"skip\" to drop invalid rows",
                fitError(estimator().setNumWorkers(0), data));
        KerasModel skipped = estimator().setHandleInvalid("skip").setValidationFraction(0.25).fit(data);
        assertEquals(1, skipped.history().history().get("loss").size());
        // Inference: the same check in the task, with the same words; skip drops the rows.
        SparkException failed = assertThrows(SparkException.class, () -> skipped.setHandleInvalid("error").transform(frame(rows, 1)).count());
        assertTrue(failed.getMessage().contains("KerasModel: featuresCol \"features\" holds a vector of size 63; the model's input shape "
                + "(None, 64) needs 64 values (row 13 of partition 0). Fix the data"), failed.getMessage());
        assertEquals(38, skipped.setHandleInvalid("skip").transform(data).count(), "the null and the short features are dropped; labels are not read");
        String labels = assertThrows(IllegalArgumentException.class, () -> skipped.setHandleInvalid("skip").evaluate(frame(rows.subList(20, 23), 1)))
                .getMessage();
        assertEquals("KerasModel: evaluate found no rows (after skipping invalid ones); it needs rows with features, label", labels);
    }

    @Test
    void classIndicesOutOfRangeAreInvalidLabels() {
        List<Row> rows = goodRows(20);
        rows.set(5, RowFactory.create(rows.get(0).get(0), 2.5));
        String message = fitError(estimator(), frame(rows, 1));
        assertTrue(message.startsWith("KerasEstimator: labelCol \"label\" is 2.5; the classifier's labels are class indices 0..9 (row 5 of partition 0)"),
                message);
    }

    @Test
    void emptyPartitionsTrainAndAnEmptyDataFrameIsAnError() {
        Model model = Digits.model(2);
        List<Row> rows = goodRows(60);
        // Three partitions, the middle one empty.
        Dataset<Row> gappy = frame(rows.subList(0, 30), 1).union(frame(List.of(), 1)).union(frame(rows.subList(30, 60), 1));
        assertEquals(3, gappy.javaRDD().getNumPartitions());
        KerasModel fitted = new KerasEstimator(model).setEpochs(2).setVerbose(0).setSyncEvery(1).fit(gappy);
        assertEquals(2, fitted.history().history().get("loss").size());
        assertEquals(60, fitted.transform(gappy).count());
        assertEquals("KerasEstimator: the DataFrame is empty; fit needs rows with features, label", fitError(estimator(), frame(List.of(), 2)));
    }

    @Test
    void anUncompiledModelNeedsTheLossParam() {
        keras4j.utils.Seeds.setRandomSeed(4);
        keras4j.models.Sequential raw = new keras4j.models.Sequential();
        raw.add(keras4j.layers.Input.of(64));
        raw.add(new keras4j.layers.Dense(10).activation("softmax"));
        Dataset<Row> data = Digits.frame(Digits.SPLIT.test(), 2);
        String message = fitError(new KerasEstimator(raw).setVerbose(0), data);
        assertTrue(message.matches("KerasEstimator: model \"sequential(_\\d+)?\" is not compiled; compile it \\(or set the loss param\\) before fitting"),
                message);
        KerasModel fitted = new KerasEstimator(raw).setLoss("sparse_categorical_crossentropy").setOptimizer(new keras4j.optimizers.Adam(0.01))
                .setMetrics("accuracy").setEpochs(3).setVerbose(0).fit(data);
        assertEquals(java.util.List.of("accuracy", "loss"), fitted.history().history().keySet().stream().sorted().toList());
        assertTrue(fitted.getModel().optimizer() instanceof keras4j.optimizers.Adam);
        assertEquals(0.01, fitted.getModel().optimizer().learningRate(), 1e-9);
    }

    @Test
    void aModelThatCannotTakeTheLabelsFailsOnTheDriver() {
        Model model = Digits.model(1);
        model.compile("adam", "categorical_crossentropy");
        String message = fitError(new KerasEstimator(model), Digits.frame(Digits.SPLIT.test(), 1));
        assertTrue(message.startsWith("KerasEstimator: model \"sequential"), message);
        assertTrue(message.contains("(output shape (None, 10)) cannot be trained or evaluated on labelCol \"label\" read as labels of shape (None,): categorical_crossentropy: arguments `target` and `output` must have the same shape"),
                message);
    }
}
