package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A Keras 2 layer config naming hard_sigmoid means Keras 2's clip(0.2x + 0.5, 0, 1); a Keras 3 one means clip(x/6 + 0.5, 0, 1). */
class Keras2HardSigmoidTest {
    @Test
    void keras2ConfigsKeepKeras2Semantics() {
        Map<String, Object> keras2 = Map.of("name", "act", "activation", "hard_sigmoid", "batch_input_shape", Arrays.asList(null, 1), "dtype", "float32");
        Map<String, Object> keras3 = Map.of("name", "act", "activation", "hard_sigmoid");
        Tensor x = Tensor.of(new float[] {1f}, 1, 1);
        assertEquals(0.7f, Activation.fromConfig(keras2).apply(x).item(), 1e-6);
        assertEquals(1f / 6 + 0.5f, Activation.fromConfig(keras3).apply(x).item(), 1e-6);
        Map<String, Object> dense2 = Map.of("name", "d", "units", 1, "activation", "hard_sigmoid", "batch_input_shape", Arrays.asList(null, 1),
                "dtype", "float32", "kernel_initializer", Map.of("class_name", "Ones", "config", Map.of()));
        assertEquals(0.7f, Dense.fromConfig(dense2).apply(x).item(), 1e-6);
    }
}
