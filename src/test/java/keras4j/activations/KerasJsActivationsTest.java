package keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import org.junit.jupiter.api.Test;

/**
 * Outputs computed by Keras 2 (Keras.js test data, MIT, see {@code keras-fixtures/LICENSES}) for
 * {@code keras.activations.*} on a batch of one. Keras 2 defines {@code hard_sigmoid} as
 * {@code clip(0.2x + 0.5, 0, 1)}; the cases' extra arguments are listed in the fixtures' MANIFEST.md.
 */
class KerasJsActivationsTest {

    /** The function of each case, from its name {@code activations.<name>.<index>}. */
    private static UnaryOperator<Tensor> function(String key) {
        return switch (key) {
            case "activations.elu.3" -> x -> Activations.elu(x, 0.5f);
            case "activations.relu.3" -> x -> Activations.relu(x, 0f, 0.5f, 0f);
            default -> {
                String name = key.split("\\.")[1];
                yield Activations.get(name, true);
            }
        };
    }

    @Test
    void everyCaseMatchesKeras() {
        List<Case> cases = KerasJsFixtures.cases(KerasJsFixtures.ROOT, List.of("activations"));
        assertEquals(22, cases.size());
        for (Case c : cases) {
            Tensor x = c.input();
            Tensor expected = c.expected();
            Tensor y = function(c.id()).apply(x);
            assertArrayEquals(expected.shape(), y.shape(), c.id());
            assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-4f, c.id());
        }
    }
}
