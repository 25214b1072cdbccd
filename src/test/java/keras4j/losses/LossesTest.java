package keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** Registry lookups, configs, and the weighting/reduction rules of {@code Loss.__call__}. */
class LossesTest {

    @Test
    void stringsResolveLikeKeras() {
        assertInstanceOf(MeanSquaredError.class, Losses.get("mse"));
        assertInstanceOf(MeanSquaredError.class, Losses.get("MSE"));
        assertInstanceOf(MeanSquaredError.class, Losses.get("mean_squared_error"));
        assertInstanceOf(MeanSquaredError.class, Losses.get("MeanSquaredError"));
        assertInstanceOf(MeanAbsoluteError.class, Losses.get("mae"));
        assertInstanceOf(MeanAbsolutePercentageError.class, Losses.get("mape"));
        assertInstanceOf(MeanSquaredLogarithmicError.class, Losses.get("msle"));
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("binary_crossentropy"));
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("bce"));
        assertInstanceOf(CategoricalCrossentropy.class, Losses.get("categorical_crossentropy"));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("sparse_categorical_crossentropy"));
        assertInstanceOf(Huber.class, Losses.get("huber"));
        assertInstanceOf(KLDivergence.class, Losses.get("kl_divergence"));
        assertInstanceOf(KLDivergence.class, Losses.get("kld"));
        assertInstanceOf(LogCosh.class, Losses.get("log_cosh"));
        assertInstanceOf(LogCosh.class, Losses.get("logcosh"));
        assertInstanceOf(CategoricalHinge.class, Losses.get("categorical_hinge"));
        assertInstanceOf(Tversky.class, Losses.get("Tversky"));
        assertEquals("mean_squared_error", Losses.get("mse").name());
        assertEquals("huber_loss", Losses.get("huber").name());
        Loss mine = new Huber();
        assertSame(mine, Losses.get(mine));
        assertNull(Losses.get(null));
    }

    @Test
    void unknownNamesListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.get("mean_sqared_error"));
        assertTrue(e.getMessage().contains("loss") && e.getMessage().contains("mean_squared_error"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.get(42));
    }

    @Test
    void crossentropyIsChosenFromShapes() {
        assertInstanceOf(BinaryCrossentropy.class, Losses.get("crossentropy", new int[] {-1, 1}, new int[] {-1, 1}));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("ce", new int[] {-1}, new int[] {-1, 10}));
        assertInstanceOf(SparseCategoricalCrossentropy.class, Losses.get("CE", new int[] {-1, 1}, new int[] {-1, 10}));
        assertInstanceOf(CategoricalCrossentropy.class, Losses.get("crossentropy", new int[] {-1, 10}, new int[] {-1, 10}));
        assertInstanceOf(MeanSquaredError.class, Losses.get("mse", new int[] {-1, 10}, new int[] {-1, 10}));
    }

    @Test
    void configsMatchKerasKeysAndRoundTrip() {
        BinaryCrossentropy bce = new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1).name("bce").reduction("sum");
        assertEquals(List.of("name", "reduction", "from_logits", "label_smoothing", "axis"), List.copyOf(bce.getConfig().keySet()));
        Map<String, Object> s = bce.serialize();
        assertEquals("keras.losses", s.get("module"));
        assertEquals("BinaryCrossentropy", s.get("class_name"));
        assertTrue(s.containsKey("registered_name"));
        assertEquals(List.of("name", "reduction", "from_logits", "ignore_class", "axis"), List.copyOf(new SparseCategoricalCrossentropy().getConfig().keySet()));
        assertEquals(List.of("name", "reduction", "from_logits", "label_smoothing", "axis", "apply_class_balancing", "alpha", "gamma"),
                List.copyOf(new BinaryFocalCrossentropy().getConfig().keySet()));
        assertEquals(Map.of("name", "mean_squared_error", "reduction", "sum_over_batch_size"), new MeanSquaredError().getConfig());

        List<Loss> all = List.of(new MeanSquaredError().reduction("sum"), new MeanAbsoluteError(), new MeanAbsolutePercentageError(),
                new MeanSquaredLogarithmicError(), new CosineSimilarity().axis(0), new Huber().delta(2.5), new LogCosh(), new Hinge(),
                new SquaredHinge(), new CategoricalHinge(), new KLDivergence(), new Poisson(), bce,
                new BinaryFocalCrossentropy().applyClassBalancing(true).alpha(0.3).gamma(1.5), new CategoricalCrossentropy().labelSmoothing(0.2).axis(1),
                new CategoricalFocalCrossentropy().alpha(0.5).fromLogits(true), new SparseCategoricalCrossentropy().ignoreClass(3).reduction(null),
                new Dice().axis(1, 2), new Tversky().alpha(0.2).beta(0.8), new CategoricalGeneralizedCrossEntropy().q(0.7));
        for (Loss l : all) {
            String json = Json.write(l.serialize());
            Loss back = Losses.get(Json.readObject(json));
            assertEquals(l.getClass(), back.getClass());
            assertEquals(Json.write(l.getConfig()), Json.write(back.getConfig()), l.className());
        }
    }

    @Test
    void kerasFunctionAndWrapperFormsDeserialize() {
        Map<String, Object> fn = Config.of("module", "keras.losses", "class_name", "function", "config", "mean_absolute_error", "registered_name", "mean_absolute_error");
        assertInstanceOf(MeanAbsoluteError.class, Losses.get(fn));
        Map<String, Object> wrapper = Config.of("class_name", "LossFunctionWrapper", "config", Config.of("name", "mse", "reduction", "sum", "fn", fn));
        Loss w = Losses.get(wrapper);
        assertInstanceOf(MeanAbsoluteError.class, w);
        assertEquals("mse", w.name());
        assertEquals("sum", w.reduction());
        // Keras 2's reduction "auto" is the default.
        Loss legacy = Losses.get(Config.of("class_name", "CategoricalCrossentropy", "config", Config.of("reduction", "auto", "name", "categorical_crossentropy", "from_logits", false, "label_smoothing", 0)));
        assertEquals("sum_over_batch_size", legacy.reduction());
    }

    @Test
    void sampleWeightsOfShapeBatchByOneAndPerTimestep() {
        // Per-timestep values (batch 2, time 3) from a loss averaging a trailing feature axis.
        Tensor yTrue = Tensor.zeros(2, 3, 1);
        Tensor yPred = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 1);
        MeanSquaredError mse = new MeanSquaredError();
        assertEquals((1 + 4 + 9 + 16 + 25 + 36) / 6.0, mse.compute(yTrue, yPred).item(), 1e-5);
        // (batch, 1) weights broadcast over time; (batch, time) weights weight each step.
        Tensor swB = Tensor.of(new float[] {1, 0}, 2, 1);
        assertEquals((1 + 4 + 9) / 6.0, mse.compute(yTrue, yPred, swB).item(), 1e-5);
        Tensor swT = Tensor.of(new float[] {1, 0, 0, 0, 0, 2}, 2, 3);
        assertEquals((1 + 72) / 6.0, mse.compute(yTrue, yPred, swT).item(), 1e-5);
        assertEquals((1 + 72) / 3.0, new MeanSquaredError().reduction("mean_with_sample_weight").compute(yTrue, yPred, swT).item(), 1e-5);
        // A (batch,) weight with (batch, 1) per-sample values is expanded.
        Tensor v = Loss.reduceWeightedValues(Tensor.of(new float[] {2, 4}, 2, 1), Tensor.vector(1, 3), null, "none");
        assertEquals(14f, v.sum().item(), 1e-6);
    }

    @Test
    void masksWeightValidEntriesAndZeroDivisionGivesZero() {
        Tensor values = Tensor.vector(1, 2, 3, 4);
        Tensor mask = Tensor.vector(1, 0, 1, 0);
        assertEquals(2f, Loss.reduceWeightedValues(values, null, mask, "sum_over_batch_size").item(), 1e-6);
        assertEquals(4f, Loss.reduceWeightedValues(values, null, mask, "sum").item(), 1e-6);
        assertEquals(2f, Loss.reduceWeightedValues(values, null, mask, "mean_with_sample_weight").item(), 1e-6);
        assertEquals(0f, Loss.reduceWeightedValues(values, null, Tensor.zeros(4), "sum_over_batch_size").item());
        assertEquals(0f, Loss.reduceWeightedValues(values, Tensor.zeros(4), null, "mean_with_sample_weight").item());
        MeanAbsoluteError mae = new MeanAbsoluteError();
        Tensor yTrue = Tensor.zeros(4, 1), yPred = Tensor.of(new float[] {1, 2, 3, 4}, 4, 1);
        assertEquals(2f, mae.compute(yTrue, yPred, null, mask).item(), 1e-6);
        assertEquals(3.5f, mae.compute(yTrue, yPred, Tensor.vector(1, 1, 2, 1), mask).item(), 1e-6);
    }

    @Test
    void emptyAndScalarValuesAreNotReduced() {
        assertEquals(0, Loss.reduceWeightedValues(Tensor.zeros(0), null, null, "sum_over_batch_size").size());
        assertEquals(3f, Loss.reduceWeightedValues(Tensor.scalar(3f), null, null, "sum").item());
    }
}
