package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class ActivationLayersTest {

    private static Layer keras2(String serialized) {
        return Layers.deserialize(Json.readObject(serialized));
    }

    @Test
    void readsTheKeras2ConfigsOfTheDl4jActivationModels() {
        // Layer entries of the model_config attributes in dl4j-test-resources' activations/*_model.h5 (Keras 2.3.1).
        ELU elu = (ELU) keras2("{\"class_name\": \"ELU\", \"config\": {\"name\": \"elu_1\", \"trainable\": true, \"dtype\": \"float32\", \"alpha\": 0.699999988079071}}");
        assertEquals(0.7, elu.alpha(), 1e-7);
        LeakyReLU leaky = (LeakyReLU) keras2("{\"class_name\": \"LeakyReLU\", \"config\": {\"name\": \"leaky_re_lu_1\", \"trainable\": true, \"dtype\": \"float32\", \"alpha\": 0.5}}");
        assertEquals(0.5, leaky.negativeSlope());
        assertEquals(0.5, leaky.getConfig().get("negative_slope"));
        ReLU relu6 = (ReLU) keras2("{\"class_name\": \"ReLU\", \"config\": {\"name\": \"re_lu_1\", \"trainable\": true, \"dtype\": \"float32\", \"max_value\": 6.0, \"negative_slope\": 0.0, \"threshold\": 0.0}}");
        assertEquals(6.0, relu6.maxValue());
        ReLU plain = (ReLU) keras2("{\"class_name\": \"ReLU\", \"config\": {\"name\": \"re_lu_2\", \"trainable\": true, \"dtype\": \"float32\", \"max_value\": null, \"negative_slope\": 0.0, \"threshold\": 0.0}}");
        assertNull(plain.maxValue());
        Softmax softmax = (Softmax) keras2("{\"class_name\": \"Softmax\", \"config\": {\"name\": \"softmax_1\", \"trainable\": true, \"dtype\": \"float32\", \"axis\": -1}}");
        assertArrayEquals(new int[] {-1}, softmax.axis());
        ThresholdedReLU t = (ThresholdedReLU) keras2("{\"class_name\": \"ThresholdedReLU\", \"config\": {\"name\": \"thresholded_re_lu_1\", \"trainable\": true, \"dtype\": \"float32\", \"theta\": 0.699999988079071}}");
        assertEquals(0.7, t.theta(), 1e-7);
    }

    @Test
    void reluFollowsKerasFormula() {
        Tensor x = Tensor.vector(-10, -5, 0, 5, 10).reshape(1, 5);
        assertArrayEquals(new float[] {-5, -2.5f, 0, 5, 10}, new ReLU(10.0, 0.5, 0).apply(x).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 0, 0, 5, 6}, new ReLU().maxValue(6).apply(x).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-0.7f, -0.45f, -0.2f, 5, 10}, new ReLU(null, 0.05, 4).apply(x).toFloatArray(), 1e-6f);
    }

    @Test
    void validationMessagesAreKeras() {
        assertEquals("max_value of a ReLU layer cannot be a negative value. Received: max_value=-1.0",
                assertThrows(IllegalArgumentException.class, () -> new ReLU().maxValue(-1)).getMessage());
        assertEquals("negative_slope of a ReLU layer cannot be None or a negative value. Received: negative_slope=-0.1",
                assertThrows(IllegalArgumentException.class, () -> new ReLU().negativeSlope(-0.1)).getMessage());
        assertEquals("threshold of a ReLU layer cannot be None or a negative value. Received: threshold=-2.0",
                assertThrows(IllegalArgumentException.class, () -> new ReLU().threshold(-2)).getMessage());
        assertEquals("The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=-0.3",
                assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-0.3)).getMessage());
        assertEquals("The theta value of a Thresholded ReLU layer should be >=0. Received: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new ThresholdedReLU(-1)).getMessage());
    }

    @Test
    void eluKeepsAlphaInItsConfig() {
        ELU e = new ELU(0.25).name("e");
        ELU back = (ELU) Layers.deserialize(e.serialize());
        assertEquals(0.25, back.alpha());
        assertEquals(1.0, ELU.fromConfig(Config.of("name", "keras3_elu")).alpha());
    }

    @Test
    void softmaxGivesMaskedPositionsNothing() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 0, 0, 0}, 2, 3);
        Softmax s = new Softmax();
        Tensor y = s.invoke(List.of(x), java.util.Arrays.asList(mask), false).get(0);
        float e = (float) (1 / (1 + Math.E));
        assertArrayEquals(new float[] {e, 1 - e, 0, 0, 0, 0}, y.toFloatArray(), 1e-6f);
        assertEquals(mask, s.computeMask(x, mask));
        Tensor z = new Softmax(1, 2).apply(Tensor.zeros(1, 2, 2));
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, z.toFloatArray(), 1e-6f);
        assertEquals(List.of(1, 2), new Softmax(1, 2).getConfig().get("axis"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new Softmax().name("sm").invoke(List.of(x), List.of(Tensor.ones(2, 2)), false));
        assertTrue(bad.getMessage().startsWith("Layer \"sm\" (Softmax): The `mask` must be broadcastable to `inputs`"), bad.getMessage());
    }

    @Test
    void preluSharesAlphaAlongSharedAxes() {
        PReLU p = new PReLU().sharedAxes(1, 2);
        p.apply(Input.of(5, 5, 3));
        assertArrayEquals(new int[] {1, 1, 3}, p.alpha().shape());
        assertEquals(3, p.countParams());
        PReLU full = new PReLU().name("pr");
        full.apply(Tensor.ones(2, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> full.apply(Tensor.ones(2, 5)));
        assertTrue(e.getMessage().startsWith("Input 0 of layer \"pr\" is incompatible with the layer"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new PReLU().apply(Input.batchShape(-1, -1, 3)));
        assertTrue(none.getMessage().contains("sharedAxes(1)"), none.getMessage());
        assertArrayEquals(new int[] {-1, -1, 3}, new PReLU().sharedAxes(1).apply(Input.batchShape(-1, -1, 3)).dims());
        PReLU fromInt = PReLU.fromConfig(Config.of("name", "p2", "shared_axes", 1));
        assertEquals(List.of(1), fromInt.getConfig().get("shared_axes"));
        Tensor y = new PReLU().alphaInitializer(new keras4j.initializers.Constant(0.5)).apply(Tensor.of(new float[] {-2, 3}, 1, 2));
        assertArrayEquals(new float[] {-1, 3}, y.toFloatArray(), 0f);
    }
}
