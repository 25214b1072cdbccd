package keras4j.models;

import static keras4j.testing.KerasJsFixtures.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Conv2D;
import keras4j.layers.Input;
import keras4j.layers.Add;
import keras4j.layers.Average;
import keras4j.layers.Concatenate;
import keras4j.layers.Maximum;
import keras4j.layers.Permute;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import keras4j.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces the Keras.js multi-input graph cases (Keras 2.1 outputs, MIT-licensed data in
 * {@code keras-fixtures/kerasjs/graph}, architectures from keras-js {@code notebooks/graph/graph_NN.ipynb}, described in
 * that directory's README.md): each architecture is rebuilt with the functional API, given the stored weights and
 * inputs, and must predict Keras's output within 1e-4; it must also survive a config round trip unchanged.
 */
class KerasJsGraphTest {
    static final String DIR = KerasJsFixtures.ROOT + "graph/";
    static final List<String> FILES = List.of("00", "01", "02", "04", "05", "06");
    static final double TOL = 1e-4;

    /**
     * A rebuilt model; {@code weightOrder} is null when the fixture's weights are in keras4j's {@code model.getWeights()}
     * order, otherwise the layers (in the fixture's order) whose weights are assigned one layer at a time.
     */
    record Built(Model model, List<Layer> weightOrder) {}

    /** Builds a case's model from its fresh symbolic inputs. */
    static final Map<String, Function<List<KerasTensor>, Built>> ARCHITECTURES = new LinkedHashMap<>();

    static Conv2D conv(int filters, int k, String padding) {
        return new Conv2D(filters, k, k).padding(padding).strides(1, 1).activation("relu").useBias(true);
    }

    /** graph_01/02/04/05: two Input(8,8,2) -> Conv2D(4, 3x3, relu, valid) each, then the merge layer. */
    static Function<List<KerasTensor>, Built> twoConvBranches(Function<List<KerasTensor>, KerasTensor> merge) {
        return in -> {
            KerasTensor b0 = conv(4, 3, "valid").apply(in.get(0));
            KerasTensor b1 = conv(4, 3, "valid").apply(in.get(1));
            return new Built(new Model(in, List.of(merge.apply(List.of(b0, b1)))), null);
        };
    }

    static {
        ARCHITECTURES.put("graph_00", in -> {
            KerasTensor b0 = new Permute(1, 3, 2).apply(in.get(0));
            KerasTensor b1 = new Permute(2, 3, 1).apply(in.get(1));
            return new Built(new Model(in, List.of(new Concatenate().apply(b0, b1))), null);
        });
        ARCHITECTURES.put("graph_01", twoConvBranches(b -> new Add().apply(b.get(0), b.get(1))));
        ARCHITECTURES.put("graph_02", twoConvBranches(b -> new Average().apply(b.get(0), b.get(1))));
        ARCHITECTURES.put("graph_04", twoConvBranches(b -> new Maximum().apply(b.get(0), b.get(1))));
        ARCHITECTURES.put("graph_05", twoConvBranches(b -> new Concatenate().apply(b.get(0), b.get(1))));
        ARCHITECTURES.put("graph_06", in -> {
            Conv2D c00 = conv(4, 3, "same").name("conv_0_0");
            Conv2D c10 = conv(2, 1, "valid").name("conv_1_0");
            Conv2D c11 = conv(4, 3, "same").name("conv_1_1");
            Conv2D c12 = conv(2, 1, "valid").name("conv_1_2");
            Conv2D c20 = conv(5, 3, "same").name("conv_2_0");
            Conv2D c21 = conv(3, 3, "same").name("conv_2_1");
            KerasTensor b0 = c00.apply(in.get(0));
            KerasTensor b1 = c12.apply(c11.apply(c10.apply(in.get(1))));
            KerasTensor b2 = c21.apply(c20.apply(in.get(2)));
            Model model = new Model(in, List.of(new Concatenate().apply(b0, b1, b2)));
            // The fixture's weights follow Keras 2.1's model.layers order, printed by the notebook:
            // input_2, conv_1_0, input_3, input_1, conv_1_1, conv_2_0, conv_0_0, conv_1_2, conv_2_1, concatenate_1.
            return new Built(model, List.of(c10, c11, c20, c00, c12, c21));
        });
    }

    @BeforeEach
    void freshSession() {
        Names.clearSession();
    }

    static Stream<Case> cases() {
        return KerasJsFixtures.cases(DIR, FILES).stream();
    }

    static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        assertElementsClose(expected, actual, TOL, what);
    }

    @Test
    void everyCaseHasAnArchitecture() {
        assertEquals(List.copyOf(ARCHITECTURES.keySet()), cases().map(Case::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void reproducesKerasOutputAndSurvivesAConfigRoundTrip(Case c) {
        List<Object> inputsJson = (List<Object>) c.data().get("inputs");
        List<KerasTensor> symbolic = new ArrayList<>();
        List<Tensor> xs = new ArrayList<>();
        for (Object in : inputsJson) {
            symbolic.add(Input.of(KerasJsFixtures.shape(in, false)));
            xs.add(KerasJsFixtures.tensor(in, true));
        }
        Built built = ARCHITECTURES.get(c.id()).apply(symbolic);
        Model model = built.model();

        List<Tensor> weights = c.weights();
        if (built.weightOrder() == null) {
            List<Tensor> current = model.getWeights();
            assertEquals(weights.size(), current.size(), c.id() + " weight count");
            for (int i = 0; i < weights.size(); i++) {
                assertArrayEquals(weights.get(i).shape(), current.get(i).shape(), c.id() + " weight " + i + " shape");
            }
            model.setWeights(weights);
        } else {
            int next = 0;
            for (Layer layer : built.weightOrder()) {
                int n = layer.getWeights().size();
                layer.setWeights(weights.subList(next, next + n));
                next += n;
            }
            assertEquals(weights.size(), next, c.id() + " every stored weight is assigned");
            assertEquals(weights.size(), model.getWeights().size(), c.id() + " weight count");
        }

        Tensor expected = c.expected();
        int[] symbolicShape = model.outputShapes().get(0).toArray().clone();
        assertEquals(-1, symbolicShape[0], c.id() + " symbolic batch axis");
        symbolicShape[0] = 1;
        assertArrayEquals(expected.shape(), symbolicShape, c.id() + " symbolic output shape");
        List<Tensor> out = model.predict(xs, 32, 0);
        assertEquals(1, out.size());
        assertClose(expected, out.get(0), c.id());

        Model copy = Models.fromConfig(model.serialize());
        assertEquals(model.getConfig(), copy.getConfig(), c.id() + " config survives the round trip");
        copy.setWeights(model.getWeights());
        List<Tensor> again = copy.predict(xs, 32, 0);
        assertEquals(1, again.size());
        assertTrue(out.get(0).allClose(again.get(0), 0, 0), c.id() + " the rebuilt model predicts identically");
    }
}
