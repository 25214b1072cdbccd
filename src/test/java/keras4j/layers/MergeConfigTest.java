package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Config round trips ({@code fromConfig(getConfig())}, also through JSON) and Keras's config keys. */
class MergeConfigTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(new Add().name("add_a").trainable(false), (Function<Map<String, Object>, Layer>) Add::fromConfig),
                Arguments.of(new Subtract().name("sub_a"), (Function<Map<String, Object>, Layer>) Subtract::fromConfig),
                Arguments.of(new Multiply().name("mul_a"), (Function<Map<String, Object>, Layer>) Multiply::fromConfig),
                Arguments.of(new Average().name("avg_a"), (Function<Map<String, Object>, Layer>) Average::fromConfig),
                Arguments.of(new Maximum().name("max_a"), (Function<Map<String, Object>, Layer>) Maximum::fromConfig),
                Arguments.of(new Minimum().name("min_a"), (Function<Map<String, Object>, Layer>) Minimum::fromConfig),
                Arguments.of(new Concatenate(1).name("cat_a"), (Function<Map<String, Object>, Layer>) Concatenate::fromConfig),
                Arguments.of(new Concatenate().name("cat_b"), (Function<Map<String, Object>, Layer>) Concatenate::fromConfig),
                Arguments.of(new Dot(-1).name("dot_a"), (Function<Map<String, Object>, Layer>) Dot::fromConfig),
                Arguments.of(new Dot(1, 2).normalize(true).name("dot_b"), (Function<Map<String, Object>, Layer>) Dot::fromConfig));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void fromConfigOfGetConfigIsTheSameLayer(Layer layer, Function<Map<String, Object>, Layer> fromConfig) {
        Map<String, Object> config = layer.getConfig();
        Layer copy = fromConfig.apply(config);
        assertEquals(layer.getClass(), copy.getClass());
        assertEquals(config, copy.getConfig());
        Layer viaJson = fromConfig.apply(Json.readObject(Json.write(config)));
        assertEquals(Json.write(config), Json.write(viaJson.getConfig()));
        assertEquals(layer.name(), copy.name());
        assertEquals(layer.trainable(), copy.trainable());
    }

    @Test
    void elementwiseConfigIsKerasBaseConfig() {
        Map<String, Object> c = new Add().name("add_x").getConfig();
        assertEquals(List.of("name", "trainable", "dtype"), List.copyOf(c.keySet()));
        assertEquals("add_x", c.get("name"));
    }

    @Test
    void concatenateConfig() {
        Map<String, Object> c = new Concatenate(2).getConfig();
        assertEquals(2, c.get("axis"));
        assertEquals(-1, Concatenate.fromConfig(Config.of("name", "c")).axis());
        assertEquals(1, Concatenate.fromConfig(Config.of("axis", 1)).axis());
    }

    @Test
    void dotConfigKeepsAnIntOrAPair() {
        assertEquals(-1, new Dot(-1).getConfig().get("axes"));
        assertEquals(List.of(1, 2), new Dot(1, 2).getConfig().get("axes"));
        assertEquals(false, new Dot(1).getConfig().get("normalize"));
        Dot fromKeras = Dot.fromConfig(Json.readObject("{\"name\": \"dot\", \"trainable\": true, \"axes\": [2, 2], \"normalize\": true}"));
        assertArrayEquals(new int[] {2, 2}, fromKeras.axes());
        assertTrue(fromKeras.normalize());
        Dot keras2 = Dot.fromConfig(Json.readObject("{\"name\": \"dot_1\", \"trainable\": true, \"axes\": 1}"));
        assertArrayEquals(new int[] {1}, keras2.axes());
        assertFalse(keras2.normalize());
    }

    @Test
    void keras3ConfigOfARealLayerLoads() {
        String json = "{\"name\": \"concatenate\", \"trainable\": true, \"dtype\": {\"module\": \"keras\", \"class_name\": \"DTypePolicy\","
                + " \"config\": {\"name\": \"float32\"}, \"registered_name\": null}, \"axis\": -1}";
        Concatenate c = Concatenate.fromConfig(Json.readObject(json));
        assertEquals("concatenate", c.name());
        assertEquals(-1, c.axis());
    }

    @Test
    void serializedFormHasClassNameAndBuildConfigWithEveryInputShape() {
        Add add = new Add().name("add_s");
        assertNull(add.serialize().get("build_config"));
        add.apply(Input.of(3), Input.of(3));
        Map<String, Object> s = add.serialize();
        assertEquals("Add", s.get("class_name"));
        assertEquals("keras.layers", s.get("module"));
        assertEquals(Config.of("input_shape", List.of(Arrays.asList(null, 3), Arrays.asList(null, 3))), s.get("build_config"));
    }

    @Test
    void restoredLayerComputesTheSame() {
        Dot dot = new Dot(1, 2).normalize(true);
        Tensor x = Tensor.randomUniform(1, -1, 1, 2, 3, 4), y = Tensor.randomUniform(2, -1, 1, 2, 5, 3);
        Tensor expected = dot.apply(x, y);
        Tensor actual = Dot.fromConfig(dot.getConfig()).apply(x, y);
        assertArrayEquals(Internal.array(expected), Internal.array(actual));
    }
}
