package keras4j.spark;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The column and batching params shared by {@link KerasEstimator} and {@link KerasModel}, with their getters. Each
 * stage holds its {@link Param} objects in a {@link Shared} (Spark finds them through these public accessors, as it
 * finds every param) and has its own fluent setters.
 */
public interface KerasParams extends Params {
    /** The stage's shared param objects (made once per stage by {@link Shared#create}). */
    Shared sharedParams();

    /** Features: an ML {@code Vector} or {@code array<float|double>} column (default {@code "features"}). */
    default Param<String> featuresCol() {
        return sharedParams().featuresCol();
    }

    /** Several numeric columns, one feature each, used instead of {@link #featuresCol()} when set. */
    default StringArrayParam inputCols() {
        return sharedParams().inputCols();
    }

    /** Labels: a numeric column (a class index for classifiers) or a vector/array column (default {@code "label"}). */
    default Param<String> labelCol() {
        return sharedParams().labelCol();
    }

    /** Output column of predictions: class index for classifiers, value (or vector) otherwise (default {@code "prediction"}). */
    default Param<String> predictionCol() {
        return sharedParams().predictionCol();
    }

    /** Output column of class probabilities (the model's outputs) for classifiers (default {@code "probability"}). */
    default Param<String> probabilityCol() {
        return sharedParams().probabilityCol();
    }

    /** Rows per batch on the executors (default 32, Keras's). */
    default IntParam batchSize() {
        return sharedParams().batchSize();
    }

    /** What to do with rows whose features or label are null, NaN or of the wrong size: {@code "error"} (default) or {@code "skip"}. */
    default Param<String> handleInvalid() {
        return sharedParams().handleInvalid();
    }

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String[] getInputCols() {
        return getOrDefault(inputCols());
    }

    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    default int getBatchSize() {
        return (Integer) getOrDefault(batchSize());
    }

    default String getHandleInvalid() {
        return getOrDefault(handleInvalid());
    }

    /** The param objects both stages have. */
    record Shared(Param<String> featuresCol, StringArrayParam inputCols, Param<String> labelCol, Param<String> predictionCol,
                  Param<String> probabilityCol, IntParam batchSize, Param<String> handleInvalid) implements java.io.Serializable {

        /** Creates the shared params of {@code stage}, with their defaults. */
        static Shared create(Params stage) {
            Param<String> features = new Param<>(stage, "featuresCol", "features column: an ML Vector or an array of numbers");
            StringArrayParam inputs = new StringArrayParam(stage, "inputCols", "numeric feature columns, one feature each (instead of featuresCol)");
            Param<String> label = new Param<>(stage, "labelCol", "label column: a number (class index for classifiers) or a vector/array");
            Param<String> prediction = new Param<>(stage, "predictionCol", "prediction column name");
            Param<String> probability = new Param<>(stage, "probabilityCol", "class probabilities column name (classifiers)");
            IntParam batch = new IntParam(stage, "batchSize", "rows per batch (>= 1)", ParamValidators.gtEq(1));
            Param<String> invalid = new Param<>(stage, "handleInvalid", "invalid rows (null, NaN, wrong size): error or skip",
                    ParamValidators.inArray(java.util.List.of("error", "skip")));
            stage.setDefault(features, "features");
            stage.setDefault(inputs, new String[0]);
            stage.setDefault(label, "label");
            stage.setDefault(prediction, "prediction");
            stage.setDefault(probability, "probability");
            stage.setDefault(batch, 32);
            stage.setDefault(invalid, "error");
            return new Shared(features, inputs, label, prediction, probability, batch, invalid);
        }
    }
}
