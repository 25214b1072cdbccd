package keras4j.layers.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.saving.Dl4jInputsAndOutputs;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DL4J Keras 2.1.3 {@code rnn/} models (Apache-2.0 data): SimpleRNN / LSTM (Keras 2 hard_sigmoid) with a fixed
 * batch of 25 and one timestep load through {@link Models#load} and reproduce Keras's {@code predictions}.
 */
class Dl4jRnnModelsTest {
    @BeforeEach
    void fresh() {
        Names.clearSession();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple_rnn_tf_keras_2", "simple_flatten_rnn_tf_keras_2", "simple_flatten_lstm_tf_keras_2"})
    void reproducesKerasPredictions(String name) throws Exception {
        Path modelFile = Path.of(getClass().getResource("/keras-fixtures/dl4j/rnn/" + name + "_model.h5").toURI());
        Dl4jInputsAndOutputs io = Dl4jInputsAndOutputs.read(Dl4jInputsAndOutputs.companionOf(modelFile));
        Model model = Models.load(modelFile);
        Tensor x = io.inputs().get(io.inputNames().get(0));
        Tensor expected = io.predictions().get(io.outputNames().get(0));
        Tensor got = model.predict(x);
        assertArrayEquals(expected.shape(), got.shape());
        assertTrue(got.allClose(expected, 1e-5f, 1e-5f), name + ": predictions differ from Keras's");
        BaseRNN<?> rnn = (BaseRNN<?>) model.layers().get(0);
        assertEquals(50, rnn.units());
        if (rnn instanceof LSTM) assertEquals("hard_sigmoid", ((java.util.Map<?, ?>) rnn.getConfig()).get("recurrent_activation"));
    }
}
