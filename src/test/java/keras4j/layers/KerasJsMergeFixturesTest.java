package keras4j.layers;

import static keras4j.testing.KerasJsFixtures.assertCaseIds;
import static keras4j.testing.KerasJsFixtures.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces the Keras.js merge cases (Keras 2.1 outputs, MIT-licensed data in
 * {@code keras-fixtures/kerasjs/layers/merge}): {@code Input(6) -> N parallel Dense(2) -> [RepeatVector(3)] -> merge},
 * batch of one, rebuilt here with ops (Dense = {@code x W + b}, RepeatVector = broadcast on a new axis 1).
 */
class KerasJsMergeFixturesTest {
    static final String DIR = KerasJsFixtures.ROOT + "layers/merge/";
    static final List<String> FILES = List.of("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot");

    /** The layer of each case and whether each branch is repeated 3 times (from MANIFEST.md). */
    record Setup(Supplier<Layer> layer, boolean repeat) {}

    static final Map<String, Setup> SETUPS = new LinkedHashMap<>();

    static {
        for (String n : List.of("0", "1")) {
            SETUPS.put("merge.Add." + n, new Setup(Add::new, false));
            SETUPS.put("merge.Average." + n, new Setup(Average::new, false));
            SETUPS.put("merge.Maximum." + n, new Setup(Maximum::new, false));
            SETUPS.put("merge.Minimum." + n, new Setup(Minimum::new, false));
            SETUPS.put("merge.Multiply." + n, new Setup(Multiply::new, false));
        }
        SETUPS.put("merge.Subtract.0", new Setup(Subtract::new, false));
        SETUPS.put("merge.Concatenate.0", new Setup(() -> new Concatenate(-1), false));
        SETUPS.put("merge.Concatenate.1", new Setup(() -> new Concatenate(-1), true));
        SETUPS.put("merge.Concatenate.3", new Setup(() -> new Concatenate(1), true));
        SETUPS.put("merge.Concatenate.4", new Setup(() -> new Concatenate(2), true));
        SETUPS.put("merge.Concatenate.6", new Setup(() -> new Concatenate(-1), true));
        SETUPS.put("merge.Dot.0", new Setup(() -> new Dot(1), true));
        SETUPS.put("merge.Dot.1", new Setup(() -> new Dot(2), true));
        SETUPS.put("merge.Dot.3", new Setup(() -> new Dot(2).normalize(true), true));
        SETUPS.put("merge.Dot.4", new Setup(() -> new Dot(2, 2).normalize(true), true));
    }

    static Stream<Case> cases() {
        return KerasJsFixtures.cases(DIR, FILES).stream();
    }

    @Test
    void everyCaseOfEveryFileHasASetup() {
        assertCaseIds(SETUPS.keySet(), 20, cases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesKerasOutput(Case c) {
        Setup setup = SETUPS.get(c.id());
        assertNotNull(setup, "no setup for " + c.id());
        Tensor x = c.input();
        List<Tensor> weights = c.weights();
        List<Tensor> branches = new ArrayList<>();
        for (int i = 0; i < weights.size(); i += 2) {
            Tensor dense = Ops.add(Ops.matmul(x, weights.get(i)), weights.get(i + 1));
            if (setup.repeat()) {
                int units = dense.dim(1);
                dense = Ops.broadcastTo(Ops.expandDims(dense, 1), 1, 3, units);
            }
            branches.add(dense);
        }
        Layer layer = setup.layer().get();
        Tensor out = layer.apply(branches, false).get(0);
        Tensor expected = c.expected();
        assertArrayEquals(expected.shape(), out.shape(), c.id() + " shape");
        List<int[]> shapes = new ArrayList<>();
        for (Tensor b : branches) shapes.add(b.shape());
        assertArrayEquals(expected.shape(), layer.computeOutputShapes(shapes).get(0), c.id() + " computed shape");
        assertElementsClose(expected, out, 1e-4, c.id());
    }
}
