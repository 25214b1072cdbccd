package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.initializers.VarianceScaling;
import keras4j.regularizers.L1;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class DenseTest {

    @Test
    void repeatVectorExampleFromKerasDocs() {
        Dense dense = new Dense(64).inputDim(784);
        RepeatVector repeat = new RepeatVector(3);
        int[] denseOut = dense.computeOutputShape(dense.batchInputShape());
        assertArrayEquals(new int[] {-1, 64}, denseOut);
        assertArrayEquals(new int[] {-1, 3, 64}, repeat.computeOutputShape(denseOut));
        assertEquals("(None, 3, 64)", Layer.formatShape(repeat.computeOutputShape(denseOut)));
        KerasTensor y = new RepeatVector(3).apply(new Dense(64).apply(Input.of(784)));
        assertArrayEquals(new int[] {-1, 3, 64}, y.dims());
    }

    @Test
    void activationOptionEqualsAnActivationLayer() {
        Tensor x = Tensor.randomUniform(3, -2f, 2f, 5, 784);
        Dense fused = new Dense(64).inputShape(784).activation("tanh");
        Dense plain = new Dense(64).inputShape(784);
        fused.ensureBuilt(List.of(x.shape()));
        plain.ensureBuilt(List.of(x.shape()));
        plain.setWeights(fused.getWeights());
        Tensor a = fused.apply(x);
        Tensor b = new Activation("tanh").apply(plain.apply(x));
        assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
    }

    @Test
    void kernelActsOnTheLastAxisOfAnyRank() {
        Dense d = new Dense(2).useBias(false);
        Tensor x = Tensor.randomUniform(5, -1f, 1f, 2, 3, 4);
        Tensor y = d.apply(x);
        assertArrayEquals(new int[] {4, 2}, d.kernel().shape());
        assertArrayEquals(new int[] {2, 3, 2}, y.shape());
        Tensor k = d.kernel().peek();
        float expected = 0;
        for (int i = 0; i < 4; i++) expected += x.get(1, 2, i) * k.get(i, 1);
        assertEquals(expected, y.get(1, 2, 1), 1e-6f);
    }

    @Test
    void errorsNameTheLayerAndTheValue() {
        IllegalArgumentException units = assertThrows(IllegalArgumentException.class, () -> new Dense(0));
        assertEquals("Received an invalid value for `units`, expected a positive integer. Received: units=0", units.getMessage());

        Dense rank1 = new Dense(3).name("d1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rank1.apply(Tensor.ones(4)));
        assertEquals("Input 0 of layer \"d1\" is incompatible with the layer: expected min_ndim=2, found ndim=1. Full shape received: (4,)", e.getMessage());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new Dense(3).name("d2").apply(Input.batchShape(-1, -1)));
        assertTrue(none.getMessage().startsWith("Layer \"d2\" (Dense): The last dimension of the inputs to a Dense layer should be defined. Found None."), none.getMessage());

        Dense built = new Dense(3).name("d3");
        built.apply(Tensor.ones(2, 4));
        IllegalArgumentException axis = assertThrows(IllegalArgumentException.class, () -> built.apply(Tensor.ones(2, 5)));
        assertEquals("Input 0 of layer \"d3\" is incompatible with the layer: expected axis -1 of input shape to have value 4, but received input with shape (2, 5)",
                axis.getMessage());
        assertThrows(IllegalStateException.class, () -> built.kernelInitializer("ones"));
    }

    @Test
    void keras3ConfigHasKerasKeysInKerasOrder() {
        Dense d = new Dense(10).name("dense").activation("relu");
        String expected = "{\"name\":\"dense\",\"trainable\":true,\"dtype\":{\"module\":\"keras\",\"class_name\":\"DTypePolicy\",\"config\":{\"name\":\"float32\"},\"registered_name\":null},"
                + "\"units\":10,\"activation\":\"relu\",\"use_bias\":true,"
                + "\"kernel_initializer\":{\"module\":\"keras.initializers\",\"class_name\":\"GlorotUniform\",\"config\":{\"seed\":null},\"registered_name\":null},"
                + "\"bias_initializer\":{\"module\":\"keras.initializers\",\"class_name\":\"Zeros\",\"config\":{},\"registered_name\":null},"
                + "\"kernel_regularizer\":null,\"bias_regularizer\":null,\"kernel_constraint\":null,\"bias_constraint\":null,\"quantization_config\":null}";
        assertEquals(expected, Json.write(d.getConfig()));
        Map<String, Object> withActivity = new Dense(2).activityRegularizer("l2").getConfig();
        assertEquals(List.of("name", "trainable", "dtype", "activity_regularizer", "units"), List.copyOf(withActivity.keySet()).subList(0, 5));
    }

    @Test
    void readsAKeras2ConfigFromAnH5File() {
        // model_config of dl4j-test-resources' simple_sparse_xent_mlp_keras_2_model.h5 (Keras 2.3.1), first layer.
        String json = "{\"name\": \"dense_1\", \"trainable\": true, \"batch_input_shape\": [null, 4], \"dtype\": \"float32\", \"units\": 3, \"activation\": \"linear\", "
                + "\"use_bias\": true, \"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 1.0, \"mode\": \"fan_avg\", "
                + "\"distribution\": \"uniform\", \"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, "
                + "\"bias_regularizer\": null, \"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}";
        Dense d = (Dense) Layers.fromConfig("Dense", Json.readObject(json));
        assertEquals("dense_1", d.name());
        assertEquals(3, d.units());
        assertArrayEquals(new int[] {-1, 4}, d.batchInputShape());
        Map<String, Object> c = d.getConfig();
        @SuppressWarnings("unchecked")
        Map<String, Object> init = (Map<String, Object>) c.get("kernel_initializer");
        assertEquals("keras.initializers", init.get("module"));
        assertInstanceOf(VarianceScaling.class, keras4j.initializers.Initializers.get(init));
        assertEquals("linear", c.get("activation"));
        assertNull(c.get("activity_regularizer"));
    }

    @Test
    void refusesLoraAndQuantizedConfigs() {
        Map<String, Object> c = new Dense(2).getConfig();
        c.put("lora_rank", 4);
        assertThrows(IllegalArgumentException.class, () -> Dense.fromConfig(c));
    }

    @Test
    void activityRegularizerAddsItsPenaltyPerSample() {
        Dense d = new Dense(2).kernelInitializer("ones").activityRegularizer(new L1(0.5));
        Tensor x = Tensor.of(new float[] {1, -2, 3, 4}, 2, 2);
        d.apply(x);
        // outputs (-1, -1) and (7, 7): 0.5 * 16 / batch 2.
        assertEquals(1, d.losses().size());
        assertEquals(4f, d.losses().get(0).item(), 1e-6f);
    }
}
