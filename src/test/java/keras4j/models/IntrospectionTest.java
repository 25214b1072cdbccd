package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.layers.Concatenate;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.InputLayer;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Reshape;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keras's {@code model.inputs/outputs/input/output}, {@code layer.output}, shapes as values, and names. */
class IntrospectionTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(11);
    }

    /** {@code act(x @ kernel + bias)} computed element by element from the layer's weights. */
    private static float[][] dense(float[][] x, Dense layer, boolean relu) {
        Tensor kernel = layer.getWeights().get(0), bias = layer.getWeights().get(1);
        int in = kernel.dim(0), out = kernel.dim(1);
        float[][] y = new float[x.length][out];
        for (int n = 0; n < x.length; n++) {
            for (int j = 0; j < out; j++) {
                double s = bias.get(j);
                for (int i = 0; i < in; i++) s += (double) x[n][i] * kernel.get(i, j);
                y[n][j] = relu ? (float) Math.max(0, s) : (float) s;
            }
        }
        return y;
    }

    private static void assertRowsClose(float[][] expected, Tensor actual) {
        assertEquals(expected.length, actual.dim(0));
        for (int n = 0; n < expected.length; n++) {
            for (int j = 0; j < expected[n].length; j++) assertEquals(expected[n][j], actual.get(n, j), 1e-5f, "row " + n + ", column " + j);
        }
    }

    @Test
    void aBuiltSequentialHasKerasInputsOutputsAndFeatureExtraction() {
        Sequential seq = new Sequential();
        seq.add(Input.of(3));
        seq.add(new Dense(4).activation("relu"));
        seq.add(new Dense(2));
        // Keras: model.inputs, model.outputs, model.input, model.output
        assertEquals(1, seq.inputs().size());
        assertSame(seq.inputs().get(0), seq.input());
        assertSame(seq.inputLayer().output(), seq.input());
        assertSame(seq.outputs().get(0), seq.output());
        assertSame(seq.getLayer("dense_1"), seq.output().layer());
        assertEquals("(None, 3)", seq.inputShape().toString());
        assertEquals("(None, 2)", seq.outputShape().toString());
        assertEquals("[(None, 2)]", seq.outputShapes().toString());

        // Keras: Model(seq.inputs, seq.get_layer("dense").output)
        Model features = new Model(seq.inputs(), seq.getLayer("dense").output());
        assertEquals("(None, 4)", features.outputShape().toString());
        assertEquals("(None, 4)", seq.getLayer("dense").outputShape().toString());
        assertEquals("(None, 3)", seq.getLayer("dense").inputShape().toString());

        float[][] x = {{0.5f, -1f, 2f}, {1.5f, 0.25f, -0.75f}, {-2f, 1f, 0f}};
        Tensor xs = Tensor.of(x);
        float[][] hidden = dense(x, (Dense) seq.getLayer("dense"), true);
        assertRowsClose(hidden, features.predict(xs));
        // The whole model is the truncated pass followed by the last layer.
        assertRowsClose(dense(hidden, (Dense) seq.getLayer("dense_1"), false), seq.predict(xs));
        // The feature model shares the weights: training the Sequential moves the features too.
        assertTrue(features.weights().containsAll(seq.getLayer("dense").weights()));
    }

    @Test
    void aFeatureModelOverLayersCalledManyTimesSavesItsOwnCalls() throws java.io.IOException {
        // Each add() calls every layer again (as Keras's rebuild does), so the layers have several calls;
        // the feature model's config must name the calls it uses, relative to its own nodes.
        Sequential seq = new Sequential();
        seq.add(Input.of(3));
        seq.add(new Dense(4).activation("relu"));
        seq.add(new Dense(4).activation("relu"));
        seq.add(new Dense(2));
        assertEquals(3, seq.getLayer("dense").inboundNodes().size());
        Model features = new Model(seq.inputs(), seq.getLayer("dense_1").output(), "features");
        Tensor x = Tensor.randomNormal(5, 0, 1, 6, 3);
        Model copy = (Model) keras4j.layers.Layers.deserialize(features.serialize());
        copy.setWeights(features.getWeights());
        assertEquals(features.getConfig(), copy.getConfig());
        assertTrue(features.predict(x).allClose(copy.predict(x), 0, 0));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("features", ".keras");
        try {
            features.save(file);
            Model loaded = Models.load(file);
            assertTrue(features.predict(x).allClose(loaded.predict(x), 0, 0));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void featureExtractionFromAMiddleLayerOfASequentialBuiltFromItsConstructor() {
        Sequential seq = new Sequential(Input.of(2), new Dense(3).activation("relu"), new Dense(3).activation("relu").name("mid"), new Dense(1));
        Model upToMid = new Model(seq.input(), seq.getLayer("mid").output());
        assertEquals(List.of("input_layer", "dense", "mid"), upToMid.layers().stream().map(Layer::name).toList());
        float[][] x = {{1f, 2f}, {-0.5f, 0.5f}};
        float[][] expected = dense(dense(x, (Dense) seq.getLayer("dense"), true), (Dense) seq.getLayer("mid"), true);
        assertRowsClose(expected, upToMid.predict(Tensor.of(x)));
    }

    @Test
    void aSequentialWithoutInputShapeHasNoInputsUntilItIsBuilt() {
        Sequential seq = new Sequential(new Dense(2));
        IllegalStateException e = assertThrows(IllegalStateException.class, seq::inputs);
        assertTrue(e.getMessage().startsWith("Sequential model 'sequential' has no defined inputs yet."), e.getMessage());
        seq.build(new int[] {-1, 5});
        assertEquals("(None, 5)", seq.inputShape().toString());
        assertEquals("(None, 2)", seq.getLayer(0).output().shape().toString());
    }

    @Test
    void shapesAreValuesThatPrintAsKeras() {
        KerasTensor x = Input.of(3, 64);
        assertEquals("(None, 3, 64)", x.shape().toString());
        assertEquals(Shape.of(-1, 3, 64), x.shape());
        assertEquals(Shape.of(-1, 3, 64).hashCode(), x.shape().hashCode());
        assertNotEquals(Shape.of(-1, 3), x.shape());
        assertEquals(3, x.shape().rank());
        assertEquals(64, x.shape().dim(-1));
        assertEquals(-1, x.shape().dim(0));
        assertTrue(!x.shape().isKnown(0) && x.shape().isKnown(1));
        assertArrayEquals(new int[] {-1, 3, 64}, x.shape().toArray());
        assertEquals("<KerasTensor shape=(None, 3, 64), dtype=float32, name=input_layer>", x.toString());
        assertEquals("(5,)", Shape.of(5).toString());
        assertEquals("()", Shape.of().toString());
        assertEquals("(128, 10)", Shape.format(128, 10));
        assertEquals("(-1, 4)", Shape.formatInts(-1, 4));
        assertEquals("(None)", Shape.formatSummary(-1));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(-2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Shape.of(2, 3).dim(2));
    }

    @Test
    void multiOutputModelsGiveListsOfShapes() {
        KerasTensor a = Input.of("a", 4), b = Input.of("b", 6);
        KerasTensor joined = new Concatenate().apply(a, b);
        KerasTensor y1 = new Dense(2).apply(joined), y2 = new Reshape(5, 2).apply(joined);
        Model model = new Model(List.of(a, b), List.of(y1, y2));
        assertEquals("[(None, 4), (None, 6)]", model.inputShapes().toString());
        assertEquals("[(None, 2), (None, 5, 2)]", model.outputShapes().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, model::outputShape);
        assertEquals("Model 'functional' has 2 outputs; use outputShapes() for the list.", e.getMessage());
        assertThrows(IllegalStateException.class, model::input);
        assertSame(y2, model.outputs().get(1));
    }

    @Test
    void aLayerCalledTwiceAnswersItsFirstCallAsKeras3Does() {
        Dense shared = new Dense(3);
        KerasTensor first = shared.apply(Input.of(4)), second = shared.apply(Input.of(4));
        assertSame(first, shared.output());
        assertSame(second, shared.outputAt(1));
        assertSame(second.layer().inboundNodes().get(1).inputs().get(0), shared.inputAt(1));
        IllegalStateException never = assertThrows(IllegalStateException.class, () -> new Dense(1).output());
        assertEquals("The layer dense_1 has never been called and thus has no defined output.", never.getMessage());
    }

    @Test
    void layersAreNamedWhenConstructedAsInKeras() {
        Dense a = new Dense(3), b = new Dense(4);
        // Used in the other order, they keep the names of their construction order (Keras's auto_name).
        Sequential seq = new Sequential(Input.of(2), b, a);
        assertEquals("dense", a.name());
        assertEquals("dense_1", b.name());
        assertEquals(List.of("dense_1", "dense"), seq.layers().stream().map(Layer::name).toList());
        assertEquals("sequential", seq.name());
        // An explicit name right after construction does not use up an automatic one (Dense(3, name="head")).
        Dense head = new Dense(3).name("head");
        assertEquals("head", head.name());
        assertEquals("dense_2", new Dense(1).name());
        assertEquals("input_layer_1", new InputLayer(3).name());
        // Keras 3 builds a Sequential as a Functional, which draws "functional"; the next model gets functional_1.
        KerasTensor in = Input.of(2);
        assertEquals("functional_1", new Model(in, new Dense(1).apply(in)).name());
        assertEquals("sequential_1", new Sequential().name());
        Names.clearSession();   // keras.backend.clear_session()
        assertEquals("dense", new Dense(1).name());
        assertEquals("sequential", new Sequential().name());
    }

    @Test
    void layerRowsAreTheOneWalkTheSummaryReads() {
        KerasTensor a = Input.of("a", 4), b = Input.of("b", 4);
        Dense shared = new Dense(3).name("shared");
        KerasTensor merged = new Concatenate().apply(shared.apply(a), shared.apply(b));
        Model model = new Model(List.of(a, b), List.of(new Dense(1).apply(merged)), "two_tower");
        // A later call of the shared layer outside the model is not part of the model.
        shared.apply(Input.of("c", 4));
        List<LayerRow> rows = model.layerRows();
        assertEquals(List.of("a", "b", "shared", "concatenate", "dense"), rows.stream().map(LayerRow::name).toList());
        LayerRow sharedRow = rows.get(2);
        assertEquals(2, sharedRow.nodes().size());
        assertEquals(List.of("a[0][0]", "b[0][0]"), sharedRow.connectedTo());
        assertEquals(List.of("a", "b"), sharedRow.inboundLayers());
        assertEquals(15, sharedRow.params());
        assertEquals("[(None, 3)]", sharedRow.outputShapes().toString());
        assertEquals(List.of("shared[0][0]", "shared[1][0]"), rows.get(3).connectedTo());
        assertEquals("[(None, 6)]", rows.get(3).outputShapes().toString());
        assertEquals("[(None, 4)]", rows.get(0).inputShapes().toString());
        List<keras4j.utils.SummaryTable.Row> printed = model.summaryTable(SummaryStyle.KERAS3).rows();
        assertEquals(rows.size(), printed.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).name() + " (" + rows.get(i).className() + ")", printed.get(i).layerAndType());
            assertEquals(rows.get(i).connectedTo(), printed.get(i).connectedTo());
            assertEquals(rows.get(i).params(), printed.get(i).params());
        }
        assertEquals("(None, 3)", printed.get(2).outputShape());
    }

    /** A subclassed model (its own layers and forward pass, no graph), as Keras's {@code class MyModel(keras.Model)}. */
    static final class TwoDense extends Model {
        final Dense first = track(new Dense(3)), second = track(new Dense(1));

        @Override
        public List<Layer> layers() {
            return List.of(first, second);
        }

        @Override
        protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
            return List.of(second.apply(first.apply(inputs.get(0), training), training));
        }
    }

    @Test
    void aSubclassedModelHasNoSymbolicInputsButASummary() {
        TwoDense model = new TwoDense();
        assertEquals("two_dense", model.name());
        IllegalStateException e = assertThrows(IllegalStateException.class, model::inputs);
        assertTrue(e.getMessage().startsWith("Model 'two_dense' (TwoDense) has no layer graph, so it has no defined inputs."), e.getMessage());
        model.predict(Tensor.ones(2, 4));
        String summary = model.summaryString(SummaryStyle.KERAS3);
        assertTrue(summary.contains("dense (Dense)") && summary.contains("dense_1 (Dense)"), summary);
        assertTrue(!summary.contains("Connected to"), summary);
        assertTrue(summary.contains("Total params: 19"), summary);
    }

    @Test
    void messagesPrintShapesAsKerasDoes() {
        IllegalArgumentException loss = assertThrows(IllegalArgumentException.class,
                () -> new keras4j.losses.BinaryCrossentropy().call(Tensor.zeros(128, 1), Tensor.zeros(128, 10)));
        assertTrue(loss.getMessage().endsWith("Received: target.shape=(128, 1), output.shape=(128, 10)"), loss.getMessage());
        IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
                () -> new keras4j.data.Dataset("d", Tensor.zeros(4, 2), Tensor.zeros(3), List.of(), List.of(), ""));
        assertTrue(data.getMessage().startsWith("Dataset d: x of shape (4, 2) and y of shape (3,) "), data.getMessage());
        assertEquals("<Variable name=kernel, shape=(3, 4), trainable=true>", new keras4j.autograd.Variable("kernel", Tensor.zeros(3, 4), true).toString());
        Sequential seq = new Sequential(Input.of(784), new Dense(10));
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class, () -> seq.predict(Tensor.zeros(2, 28, 28)));
        assertTrue(input.getMessage().contains("expected shape=(None, 784), found shape=(2, 28, 28)"), input.getMessage());
    }
}
