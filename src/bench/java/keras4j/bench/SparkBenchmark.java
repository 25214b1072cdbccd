package keras4j.bench;

import java.util.ArrayList;
import java.util.List;
import keras4j.data.Dataset;
import keras4j.data.Datasets;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.models.FitOptions;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.optimizers.Adam;
import keras4j.spark.KerasEstimator;
import keras4j.spark.KerasModel;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * keras4j on Spark against the same work on one JVM, in one process:
 * <ul>
 *   <li>scoring: rows/s of {@code KerasModel.transform} (counted, on cached data) on {@code local[1]} and
 *       {@code local[2]}, against {@code model.predict} on one JVM, same batch size;</li>
 *   <li>training: seconds per epoch of {@code KerasEstimator.fit} (2 workers) against {@code model.fit};</li>
 *   <li>the per-round overhead: the extra time of a fit with one step per round over one with one round per epoch,
 *       divided by the extra rounds.</li>
 * </ul>
 * Data: the bundled digits repeated {@code copies} times (default 20: 35,940 rows of 64 features); model
 * 64-256-256-10 (relu, softmax), Adam. Run: {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=keras4j.bench.SparkBenchmark [-Dbench.args=copies=20]}.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {}

    static Model model() {
        Seeds.setRandomSeed(1);
        Sequential m = new Sequential();
        m.add(Input.of(64));
        m.add(new Dense(256).activation("relu"));
        m.add(new Dense(256).activation("relu"));
        m.add(new Dense(10).activation("softmax"));
        m.compile(new Adam(0.001), "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    public static void main(String[] args) {
        int copies = 20;
        for (String a : args) for (String kv : a.split("\\s+")) if (kv.startsWith("copies=")) copies = Integer.parseInt(kv.substring(7));
        Dataset digits = Datasets.digits();
        int n = digits.size() * copies;
        float[] x = new float[n * 64], y = new float[n];
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < digits.size(); i++) {
                for (int j = 0; j < 64; j++) x[(c * digits.size() + i) * 64 + j] = digits.x().toFloatArray()[i * 64 + j] / 16f;
                y[c * digits.size() + i] = digits.y().toFloatArray()[i];
            }
        }
        Tensor tx = Tensor.wrap(x, n, 64), ty = Tensor.wrap(y, n);
        int batch = 256;
        List<String> table = new ArrayList<>();
        table.add(String.format("%-44s %12s %12s", "workload (" + n + " rows, batch " + batch + ")", "value", "vs 1 JVM"));

        Model single = model();
        single.predict(tx, batch, 0);
        double predictSeconds = best(3, () -> single.predict(tx, batch, 0));
        double jvmRowsPerSecond = n / predictSeconds;
        table.add(String.format("%-44s %12.0f %12s", "predict, 1 JVM: rows/s", jvmRowsPerSecond, "1.00"));

        Model forFit = model();
        long t0 = System.nanoTime();
        forFit.fit(tx, ty, new FitOptions().epochs(2).batchSize(batch).verbose(0));
        double fitEpoch = (System.nanoTime() - t0) / 1e9 / 2;

        for (String master : new String[] {"local[1]", "local[2]"}) {
            SparkSession spark = SparkSession.builder().master(master).appName("keras4j-bench").config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1").getOrCreate();
            int slots = master.equals("local[1]") ? 1 : 2;
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double[] v = new double[64];
                for (int j = 0; j < 64; j++) v[j] = x[i * 64 + j];
                rows.add(RowFactory.create(Vectors.dense(v), (double) y[i]));
            }
            StructType schema = new StructType().add("features", new VectorUDT()).add("label", DataTypes.DoubleType);
            var df = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 2 * slots), schema).cache();
            df.count();
            // Spark's own floor for a row-to-row mapPartitions over these rows (decode, copy, encode; no model).
            org.apache.spark.sql.Encoder<Row> same = org.apache.spark.sql.Encoders.row(schema);
            double copySeconds = best(3, () -> df.mapPartitions(
                    (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> it, same).count());
            table.add(String.format("%-44s %12.0f %12.2f", "identity mapPartitions on " + master + ": rows/s", n / copySeconds,
                    n / copySeconds / jvmRowsPerSecond));
            KerasModel scorer = new KerasModel(single).setBatchSize(batch);
            scorer.transform(df).count();
            double sparkSeconds = best(3, () -> scorer.transform(df).count());
            table.add(String.format("%-44s %12.0f %12.2f", "transform on " + master + ": rows/s", n / sparkSeconds, n / sparkSeconds / jvmRowsPerSecond));

            if (slots == 2) {
                table.add(String.format("%-44s %12.2f %12s", "fit, 1 JVM: s/epoch", fitEpoch, "1.00"));
                int steps = (n / 2 + batch - 1) / batch;
                KerasEstimator once = new KerasEstimator(model()).setEpochs(2).setBatchSize(batch).setNumWorkers(2).setSyncEvery(steps).setVerbose(0);
                once.fit(df);
                t0 = System.nanoTime();
                once.fit(df);
                double oneRound = (System.nanoTime() - t0) / 1e9;
                KerasEstimator everyStep = new KerasEstimator(model()).setEpochs(2).setBatchSize(batch).setNumWorkers(2).setSyncEvery(1).setVerbose(0);
                t0 = System.nanoTime();
                everyStep.fit(df);
                double allRounds = (System.nanoTime() - t0) / 1e9;
                KerasEstimator byDefault = new KerasEstimator(model()).setEpochs(2).setBatchSize(batch).setNumWorkers(2).setVerbose(0);
                t0 = System.nanoTime();
                byDefault.fit(df);
                double defaults = (System.nanoTime() - t0) / 1e9;
                table.add(String.format("%-44s %12.2f %12.2f", "fit on local[2], 2 workers, 1 round/epoch: s/epoch", oneRound / 2, oneRound / 2 / fitEpoch));
                table.add(String.format("%-44s %12.2f %12.2f", "fit on local[2], syncEvery=8 (default): s/epoch", defaults / 2,
                        defaults / 2 / fitEpoch));
                table.add(String.format("%-44s %12.2f %12.2f", "fit on local[2], syncEvery=1: s/epoch", allRounds / 2, allRounds / 2 / fitEpoch));
                table.add(String.format("%-44s %12.1f %12s", "per-round overhead: ms (" + (2 * steps - 2) + " extra rounds)",
                        (allRounds - oneRound) / (2 * steps - 2) * 1000, ""));
            }
            spark.stop();
        }
        table.forEach(System.out::println);
    }

    private static double best(int runs, Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
