package keras4j.layers;

import static keras4j.testing.KerasJsFixtures.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import keras4j.testing.GradientChecker;
import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BatchNormalization: the Keras.js cases (Keras 2.1 inference outputs, MIT data; configurations from MANIFEST.md),
 * training vs inference and the moving-statistics update computed by hand, gradients, masks, configs.
 */
class BatchNormalizationTest {
    static final String DIR = KerasJsFixtures.ROOT + "layers/normalization/";

    static Stream<Case> cases() {
        return KerasJsFixtures.cases(DIR, List.of("BatchNormalization")).stream();
    }

    static BatchNormalization setup(String id) {
        return switch (id) {
            case "normalization.BatchNormalization.0" -> new BatchNormalization().epsilon(1e-5).axis(-1);
            case "normalization.BatchNormalization.1" -> new BatchNormalization().epsilon(1e-2).axis(-1);
            case "normalization.BatchNormalization.3" -> new BatchNormalization().epsilon(1e-5).axis(2);
            case "normalization.BatchNormalization.4" -> new BatchNormalization().epsilon(1e-5).axis(3).scale(false);
            case "normalization.BatchNormalization.6" -> new BatchNormalization().epsilon(1e-3).axis(-1).center(false).scale(false);
            default -> throw new AssertionError("no setup for " + id);
        };
    }

    @Test
    void fiveCases() {
        assertEquals(5, cases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesKerasInference(Case c) {
        Tensor x = c.input();
        BatchNormalization bn = setup(c.id());
        bn.ensureBuilt(List.of(x.shape()));
        bn.setWeights(c.weights());
        Tensor out = bn.apply(x, false);
        Tensor expected = c.expected();
        assertArrayEquals(expected.shape(), out.shape());
        assertElementsClose(expected, out, 1e-4, c.id());
    }

    @Test
    void trainingUsesBatchStatisticsAndUpdatesMovingStatistics() {
        // Feature 0: values 1, 3 → mean 2, biased variance 1. Feature 1: 2, 6 → mean 4, variance 4.
        Tensor x = Tensor.of(new float[] {1, 2, 3, 6}, 2, 2);
        BatchNormalization bn = new BatchNormalization().momentum(0.9).epsilon(0.0001);
        bn.ensureBuilt(List.of(x.shape()));
        bn.setWeights(List.of(Tensor.of(new float[] {2, 0.5f}, 2), Tensor.of(new float[] {1, -1}, 2),
                Tensor.of(new float[] {0.5f, 1}, 2), Tensor.of(new float[] {4, 9}, 2)));
        Tensor y = bn.apply(x, true);
        double s0 = Math.sqrt(1 + 0.0001), s1 = Math.sqrt(4 + 0.0001);
        float[] expected = {(float) (2 * (1 - 2) / s0 + 1), (float) (0.5 * (2 - 4) / s1 - 1), (float) (2 * (3 - 2) / s0 + 1), (float) (0.5 * (6 - 4) / s1 - 1)};
        assertArrayEquals(expected, Internal.array(y), 1e-5f);
        // moving = moving·0.9 + stat·0.1
        assertArrayEquals(new float[] {0.5f * 0.9f + 2 * 0.1f, 1 * 0.9f + 4 * 0.1f}, Internal.array(bn.movingMean()), 1e-6f);
        assertArrayEquals(new float[] {4 * 0.9f + 1 * 0.1f, 9 * 0.9f + 4 * 0.1f}, Internal.array(bn.movingVariance()), 1e-6f);
        // Inference uses the (updated) moving statistics and changes nothing.
        float mm0 = Internal.array(bn.movingMean())[0], mv0 = Internal.array(bn.movingVariance())[0];
        Tensor inf = bn.apply(x, false);
        assertEquals((float) (2 * (1 - mm0) / Math.sqrt(mv0 + 0.0001) + 1), Internal.array(inf)[0], 1e-5f);
        assertEquals(mm0, Internal.array(bn.movingMean())[0]);
        // A frozen layer runs in inference mode even when training.
        bn.trainable(false);
        assertArrayEquals(Internal.array(inf), Internal.array(bn.apply(x, true)), 1e-6f);
        assertEquals(mm0, Internal.array(bn.movingMean())[0]);
    }

    @Test
    void defaultsAndWeights() {
        BatchNormalization bn = new BatchNormalization();
        bn.ensureBuilt(List.of(new int[] {-1, 5, 3}));
        List<Variable> w = bn.weights();
        assertEquals(List.of("gamma", "beta", "moving_mean", "moving_variance"), w.stream().map(Variable::name).toList());
        assertEquals(2, bn.trainableWeights().size());
        assertEquals(List.of("moving_mean", "moving_variance"), bn.nonTrainableWeights().stream().map(Variable::name).toList());
        assertArrayEquals(new float[] {1, 1, 1}, Internal.array(w.get(0).peek()));
        assertArrayEquals(new float[] {1, 1, 1}, Internal.array(w.get(3).peek()));
        assertEquals(0.99, bn.momentum());
        assertEquals(1e-3, bn.epsilon());
        BatchNormalization none = new BatchNormalization().center(false).scale(false).axis(1);
        none.ensureBuilt(List.of(new int[] {-1, 4, 7}));
        assertEquals(List.of("moving_mean", "moving_variance"), none.weights().stream().map(Variable::name).toList());
        assertArrayEquals(new int[] {4}, none.weights().get(0).shape());
        assertArrayEquals(new int[] {-1, 4, 7}, none.computeOutputShape(new int[] {-1, 4, 7}));
    }

    @Test
    void gradientsInTrainingAndInference() {
        Tensor x = Tensor.randomUniform(1, -1f, 1f, 4, 3, 2);
        BatchNormalization train = new BatchNormalization().axis(1).momentum(0);
        train.ensureBuilt(List.of(x.shape()));
        train.setWeights(List.of(Tensor.of(new float[] {1.5f, 0.5f, -1}, 3), Tensor.of(new float[] {0.1f, 0.2f, 0.3f}, 3), Tensor.zeros(3), Tensor.ones(3)));
        Variable gamma = train.weights().get(0), beta = train.weights().get(1);
        // The variables' own tensors are checker inputs, so nudging them changes the layer's weights.
        GradientChecker.assertGradients(t -> train.apply(t[0], true), 2e-2, x, gamma.peek(), beta.peek());
        BatchNormalization inf = new BatchNormalization();
        inf.ensureBuilt(List.of(x.shape()));
        inf.setWeights(List.of(Tensor.of(new float[] {2, 3}, 2), Tensor.of(new float[] {1, 1}, 2), Tensor.of(new float[] {0.3f, -0.2f}, 2), Tensor.of(new float[] {2, 0.5f}, 2)));
        GradientChecker.assertGradients(t -> inf.apply(t[0], false), 1e-2, x);
    }

    @Test
    void maskWeightsTheBatchStatistics() {
        Tensor x = Tensor.of(new float[] {1, 100, 3, -50}, 1, 4, 1);
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 0}, 1, 4);
        BatchNormalization bn = new BatchNormalization().momentum(0).epsilon(1e-3);
        bn.invoke(List.of(x), List.of(mask), true);
        assertEquals(2f, Internal.array(bn.movingMean())[0], 1e-5f);
        assertEquals(1f, Internal.array(bn.movingVariance())[0], 1e-5f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.invoke(List.of(x), List.of(Tensor.ones(1, 4, 1)), true));
        assertTrue(e.getMessage().contains("one dimension less"), e.getMessage());
    }

