package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.layers.Layer;
import keras4j.layers.Layers;
import keras4j.layers.Activation;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.Dropout;
import keras4j.layers.Flatten;
import keras4j.layers.RepeatVector;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SequentialTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(1);
    }

    @Test
    void bothWaysOfActivatingFromTheSeedBuildTheSameShapes() {
        Sequential a = new Sequential();
        a.add(new Dense(64).inputShape(784));
        a.add(new Activation("tanh"));
        Sequential b = new Sequential();
        b.add(new Dense(64).inputShape(784).activation("tanh"));
        assertArrayEquals(new int[] {-1, 64}, a.outputShapes().get(0).toArray());
        assertArrayEquals(new int[] {-1, 64}, b.outputShapes().get(0).toArray());
        assertEquals(List.of("dense", "activation"), a.layers().stream().map(Layer::name).toList());
        assertEquals("dense_1", b.layers().get(0).name());
        assertEquals(50_240, a.countParams());
        // Same weights give the same outputs either way.
        b.setWeights(a.getWeights());
        Tensor x = Tensor.randomUniform(3, -1, 1, 5, 784);
        assertTrue(a.predict(x).allClose(b.predict(x), 1e-6f, 1e-6f));
    }

    @Test
    void repeatVectorExampleFromTheSeed() {
        Sequential model = new Sequential();
        model.add(new Dense(64).inputDim(784));
        model.add(new RepeatVector(3));
        assertArrayEquals(new int[] {-1, 3, 64}, model.outputShapes().get(0).toArray());
        assertArrayEquals(new int[] {2, 3, 64}, model.predict(Tensor.zeros(2, 784)).shape());
    }

    @Test
    void shapeErrorsSurfaceAtAddAndLeaveTheModelUnchanged() {
        Sequential model = new Sequential(new Dense(8).inputShape(4), new RepeatVector(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.add(new RepeatVector(2)));
        assertTrue(e.getMessage().contains("repeat_vector_1") && e.getMessage().contains("ndim=2"), e.getMessage());
        assertEquals(2, model.layers().size());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> model.add(new Dense(3).name("dense")));
        assertTrue(dup.getMessage().contains("unique names"), dup.getMessage());
    }

    @Test
    void inputFirstPopAndGetLayer() {
        Sequential model = new Sequential("mlp");
        model.add(Input.of(10));
        model.add(new Dense(5));
        model.add(new Dense(2));
        assertEquals("mlp", model.name());
        assertEquals(2, model.layers().size());
        assertEquals(67, model.countParams());
        assertEquals("dense_1", model.pop().name());
        assertArrayEquals(new int[] {-1, 5}, model.outputShapes().get(0).toArray());
        assertEquals("dense", model.getLayer("dense").name());
        assertEquals("dense", model.getLayer(0).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.getLayer("nope"));
        assertTrue(e.getMessage().contains("No such layer: nope"), e.getMessage());
    }

    @Test
    void deferredBuildHappensAtTheFirstCall() {
        Sequential model = new Sequential(new Dense(3), new Dense(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, model::outputShape);
        assertTrue(e.getMessage().startsWith("Sequential model 'sequential' has no defined output shape yet."), e.getMessage());
        assertThrows(IllegalStateException.class, model::inputs);
        assertEquals(0, model.countParams());
        assertArrayEquals(new int[] {4, 1}, model.predict(Tensor.ones(4, 7)).shape());
        assertEquals(7 * 3 + 3 + 3 + 1, model.countParams());
        // Built by the call, as Keras builds its functional graph: the symbolic inputs and outputs now exist.
        assertEquals("(None, 7)", model.inputShape().toString());
        assertEquals("(None, 1)", model.outputShape().toString());
    }

    @Test
    void configRoundTripGivesIdenticalPredictions() {
        Sequential model = new Sequential(new Dense(6).inputShape(4).activation("relu"), new Dropout(0.5), new Dense(2).activation("softmax"));
        Map<String, Object> config = model.getConfig();
        Sequential copy = Sequential.fromConfig(config);
        assertEquals(config, copy.getConfig());
        copy.setWeights(model.getWeights());
        Tensor x = Tensor.randomNormal(9, 0, 1, 3, 4);
        assertTrue(model.predict(x).allClose(copy.predict(x), 0, 0));
        Layer viaRegistry = Layers.deserialize(model.serialize());
        assertEquals(config, viaRegistry.getConfig());
    }

    @Test
    void keras2StyleConfigWithBatchInputShapeOnTheFirstLayer() {
        Map<String, Object> dense = Map.of("class_name", "Dense", "config",
                Map.of("name", "d", "units", 3, "activation", "linear", "use_bias", true, "batch_input_shape", java.util.Arrays.asList(null, 5)));
        Sequential model = Sequential.fromConfig(List.of(dense, Map.of("class_name", "Flatten", "config", Map.of("name", "f"))));
        assertArrayEquals(new int[] {-1, 3}, model.outputShapes().get(0).toArray());
        assertEquals(18, model.countParams());
    }
}
