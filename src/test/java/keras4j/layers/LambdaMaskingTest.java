package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class LambdaMaskingTest {
    private static final Function<Tensor, Tensor> SQUARE = Ops::square;

    static {
        Lambda.register("lambda_test_square", SQUARE);
    }

    @Test
    void registeredFunctionsSerializeByName() {
        Lambda l = new Lambda(SQUARE).name("sq");
        @SuppressWarnings("unchecked")
        Map<String, Object> fn = (Map<String, Object>) l.getConfig().get("function");
        assertEquals(Config.of("module", null, "class_name", "function", "config", "lambda_test_square", "registered_name", "lambda_test_square"), fn);
        Lambda back = (Lambda) Layers.deserialize(Json.readObject(Json.write(l.serialize())));
        assertSame(SQUARE, back.function());
        assertEquals(Map.of(), l.getConfig().get("arguments"));
        assertArrayEquals(new float[] {4, 9}, back.apply(Tensor.of(new float[] {2, 3}, 1, 2)).toFloatArray(), 0f);
    }

    @Test
    void kerasRegisteredNamesWithAPackageResolve() {
        Map<String, Object> config = Config.of("name", "l", "function",
                Config.of("module", "my_pkg", "class_name", "function", "config", "Custom>lambda_test_square", "registered_name", "Custom>lambda_test_square"));
        assertSame(SQUARE, Lambda.fromConfig(config).function());
        assertSame(SQUARE, Lambda.fromConfig(Config.of("name", "k2", "function", "lambda_test_square", "function_type", "function", "output_shape", null)).function());
    }

    @Test
    void unknownFunctionsAreNamedInTheError() {
        Map<String, Object> config = Config.of("name", "mystery", "function", Config.of("module", null, "class_name", "function", "config", "not_there", "registered_name", "not_there"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lambda.fromConfig(config));
        assertTrue(e.getMessage().startsWith("Could not locate function 'not_there' for Lambda layer 'mystery'."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Lambda("not_there"));
    }

    @Test
    void serializedCodeIsNeverRun() {
        Lambda anonymous = new Lambda(x -> Ops.add(x, 1f)).name("anon");
        Map<String, Object> config = anonymous.getConfig();
        assertEquals("__lambda__", ((Map<?, ?>) config.get("function")).get("class_name"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lambda.fromConfig(config));
        assertTrue(e.getMessage().startsWith("Requested the deserialization of a `Lambda` layer ('anon') whose `function` is a Python lambda."), e.getMessage());
        // Keras 2 h5: [base64 marshal, defaults, closure] with function_type "lambda".
        Map<String, Object> keras2 = Config.of("name", "lambda_1", "function", java.util.Arrays.asList("4wEAAAAAAAAAAQAAAAIAAABDAAAAcwgAAAB8AGQBFABTACkCTukCAAAAqQApAdoBeHIDAAAAcgMAAAD6HjxpcHl0aG9uLWlucHV0LTEtYzMxYmZjYWMwNmNjPtoIPGxhbWJkYT4BAAAA8wAAAAA=", null, null),
                "function_type", "lambda", "module", "__main__", "output_shape", null, "output_shape_type", "raw", "arguments", Map.of());
        assertThrows(IllegalArgumentException.class, () -> Lambda.fromConfig(keras2));
    }

    @Test
    void outputShapeGivenOrInferred() {
        Lambda given = new Lambda("lambda_test_square").outputShape(-1, 3);
        assertArrayEquals(new int[] {-1, -1, 3}, given.computeOutputShape(new int[] {-1, 5, 3}));
        Lambda inferred = new Lambda(x -> Ops.sum(x, false, 1));
        assertArrayEquals(new int[] {-1, 3}, inferred.computeOutputShape(new int[] {-1, 5, 3}));
        assertEquals(java.util.Arrays.asList(null, 3), given.getConfig().get("output_shape"));
    }

    @Test
    void maskingZeroesMaskedTimestepsAndEmitsTheMask() {
        Tensor x = Tensor.of(new float[] {1, 2, 0, 0, 0, 3, 0, 0}, 2, 2, 2);
        Masking m = new Masking();
        Tensor y = m.apply(x);
        assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
        assertArrayEquals(new float[] {1, 0, 1, 0}, m.computeMask(x, null).toFloatArray(), 0f);
        assertArrayEquals(new int[] {2, 2}, m.computeMask(x, null).shape());

        Masking minusOne = new Masking(-1);
        Tensor z = Tensor.of(new float[] {-1, -1, 5, -1, 2, 2}, 1, 3, 2);
        assertArrayEquals(new float[] {0, 0, 5, -1, 2, 2}, minusOne.apply(z).toFloatArray(), 0f);
        assertArrayEquals(new float[] {0, 1, 1}, minusOne.computeMask(z, null).toFloatArray(), 0f);
        assertEquals(-1.0, minusOne.getConfig().get("mask_value"));
        assertEquals(-1.0, Masking.fromConfig(Config.of("name", "m", "mask_value", -1)).maskValue());
    }

    @Test
    void activationLayerConfigAndShapes() {
        Activation a = new Activation("swish").name("act");
        assertEquals("silu", a.getConfig().get("activation"));
        assertArrayEquals(new int[] {-1, 4, 3}, new Activation("glu").computeOutputShape(new int[] {-1, 4, 6}));
        Activation fromKeras3Map = Activation.fromConfig(Config.of("name", "a", "activation",
                Config.of("module", "keras.activations", "class_name", "function", "config", "relu", "registered_name", "relu")));
        assertEquals("relu", fromKeras3Map.activation().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Activation("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
