package keras4j.layers;

import static keras4j.testing.KerasJsFixtures.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
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

    @Test
    void everyCaseMatchesKeras() {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (Case c : KerasJsFixtures.cases(KerasJsFixtures.ROOT + "layers/convolutional/", List.of("Conv1D", "Conv2D", "Conv3D"))) cases.put(c.id(), c);
        Map<String, Supplier<Layer>> layers = layers();
        assertEquals(layers.keySet(), cases.keySet(), "every fixture case has a layer configuration");
        for (Case c : cases.values()) {
            Tensor input = c.input();
            Tensor expected = c.expected();
            Layer layer = layers.get(c.id()).get();
            layer.ensureBuilt(List.of(input.shape()));
            layer.setWeights(c.weights());
            assertArrayEquals(expected.shape(), layer.computeOutputShape(input.shape()), c.id());
            Tensor out = layer.apply(input);
            assertArrayEquals(expected.shape(), out.shape(), c.id());
            assertElementsClose(expected, out, TOLERANCE, c.id());
        }
    }
}
