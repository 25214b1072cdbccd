package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.saving.Dl4jInputsAndOutputs;
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
        io.assertPredicts(model, name);
        BaseRNN<?> rnn = (BaseRNN<?>) model.layers().get(0);
        assertEquals(50, rnn.units());
        if (rnn instanceof LSTM) assertEquals("hard_sigmoid", ((java.util.Map<?, ?>) rnn.getConfig()).get("recurrent_activation"));
    }
}
