package keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import keras4j.data.Datasets;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.models.FitOptions;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring, exact evaluation and saving of fitted stages and pipelines. */
class KerasModelTest {
    private static final Tensor X_TEST = Digits.scaled(Digits.SPLIT.test().x());
    private static final Tensor Y_TEST = Digits.SPLIT.test().y();

    /** The digits classifier after two single-JVM epochs (so its outputs are far from uniform). */
    private static Model trained() {
        Model m = Digits.model(3);
        m.fit(Digits.scaled(Digits.SPLIT.train().x()), Digits.SPLIT.train().y(), new FitOptions().epochs(2).verbose(0));
        return m;
    }

    @Test
    void transformEqualsSingleJvmPredictRowForRow() {
        Model model = trained();
        // Batches of 30 in partitions of 90 rows: the same batches as predict's, so the same float32 sums.
        Tensor expected = model.predict(X_TEST, 30, 0);
        KerasModel scorer = new KerasModel(model).setBatchSize(30);
        assertTrue(scorer.isClassifier());
        List<Row> rows = scorer.transform(Digits.frame(Digits.SPLIT.test(), 5)).select("label", "prediction", "probability").collectAsList();
        assertEquals(450, rows.size());
        float[] e = expected.toFloatArray();
        for (int i = 0; i < rows.size(); i++) {
            double[] p = ((Vector) rows.get(i).get(2)).toArray();
            double[] want = new double[10];
            int best = 0;
            for (int k = 0; k < 10; k++) {
                want[k] = e[i * 10 + k];
                if (e[i * 10 + k] > e[i * 10 + best]) best = k;
            }
            assertArrayEquals(want, p, "row " + i);
            assertEquals(best, rows.get(i).getDouble(1), "row " + i);
            assertEquals(Y_TEST.toFloatArray()[i], rows.get(i).getDouble(0));
        }
    }

    @Test
    void regressorsPredictTheirValueOrVector() {
        Seeds.setRandomSeed(5);
        Sequential one = new Sequential();
        one.add(Input.of(64));
        one.add(new Dense(1));
        Sequential three = new Sequential();
        three.add(Input.of(64));
        three.add(new Dense(3));
        three.compile("sgd", "mse");
        Dataset<Row> frame = Digits.frame(Digits.SPLIT.test(), 5);
        KerasModel scalar = new KerasModel(one).setProbabilityCol("probability").setBatchSize(30);
        assertFalse(scalar.isClassifier());
        List<Row> a = scalar.transform(frame).collectAsList();
        assertEquals(3, a.get(0).length(), "features, label, prediction: no probability for a regressor");
        List<Row> b = new KerasModel(three).setBatchSize(30).transform(frame).collectAsList();
        float[] e1 = one.predict(X_TEST, 30, 0).toFloatArray(), e3 = three.predict(X_TEST, 30, 0).toFloatArray();
        for (int i = 0; i < 450; i++) {
            assertEquals(e1[i], a.get(i).getDouble(2), "row " + i);
            assertArrayEquals(new double[] {e3[3 * i], e3[3 * i + 1], e3[3 * i + 2]}, ((Vector) b.get(i).get(2)).toArray(), "row " + i);
        }
    }

