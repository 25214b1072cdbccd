package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.callbacks.History;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.InputLayer;
import keras4j.layers.Add;
import keras4j.layers.Concatenate;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionalTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(3);
    }

    @Test
    void aSimpleGraphListsItsLayersIncludingTheInput() {
        KerasTensor in = Input.of(784);
        KerasTensor h = new Dense(64).activation("relu").apply(in);
        KerasTensor out = new Dense(10).activation("softmax").apply(h);
        Model model = new Model(in, out);
        assertEquals("functional", model.name());
        assertEquals(List.of("input_layer", "dense", "dense_1"), model.layers().stream().map(Layer::name).toList());
        assertTrue(model.layers().get(0) instanceof InputLayer);
        assertArrayEquals(new int[] {-1, 10}, model.outputShapes().get(0).toArray());
        assertEquals(784 * 64 + 64 + 650, model.countParams());
        assertArrayEquals(new int[] {3, 10}, model.predict(Tensor.zeros(3, 784)).shape());
    }

    @Test
    void twoInputsSharedLayerAndNodeIndices() {
        KerasTensor a = Input.of("a", 4), b = Input.of("b", 4);
        Dense shared = new Dense(3).name("shared");
        KerasTensor ha = shared.apply(a), hb = shared.apply(b);
        assertEquals(0, ha.nodeIndex());
        assertEquals(1, hb.nodeIndex());
        KerasTensor merged = new Concatenate().apply(ha, hb);
        KerasTensor out = new Dense(1).apply(merged);
        Model model = new Model(List.of(a, b), List.of(out), "two_tower");
        assertEquals(List.of("a", "b"), model.inputNames());
        assertEquals(15 + 7, model.countParams(), "the shared layer's weights count once");
        Tensor xa = Tensor.randomNormal(1, 0, 1, 5, 4), xb = Tensor.randomNormal(2, 0, 1, 5, 4);
        Tensor y = model.predict(List.of(xa, xb), 32, 0).get(0);
        assertArrayEquals(new int[] {5, 1}, y.shape());
        // Swapping the towers' inputs changes the result unless the shared weights are used for both.
        Tensor left = shared.apply(xa), right = shared.apply(xb);
        Layer head = model.getLayer("dense");
        assertTrue(y.allClose(head.apply(Tensor.concat(1, left, right)), 1e-6f, 1e-5f));
    }

    @Test
    void sharedWeightsStayIdenticalWhileTraining() {
        KerasTensor a = Input.of(4), b = Input.of(4);
        Dense shared = new Dense(3);
        KerasTensor out = new Dense(1).apply(new Add().apply(shared.apply(a), shared.apply(b)));
        Model model = new Model(List.of(a, b), out);
        model.compile("adam", "mse");
        Tensor before = shared.getWeights().get(0);
        model.fit(List.of(Tensor.randomNormal(4, 0, 1, 32, 4), Tensor.randomNormal(5, 0, 1, 32, 4)), List.of(Tensor.ones(32, 1)),
                new FitOptions().epochs(3).verbose(0));
        assertEquals(2, shared.weights().size());
        assertTrue(!shared.getWeights().get(0).allClose(before, 0, 0), "the shared kernel was trained");
        assertEquals(4, model.trainableWeights().size(), "shared kernel and bias, head kernel and bias");
    }

    @Test
    void nestedModelsAndFeatureExtraction() {
        KerasTensor in = Input.of(6);
        Dense d1 = new Dense(5).activation("relu");
        KerasTensor h = d1.apply(in);
        Model inner = new Model(in, new Dense(2).apply(h), "inner");
        Model features = new Model(in, d1.output(), "features");
        assertArrayEquals(new int[] {-1, 5}, features.outputShapes().get(0).toArray());
        assertSame(d1, features.getLayer(d1.name()));

        KerasTensor outerIn = Input.of(6);
        KerasTensor z = inner.apply(outerIn);
        Model outer = new Model(outerIn, new Dense(1).apply(z), "outer");
        assertEquals(inner.countParams() + 3, outer.countParams());
        Sequential seq = new Sequential(inner, new Dense(1));
        Tensor x = Tensor.randomNormal(7, 0, 1, 4, 6);
        assertArrayEquals(new int[] {4, 1}, outer.predict(x).shape());
        assertArrayEquals(new int[] {4, 1}, seq.predict(x).shape());
    }

    @Test
    void unnamedInputsAreNamedInCreationOrder() {
        KerasTensor p = Input.of(2), q = Input.of(2);
        KerasTensor deeper = new Dense(2).apply(new Dense(2).apply(q));
        Model model = new Model(List.of(p, q), List.of(new Add().apply(new Dense(2).apply(p), deeper)));
        assertEquals(List.of("input_layer", "input_layer_1"), model.inputNames());
    }

    @Test
    void validationErrorsNameTheCulprit() {
        KerasTensor a = Input.of(3), b = Input.of(3);
        KerasTensor sum = new Add().apply(a, b);
        IllegalArgumentException disconnected = assertThrows(IllegalArgumentException.class, () -> new Model(a, sum));
        assertTrue(disconnected.getMessage().startsWith("Graph disconnected"), disconnected.getMessage());
        KerasTensor h = new Dense(2).apply(a);
        IllegalArgumentException notInput = assertThrows(IllegalArgumentException.class, () -> new Model(h, new Dense(1).apply(h)));
        assertTrue(notInput.getMessage().contains("Input") && notInput.getMessage().contains("dense"), notInput.getMessage());
        KerasTensor d1 = new Dense(2).name("same").apply(a);
        KerasTensor d2 = new Dense(2).name("same").apply(d1);
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> new Model(a, d2));
        assertTrue(dup.getMessage().contains("\"same\" is used 2 times"), dup.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> new Concatenate(0).apply(Input.of(2, 3), Input.of(2, 4)));
        assertTrue(shape.getMessage().contains("concatenate"), shape.getMessage());
    }

    @Test
    void configRoundTripWithSharedLayersGivesIdenticalPredictions() {
        KerasTensor a = Input.of(4), b = Input.of(4);
        Dense shared = new Dense(3).activation("tanh");
        KerasTensor out = new Dense(2).apply(new Concatenate().apply(shared.apply(a), shared.apply(b)));
        Model model = new Model(List.of(a, b), List.of(out));
        Map<String, Object> config = model.getConfig();
        assertEquals(List.of(List.of("input_layer", 0, 0), List.of("input_layer_1", 0, 0)), config.get("input_layers"));
        Model copy = (Model) keras4j.layers.Layers.deserialize(model.serialize());
        assertEquals(config, copy.getConfig());
        copy.setWeights(model.getWeights());
        List<Tensor> xs = List.of(Tensor.randomNormal(1, 0, 1, 3, 4), Tensor.randomNormal(2, 0, 1, 3, 4));
        assertTrue(model.predict(xs, 32, 0).get(0).allClose(copy.predict(xs, 32, 0).get(0), 0, 0));
        // A single-input, single-output model stores one triple, not a list of them.
        KerasTensor in = Input.of(2);
        Model single = new Model(in, new Dense(1).apply(in));
        assertEquals(List.of("input_layer_2", 0, 0), single.getConfig().get("input_layers"));
    }

    @Test
    void multipleOutputsTrainWithPerOutputLossesAndNames() {
        KerasTensor in = Input.of(3);
        KerasTensor h = new Dense(8).activation("relu").apply(in);
        KerasTensor reg = new Dense(1).name("reg").apply(h);
        KerasTensor cls = new Dense(1).activation("sigmoid").name("cls").apply(h);
        Model model = new Model(List.of(in), List.of(reg, cls));
        model.compile(new CompileOptions().optimizer("adam").losses("mse", "binary_crossentropy").lossWeights(1.0, 0.5).metrics("mae"));
        Tensor x = Tensor.randomNormal(3, 0, 1, 64, 3);
        Tensor y1 = x.sum(false, 1).reshape(64, 1), y2 = y1.gt(0f);
        History h1 = model.fit(Map.of(model.inputNames().get(0), x), Map.of("reg", y1, "cls", y2), new FitOptions().epochs(2).verbose(0));
        assertEquals(List.of("cls_loss", "cls_mae", "loss", "reg_loss", "reg_mae"), List.copyOf(h1.history().keySet()));
        double total = h1.history().get("loss").get(1);
        double parts = h1.history().get("reg_loss").get(1) + 0.5 * h1.history().get("cls_loss").get(1);
        assertEquals(parts, total, 1e-4 * Math.max(1, total));
    }
}