    @Test
    void configRoundTripAndKeras2() {
        BatchNormalization bn = new BatchNormalization().axis(1).momentum(0.9).epsilon(1e-5).center(false).gammaRegularizer("l2").betaConstraint("non_neg").name("bn");
        Map<String, Object> c = bn.getConfig();
        assertEquals(List.of("name", "trainable", "dtype", "axis", "momentum", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
                "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint", "synchronized"),
                List.copyOf(c.keySet()));
        Layer copy = Layers.fromConfig("BatchNormalization", Json.readObject(Json.write(c)));
        assertEquals(Json.write(c), Json.write(copy.getConfig()));
        BatchNormalization k2 = BatchNormalization.fromConfig(Json.readObject("{\"name\": \"batch_normalization_1\", \"trainable\": true, \"axis\": [3], \"momentum\": 0.99, "
                + "\"epsilon\": 0.001, \"center\": true, \"scale\": true, \"beta_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, "
                + "\"gamma_initializer\": {\"class_name\": \"Ones\", \"config\": {}}, \"moving_mean_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, "
                + "\"moving_variance_initializer\": {\"class_name\": \"Ones\", \"config\": {}}, \"beta_regularizer\": null, \"gamma_regularizer\": null, "
                + "\"beta_constraint\": null, \"gamma_constraint\": null}"));
        assertEquals(3, k2.axis());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().axis(3).name("bn_x").apply(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("bn_x") && e.getMessage().contains("axis=3"), e.getMessage());
    }
}