    @Test
    void evaluateIsExactOverUnequalAndEmptyPartitions() {
        Model model = trained();
        Map<String, Double> single = model.evaluate(X_TEST, Y_TEST, 32, 0);
        // Partitions of 10, 0, 220 and 220 rows.
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        Dataset<Row> all = Digits.frame(Digits.SPLIT.test(), 1);
        List<Row> rows = all.collectAsList();
        Dataset<Row> parts = SparkTestSession.get().createDataFrame(jsc.parallelize(rows.subList(0, 10), 1), all.schema())
                .union(SparkTestSession.get().createDataFrame(jsc.parallelize(List.<Row>of(), 1), all.schema()))
                .union(SparkTestSession.get().createDataFrame(jsc.parallelize(rows.subList(10, 450), 2), all.schema()));
        assertEquals(4, parts.javaRDD().getNumPartitions());
        Map<String, Double> spark = new KerasModel(model).evaluate(parts);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(spark.keySet()));
        assertEquals(single.get("loss"), spark.get("loss"), 1e-6);
        assertEquals(single.get("accuracy"), spark.get("accuracy"), 1e-7);
        // The mean of the partitions' accuracies is another number: the test would catch a mean of means.
        double meanOfMeans = 0;
        for (int[] r : new int[][] {{0, 10}, {10, 230}, {230, 450}}) {
            meanOfMeans += model.evaluate(X_TEST.slice(r[0], r[1]), Y_TEST.slice(r[0], r[1]), 32, 0).get("accuracy") / 3;
        }
        assertTrue(Math.abs(meanOfMeans - single.get("accuracy")) > 1e-3, meanOfMeans + " vs " + single.get("accuracy"));
    }

    /** Iris as a DataFrame of four numeric columns and the species name. */
    private static Dataset<Row> iris() {
        keras4j.data.Dataset d = Datasets.iris();
        List<Row> rows = new ArrayList<>();
        float[] x = d.x().toFloatArray(), y = d.y().toFloatArray();
        for (int i = 0; i < d.size(); i++) {
            rows.add(RowFactory.create((double) x[4 * i], (double) x[4 * i + 1], (double) x[4 * i + 2], (double) x[4 * i + 3],
                    d.classNames().get((int) y[i])));
        }
        StructType schema = new StructType().add("sepal_length", DataTypes.DoubleType).add("sepal_width", DataTypes.DoubleType)
                .add("petal_length", DataTypes.DoubleType).add("petal_width", DataTypes.DoubleType).add("species", DataTypes.StringType);
        return SparkTestSession.get().createDataFrame(JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext()).parallelize(rows, 3), schema);
    }

    @Test
    void aFittedPipelineSavesAndLoadsWithItsKerasStage(@TempDir Path dir) throws Exception {
        Seeds.setRandomSeed(9);
        Sequential net = new Sequential();
        net.add(Input.of(4));
        net.add(new Dense(8).activation("relu"));
        net.add(new Dense(3).activation("softmax"));
        net.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("species").setOutputCol("label"),
            new VectorAssembler().setInputCols(new String[] {"sepal_length", "sepal_width", "petal_length", "petal_width"}).setOutputCol("features"),
            new KerasEstimator(net).setEpochs(3).setNumWorkers(3).setBatchSize(16).setVerbose(0)});
        Dataset<Row> data = iris();
        PipelineModel fitted = pipeline.fit(data);
        String path = dir.resolve("iris-pipeline").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);

        KerasModel stage = assertInstanceOf(KerasModel.class, loaded.stages()[2]);
        KerasModel original = (KerasModel) fitted.stages()[2];
        assertEquals(original.uid(), stage.uid());
        assertEquals(16, stage.getBatchSize());
        assertEquals("features", stage.getFeaturesCol());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(original.getModel().getWeights().get(i).toFloatArray(), stage.getModel().getWeights().get(i).toFloatArray());
        }
        List<Row> before = fitted.transform(data).select("prediction", "probability").collectAsList();
        List<Row> after = loaded.transform(data).select("prediction", "probability").collectAsList();
        assertEquals(before, after);
        assertTrue(after.stream().map(r -> r.getDouble(0)).distinct().count() > 1, "the model separates some species");

        // The unfitted pipeline saves its estimator with the model to train and its params.
        String estimatorPath = dir.resolve("iris-estimator").toString();
        pipeline.write().save(estimatorPath);
        KerasEstimator estimator = assertInstanceOf(KerasEstimator.class, Pipeline.load(estimatorPath).getStages()[2]);
        assertEquals(3, estimator.getEpochs());
        assertEquals(3, estimator.getNumWorkers());
        assertEquals(Arrays.toString(net.getWeights().get(0).toFloatArray()), Arrays.toString(estimator.getModel().getWeights().get(0).toFloatArray()));
    }
}
