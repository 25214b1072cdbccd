package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Layer outputs computed by Keras 2 (Keras.js test data, MIT; see {@code keras-fixtures/kerasjs/layers/README.md}):
 * the stored weights are set with {@code setWeights} and every case must match within 1e-4 (the stored numbers are
 * rounded to 6 decimals).
 */
class KerasJsLayersTest {
    private static final String DIR = KerasJsFixtures.ROOT + "layers/";
    private static final List<String> FILES = List.of("core/Dense", "core/Activation", "core/Dropout", "core/Flatten",
            "core/Reshape", "core/Permute", "core/RepeatVector", "advanced_activations");

    /** The layers of each case, in order; the first one receives the case's weights. */
    private static List<Layer> layers(String id) {
        return switch (id) {
            case "core.Dense.0", "core.Dense.3" -> List.of(new Dense(2));
            case "core.Dense.1", "core.Dense.4" -> List.of(new Dense(2).activation("sigmoid"));
            case "core.Activation.0" -> List.of(new Dense(2), new Activation("softmax"));
            case "core.Activation.1" -> List.of(new Dense(2), new Activation("elu"));
            case "core.Activation.3" -> List.of(new Dense(2), new Activation("softplus"));
            case "core.Activation.4" -> List.of(new Dense(2), new Activation("softsign"));
            case "core.Activation.6" -> List.of(new Dense(2), new Activation("tanh"));
            case "core.Activation.7" -> List.of(new Dense(2), new Activation("sigmoid"));
            case "core.Activation.9" -> List.of(new Dense(2), new Activation("linear"));
            case "core.Dropout.0" -> List.of(new Dense(2), new Dropout(0.5));
            case "core.Flatten.0", "core.Flatten.1" -> List.of(new Flatten());
            case "core.Permute.0" -> List.of(new Permute(2, 1));
            case "core.Permute.1" -> List.of(new Permute(3, 2, 1));
            case "core.Permute.3" -> List.of(new Permute(3, 1, 2, 4));
            case "core.RepeatVector.0" -> List.of(new RepeatVector(7));
            case "core.Reshape.0" -> List.of(new Reshape(2, 3));
            case "core.Reshape.1" -> List.of(new Reshape(6));
            case "advanced_activations.LeakyReLU.0" -> List.of(new LeakyReLU(0.4));
            case "advanced_activations.PReLU.0" -> List.of(new PReLU());
            case "advanced_activations.ELU.0" -> List.of(new ELU(1.1));
            case "advanced_activations.ThresholdedReLU.0" -> List.of(new ThresholdedReLU(0.9));
            default -> throw new AssertionError("no configuration for fixture case " + id);
        };
    }

    private static void runCase(Case c) {
        String id = c.id();
        Tensor x = c.input();
        Tensor expected = c.expected();
        List<Layer> layers = layers(id);
        Tensor y = x;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (i == 0 && c.data().get("weights") != null) {
                layer.ensureBuilt(List.of(y.shape()));
                layer.setWeights(c.weights());
            }
            y = layer.apply(y);
        }
        assertArrayEquals(expected.shape(), y.shape(), id + ": shape");
        assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-4f, id);
    }

    @TestFactory
    Stream<DynamicTest> everyStoredCaseMatchesKeras() {
        return KerasJsFixtures.cases(DIR, FILES).stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> runCase(c)));
    }

    @Test
    void theFixturesHoldTwentyFourCases() {
        assertEquals(24, KerasJsFixtures.cases(DIR, FILES).size());
    }
}
