package keras4j.spark;

import java.util.ArrayList;
import java.util.List;
import keras4j.data.Datasets;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.optimizers.Adam;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The bundled digits as tensors and DataFrames, and the small classifier the Spark tests train. */
final class Digits {
    private Digits() {}

    static final keras4j.data.Dataset.Split SPLIT = Datasets.digits().split(0.25, 7);

    /** 64 -> 32 relu -> 10 softmax, Adam(0.005), sparse crossentropy, accuracy; weights drawn from {@code seed}. */
    static Model model(long seed) {
        Seeds.setRandomSeed(seed);
        Sequential m = new Sequential();
        m.add(Input.of(64));
        m.add(new Dense(32).activation("relu"));
        m.add(new Dense(10).activation("softmax"));
        m.compile(new Adam(0.005), "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    /** Rows {@code (features: vector, label: double)} of a dataset, in order, cut into {@code partitions} partitions. */
    static Dataset<Row> frame(keras4j.data.Dataset d, int partitions) {
        return frame(d.x(), d.y(), partitions);
    }

    static Dataset<Row> frame(Tensor x, Tensor y, int partitions) {
        int n = x.dim(0), width = x.dim(1);
        float[] xs = x.toFloatArray(), ys = y.toFloatArray();
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] v = new double[width];
            for (int j = 0; j < width; j++) v[j] = xs[i * width + j] / 16.0;
            rows.add(RowFactory.create(Vectors.dense(v), (double) ys[i]));
        }
        StructType schema = new StructType().add("features", new VectorUDT(), true).add("label", DataTypes.DoubleType, true);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        return SparkTestSession.get().createDataFrame(jsc.parallelize(rows, partitions), schema);
    }

    /** The features scaled as {@link #frame} scales them. */
    static Tensor scaled(Tensor x) {
        float[] d = x.toFloatArray();
        for (int i = 0; i < d.length; i++) d[i] = (float) (d[i] / 16.0);
        return Tensor.wrap(d, x.shape());
    }
}
