package keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import org.junit.jupiter.api.Test;

class ActivationRegistryTest {

    /** Keras 3's ALL_OBJECTS_DICT keys (keras/src/activations/__init__.py). */
    static final Set<String> KERAS_NAMES = Set.of("relu", "leaky_relu", "relu6", "softmax", "celu", "elu", "selu", "softplus",
            "softsign", "squareplus", "soft_shrink", "sparse_plus", "silu", "gelu", "glu", "tanh", "tanh_shrink", "threshold",
            "sigmoid", "sparse_sigmoid", "exponential", "hard_sigmoid", "hard_silu", "hard_tanh", "hard_shrink", "linear",
            "mish", "log_softmax", "log_sigmoid", "sparsemax", "swish", "hard_swish");

    @Test
    void namesAreKerasNames() {
        assertEquals(new TreeSet<>(KERAS_NAMES), Activations.names());
    }

    @Test
    void everyNameRoundTripsThroughSerialize() {
        for (String name : Activations.names()) {
            ActivationFunction f = Activations.get(name);
            String serialized = Activations.serialize(f);
            assertSame(f, Activations.get(serialized), name);
            if (!name.equals("swish") && !name.equals("hard_swish")) assertEquals(name, serialized);
        }
        assertEquals("silu", Activations.serialize(Activations.get("swish")));
        assertEquals("hard_silu", Activations.serialize(Activations.get("hard_swish")));
    }

    @Test
    void registeredFunctionsComputeTheStaticFunctions() {
        Tensor x = Tensor.randomUniform(4, -4, 4, 3, 6);
        assertArrayEquals(Activations.gelu(x).toFloatArray(), Activations.get("gelu").apply(x).toFloatArray());
        assertArrayEquals(Activations.leakyRelu(x).toFloatArray(), Activations.get("leaky_relu").apply(x).toFloatArray());
        assertArrayEquals(Activations.softmax(x).toFloatArray(), Activations.get("softmax").apply(x).toFloatArray());
        assertArrayEquals(Activations.silu(x).toFloatArray(), Activations.get("swish").apply(x).toFloatArray());
        assertArrayEquals(Activations.hardSilu(x).toFloatArray(), Activations.get("hard_swish").apply(x).toFloatArray());
        assertArrayEquals(Activations.sparsemax(x).toFloatArray(), Activations.get("sparsemax").apply(x).toFloatArray());
        assertArrayEquals(Activations.glu(x).toFloatArray(), Activations.get("glu").apply(x).toFloatArray());
        for (String name : Activations.names()) {
            if (name.equals("threshold")) continue;
            Tensor y = Activations.get(name).apply(x);
            for (float v : Internal.array(y)) assertTrue(Float.isFinite(v), name);
        }
    }

    @Test
    void linearForNullNoneAndLinear() {
        ActivationFunction linear = Activations.get("linear");
        assertSame(linear, Activations.get(null));
        assertSame(linear, Activations.get("None"));
        Tensor x = Tensor.vector(-1, 2);
        assertSame(x, linear.apply(x));
        assertEquals("linear", Activations.serialize(null));
    }

    @Test
    void keras2HardSigmoid() {
        Tensor x = Tensor.vector(1.5f);
        assertEquals(0.75f, Activations.get("hard_sigmoid").apply(x).item(), 1e-7f);
        assertEquals(0.75f, Activations.get("hard_sigmoid", false).apply(x).item(), 1e-7f);
        ActivationFunction k2 = Activations.get("hard_sigmoid", true);
        assertSame(Activations.HARD_SIGMOID_KERAS2, k2);
        assertEquals(0.8f, k2.apply(x).item(), 1e-7f);
        assertEquals("hard_sigmoid", Activations.serialize(k2));
        assertSame(Activations.get("relu"), Activations.get("relu", true));
    }

    @Test
    void objectsAndSerializedMaps() {
        ActivationFunction custom = ActivationFunction.of("double_it", t -> t.mul(2f));
        assertSame(custom, Activations.get(custom));
        assertEquals("double_it", Activations.serialize(custom));
        assertEquals("<activation double_it>", custom.toString());
        Map<String, Object> fn = Config.of("module", "keras.activations", "class_name", "function", "config", "tanh", "registered_name", "function");
        assertSame(Activations.get("tanh"), Activations.get(fn));
        assertThrows(IllegalArgumentException.class, () -> Activations.get(Config.of("class_name", "function")));
        assertThrows(IllegalArgumentException.class, () -> Activations.get(List.of("relu")));
    }

    @Test
    void unknownNameListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.get("rellu"));
        assertTrue(e.getMessage().contains("'rellu'"), e.getMessage());
        for (String name : List.of("relu", "sparsemax", "hard_swish", "log_softmax")) assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void thresholdNeedsItsArguments() {
        ActivationFunction t = Activations.get("threshold");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.apply(Tensor.vector(1)));
        assertTrue(e.getMessage().contains("default_value"), e.getMessage());
    }
}
