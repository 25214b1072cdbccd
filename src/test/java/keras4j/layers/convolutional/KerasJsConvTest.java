package keras4j.layers.convolutional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import keras4j.layers.Layer;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/**
 * Conv1D/Conv2D/Conv3D outputs computed by Keras 2.1 with the TensorFlow backend (Keras.js test data, MIT, see
 * {@code keras-fixtures/LICENSES}): every case is rebuilt from its configuration in the fixtures' MANIFEST.md, given
 * the stored weights, and must reproduce the stored output within 1e-4 (the stored numbers are rounded to 6 decimals).
 */
class KerasJsConvTest {
    private static final double TOLERANCE = 1e-4;

    /** Each case's layer, as configured in the generating notebooks. */
    static Map<String, Supplier<Layer>> layers() {
        Map<String, Supplier<Layer>> m = new LinkedHashMap<>();
        m.put("convolutional.Conv1D.0", () -> new Conv1D(4, 3));
        m.put("convolutional.Conv1D.1", () -> new Conv1D(4, 3).useBias(false));
        m.put("convolutional.Conv1D.3", () -> new Conv1D(2, 7).padding("same").activation("tanh"));
        m.put("convolutional.Conv1D.4", () -> new Conv1D(2, 7).padding("same").dilationRate(2).activation("tanh"));
        m.put("convolutional.Conv2D.0", () -> new Conv2D(4, 3, 3));
        m.put("convolutional.Conv2D.1", () -> new Conv2D(4, 3, 3).useBias(false));
        m.put("convolutional.Conv2D.3", () -> new Conv2D(5, 4, 4).strides(2, 1).activation("relu"));
        m.put("convolutional.Conv2D.4", () -> new Conv2D(4, 3, 3).padding("same").activation("relu"));
        m.put("convolutional.Conv2D.6", () -> new Conv2D(4, 3, 3).strides(3, 2).padding("same").activation("relu"));
        m.put("convolutional.Conv2D.7", () -> new Conv2D(4, 3, 3).dilationRate(2, 2));
        m.put("convolutional.Conv2D.9", () -> new Conv2D(4, 3, 3).dilationRate(3, 3).activation("relu"));
        m.put("convolutional.Conv2D.10", () -> new Conv2D(3, 4, 4).padding("same").dilationRate(2, 2).activation("relu"));
        m.put("convolutional.Conv3D.0", () -> new Conv3D(4, 3, 3, 3));
        m.put("convolutional.Conv3D.1", () -> new Conv3D(2, 3, 3, 3).activation("sigmoid").useBias(false));
        m.put("convolutional.Conv3D.3", () -> new Conv3D(2, 3, 3, 2).strides(2, 1, 1).padding("same").activation("relu"));
        m.put("convolutional.Conv3D.4", () -> new Conv3D(2, 3, 3, 3).strides(3, 3, 2).padding("same").activation("relu"));
        m.put("convolutional.Conv3D.6", () -> new Conv3D(2, 3, 3, 3).padding("same").dilationRate(1, 2, 1).activation("relu"));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Tensor tensor(Object spec, boolean batch) {
        Map<String, Object> m = (Map<String, Object>) spec;
        List<Number> data = (List<Number>) m.get("data");
        List<Number> shape = (List<Number>) m.get("shape");
        float[] d = new float[data.size()];
        for (int i = 0; i < d.length; i++) d[i] = data.get(i).floatValue();
        int off = batch ? 1 : 0;
        int[] s = new int[shape.size() + off];
        if (batch) s[0] = 1;
        for (int i = 0; i < shape.size(); i++) s[i + off] = shape.get(i).intValue();
        return Tensor.of(d, s);
    }

    private static Map<String, Object> read(String file) throws IOException {
        String resource = "/keras-fixtures/kerasjs/layers/convolutional/" + file;
        try (InputStream in = KerasJsConvTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCaseMatchesKeras() throws IOException {
        Map<String, Object> cases = new LinkedHashMap<>();
        for (String f : List.of("Conv1D.json", "Conv2D.json", "Conv3D.json")) cases.putAll(read(f));
        Map<String, Supplier<Layer>> layers = layers();
        assertEquals(layers.keySet(), cases.keySet(), "every fixture case has a layer configuration");
        for (Map.Entry<String, Object> e : cases.entrySet()) {
            Map<String, Object> c = (Map<String, Object>) e.getValue();
            Tensor input = tensor(c.get("input"), true);
            Tensor expected = tensor(c.get("expected"), true);
            Layer layer = layers.get(e.getKey()).get();
            layer.ensureBuilt(List.of(input.shape()));
            List<Tensor> weights = new ArrayList<>();
            for (Object w : (List<Object>) c.get("weights")) weights.add(tensor(w, false));
            layer.setWeights(weights);
            assertArrayEquals(expected.shape(), layer.computeOutputShape(input.shape()), e.getKey());
            Tensor out = layer.apply(input);
            assertArrayEquals(expected.shape(), out.shape(), e.getKey());
            float[] got = out.data(), want = expected.data();
            for (int i = 0; i < want.length; i++) {
                int index = i;
                assertTrue(Math.abs(got[i] - want[i]) <= TOLERANCE, () -> e.getKey() + " element " + index + ": " + got[index] + " vs Keras " + want[index]);
            }
        }
    }
}
