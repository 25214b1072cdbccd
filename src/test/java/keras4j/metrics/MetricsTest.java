package keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.losses.Losses;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** Metric lookup, Keras 3's accuracy resolution and log names, configs. */
class MetricsTest {
    static final int[] BATCH_1 = {-1, 1}, BATCH_10 = {-1, 10}, BATCH = {-1};

    @Test
    void accuracyIsResolvedFromShapesLikeKeras3() {
        assertInstanceOf(BinaryAccuracy.class, Metrics.get("accuracy", null, BATCH_1, BATCH_1));
        assertInstanceOf(BinaryAccuracy.class, Metrics.get("accuracy", null, BATCH, BATCH_1));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", null, BATCH, BATCH_10));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("acc", null, BATCH_1, BATCH_10));
        assertInstanceOf(CategoricalAccuracy.class, Metrics.get("accuracy", null, BATCH_10, BATCH_10));
        // Keras 3 looks only at shapes: multi-label outputs with binary crossentropy get categorical accuracy.
        assertInstanceOf(CategoricalAccuracy.class, Metrics.get("accuracy", Losses.get("binary_crossentropy"), BATCH_10, BATCH_10));
        // Without shapes the loss decides.
        assertInstanceOf(BinaryAccuracy.class, Metrics.get("accuracy", Losses.get("binary_crossentropy"), null, null));
        assertInstanceOf(SparseCategoricalAccuracy.class, Metrics.get("accuracy", Losses.get("sparse_categorical_crossentropy"), null, null));
        assertInstanceOf(CategoricalAccuracy.class, Metrics.get("accuracy", Losses.get("categorical_crossentropy"), null, null));
        assertThrows(IllegalArgumentException.class, () -> Metrics.get("accuracy", null, null, null));
        // Crossentropy metrics resolve the same way.
        assertInstanceOf(BinaryCrossentropy.class, Metrics.get("crossentropy", null, BATCH_1, BATCH_1));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Metrics.get("ce", null, BATCH, BATCH_10));
        assertInstanceOf(CategoricalCrossentropy.class, Metrics.get("CE", null, BATCH_10, BATCH_10));
    }

    @Test
    void stringMetricsAreLoggedUnderTheUsersString() {
        assertEquals("accuracy", Metrics.get("accuracy", null, BATCH, BATCH_10).name());
        assertEquals("acc", Metrics.get("acc", null, BATCH, BATCH_10).name());
        Metric mae = Metrics.get("mae", null, BATCH_1, BATCH_1);
        assertInstanceOf(MeanAbsoluteError.class, mae);
        assertEquals("mae", mae.name());
        assertEquals("mean_absolute_error", Metrics.get("mae").name());
        Metric auc = new AUC();
        assertSame(auc, Metrics.get(auc, null, BATCH_1, BATCH_1));
        Metric loss = Metrics.get(Losses.get("mse"), null, BATCH_1, BATCH_1);
        assertEquals("mean_squared_error", loss.name());
        assertEquals("down", loss.direction());
    }

    @Test
    void namesAndAliases() {
        assertInstanceOf(MeanSquaredError.class, Metrics.get("mse"));
        assertInstanceOf(MeanSquaredError.class, Metrics.get("MSE"));
        assertInstanceOf(MeanSquaredError.class, Metrics.get("mean_squared_error"));
        assertInstanceOf(MeanAbsolutePercentageError.class, Metrics.get("mape"));
        assertInstanceOf(MeanSquaredLogarithmicError.class, Metrics.get("msle"));
        assertInstanceOf(BinaryCrossentropy.class, Metrics.get("bce"));
        assertInstanceOf(AUC.class, Metrics.get("auc"));
        assertInstanceOf(AUC.class, Metrics.get("AUC"));
        assertInstanceOf(TopKCategoricalAccuracy.class, Metrics.get("top_k_categorical_accuracy"));
        assertInstanceOf(RootMeanSquaredError.class, Metrics.get("root_mean_squared_error"));
        assertInstanceOf(R2Score.class, Metrics.get("r2_score"));
        assertInstanceOf(F1Score.class, Metrics.get("f1_score"));
        assertInstanceOf(Accuracy.class, Metrics.get("accuracy"));
        assertInstanceOf(Precision.class, Metrics.get("precision"));
        assertNull(Metrics.get(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("acuracy"));
        assertTrue(e.getMessage().contains("accuracy"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.get(3.0));
        MeanMetricWrapper fn = (MeanMetricWrapper) Metrics.get((keras4j.losses.LossFunction) (t, p) -> p);
        assertTrue(fn.name().startsWith("mean_metric_wrapper"), fn.name());
    }

    @Test
    void defaultNamesOfUnnamedMetricsAreUnique() {
        String a = new Precision().name(), b = new Precision().name();
        assertTrue(a.matches("precision(_\\d+)?"), a);
        int k = a.equals("precision") ? 0 : Integer.parseInt(a.substring("precision_".length()));
        assertEquals("precision_" + (k + 1), b);
        assertEquals("binary_accuracy", new BinaryAccuracy().name());
        assertEquals("logcosh", new LogCoshError().name());
        assertEquals("renamed", new BinaryAccuracy().setName("renamed").name());
    }

    @Test
    void configsUseKerasKeysAndRoundTrip() {
        assertEquals(List.of("name", "dtype", "threshold"), List.copyOf(new BinaryAccuracy().getConfig().keySet()));
        assertEquals(List.of("name", "dtype", "thresholds", "top_k", "class_id"), List.copyOf(new Precision().getConfig().keySet()));
        assertEquals(List.of("name", "dtype", "num_thresholds", "curve", "summation_method", "multi_label", "num_labels", "label_weights", "from_logits"),
                List.copyOf(new AUC().getConfig().keySet()));
        assertEquals("keras.metrics", new Accuracy().serialize().get("module"));
        assertEquals("float32", new Accuracy().getConfig().get("dtype"));
        List<Metric> all = List.of(new Mean(), new Sum(), new MeanSquaredError(), new RootMeanSquaredError(), new MeanAbsoluteError(),
                new MeanAbsolutePercentageError(), new MeanSquaredLogarithmicError(), new CosineSimilarity(), new LogCoshError(),
                new R2Score().classAggregation("variance_weighted_average").numRegressors(2),
                new AUC(50).curve("PR").summationMethod("minoring").multiLabel(true).numLabels(3).labelWeights(1, 2, 3).fromLogits(true),
                new AUC().thresholds(0.2, 0.4), new TruePositives(0.3), new FalsePositives(0.2, 0.6), new TrueNegatives(), new FalseNegatives(),
                new Precision(0.4).topK(3), new Recall().classId(2), new Hinge(), new SquaredHinge(), new CategoricalHinge(), new KLDivergence(),
                new Poisson(), new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1), new CategoricalCrossentropy().axis(1),
                new SparseCategoricalCrossentropy().ignoreClass(0), new Accuracy(), new BinaryAccuracy().threshold(0.3),
                new CategoricalAccuracy(), new SparseCategoricalAccuracy(), new TopKCategoricalAccuracy(3), new SparseTopKCategoricalAccuracy(2),
                new F1Score().average("macro").threshold(0.4), new FBetaScore(2.0).average("weighted"));
        for (Metric m : all) {
            Metric back = Metrics.get(Json.readObject(Json.write(m.serialize())));
            assertEquals(m.getClass(), back.getClass());
            assertEquals(Json.write(m.getConfig()), Json.write(back.getConfig()), m.className());
        }
    }

    @Test
    void lossWrapperSerializesItsLoss() {
        MeanMetricWrapper w = new MeanMetricWrapper(Losses.get("huber"));
        Map<String, Object> s = w.serialize();
        Metric back = Metrics.get(Json.readObject(Json.write(s)));
        back.updateState(Tensor.of(new float[][] {{0}}), Tensor.of(new float[][] {{3}}), null);
        assertEquals(2.5f, back.result(), 1e-6);
        assertEquals("huber_loss", back.name());
        assertThrows(IllegalArgumentException.class, () -> Metrics.get(Config.of("class_name", "Nope", "config", Map.of())));
    }

    @Test
    void directions() {
        assertEquals("up", new AUC().direction());
        assertEquals("up", new CosineSimilarity().direction());
        assertEquals("up", new SparseTopKCategoricalAccuracy().direction());
        assertEquals("down", new MeanAbsoluteError().direction());
        assertEquals("down", new Poisson().direction());
        assertNull(new TruePositives().direction());
        assertNull(new Sum().direction());
    }
}
