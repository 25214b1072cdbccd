package keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/**
 * Outputs computed by Keras 2 (Keras.js test data, MIT, see {@code keras-fixtures/LICENSES}) for
 * {@code keras.activations.*} on a batch of one. Keras 2 defines {@code hard_sigmoid} as
 * {@code clip(0.2x + 0.5, 0, 1)}; the cases' extra arguments are listed in the fixtures' MANIFEST.md.
 */
class KerasJsActivationsTest {

    private static final String RESOURCE = "/keras-fixtures/kerasjs/activations.json";

    /** The function of each case, from its name {@code activations.<name>.<index>}. */
    private static UnaryOperator<Tensor> function(String key) {
        return switch (key) {
            case "activations.elu.3" -> x -> Activations.elu(x, 0.5f);
            case "activations.relu.3" -> x -> Activations.relu(x, 0f, 0.5f, 0f);
            default -> {
                String name = key.split("\\.")[1];
                yield Activations.get(name, true);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Tensor tensor(Object spec) {
        Map<String, Object> m = (Map<String, Object>) spec;
        List<Number> data = (List<Number>) m.get("data");
        List<Number> shape = (List<Number>) m.get("shape");
        float[] d = new float[data.size()];
        for (int i = 0; i < d.length; i++) d[i] = data.get(i).floatValue();
        int[] s = new int[shape.size() + 1];
        s[0] = 1;
        for (int i = 0; i < shape.size(); i++) s[i + 1] = shape.get(i).intValue();
        return Tensor.of(d, s);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCaseMatchesKeras() throws IOException {
        String json;
        try (InputStream in = KerasJsActivationsTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> cases = Json.readObject(json);
        assertEquals(22, cases.size());
        for (Map.Entry<String, Object> e : cases.entrySet()) {
            Map<String, Object> c = (Map<String, Object>) e.getValue();
            Tensor x = tensor(c.get("input"));
            Tensor expected = tensor(c.get("expected"));
            Tensor y = function(e.getKey()).apply(x);
            assertArrayEquals(expected.shape(), y.shape(), e.getKey());
            assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-4f, e.getKey());
        }
    }
}
