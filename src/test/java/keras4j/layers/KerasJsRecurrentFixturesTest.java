package keras4j.layers;

import static keras4j.testing.KerasJsFixtures.assertCaseIds;
import static keras4j.testing.KerasJsFixtures.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.activations.Activations;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces the Keras.js recurrent cases (Keras 2.1 outputs, MIT-licensed data in
 * {@code keras-fixtures/kerasjs/layers/recurrent}): one RNN layer on a batch of one, weights in Keras order.
 * Keras 2's {@code hard_sigmoid} and GRU {@code reset_after=False}; stateful cases are the second of two calls.
 */
class KerasJsRecurrentFixturesTest {
    static final String DIR = KerasJsFixtures.ROOT + "layers/recurrent/";
    static final List<String> FILES = List.of("SimpleRNN", "LSTM", "GRU");
    static final Map<String, Supplier<BaseRNN<?>>> SETUPS = new LinkedHashMap<>();

    /** Case number → (return_sequences, go_backwards, stateful), from MANIFEST.md. */
    static final Map<String, boolean[]> FLAGS = Map.of("0", new boolean[] {false, false, false}, "1", new boolean[] {false, false, false},
            "3", new boolean[] {false, true, false}, "4", new boolean[] {true, true, false}, "6", new boolean[] {true, false, true},
            "7", new boolean[] {false, true, true});

    static {
        for (String n : List.of("0", "1", "3", "4", "6", "7")) {
            boolean[] f = FLAGS.get(n);
            boolean sigmoidCase = n.equals("1");
            int units = sigmoidCase ? 5 : 4;
            Object act = sigmoidCase ? "sigmoid" : "tanh";
            Object rec = sigmoidCase ? Activations.get("sigmoid") : Activations.get("hard_sigmoid", true);
            SETUPS.put("recurrent.SimpleRNN." + n, () -> new SimpleRNN(units).activation(act).returnSequences(f[0]).goBackwards(f[1]).stateful(f[2]));
            SETUPS.put("recurrent.LSTM." + n, () -> new LSTM(units).activation(act).recurrentActivation(rec).returnSequences(f[0]).goBackwards(f[1]).stateful(f[2]));
            SETUPS.put("recurrent.GRU." + n, () -> new GRU(units).resetAfter(false).activation(act).recurrentActivation(rec)
                    .returnSequences(f[0]).goBackwards(f[1]).stateful(f[2]));
        }
    }

    static Stream<Case> cases() {
        return KerasJsFixtures.cases(DIR, FILES).stream();
    }

    @Test
    void everyCaseOfEveryFileHasASetup() {
        assertCaseIds(SETUPS.keySet(), 18, cases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesKerasOutput(Case c) {
        BaseRNN<?> layer = SETUPS.get(c.id()).get();
        Tensor x = c.input();
        layer.ensureBuilt(List.of(x.shape()));
        layer.setWeights(c.weights());
        Tensor out = layer.apply(x);
        if (layer.stateful()) out = layer.apply(x);
        Tensor expected = c.expected();
        assertArrayEquals(expected.shape(), out.shape(), c.id() + " shape");
        assertArrayEquals(expected.shape(), layer.computeOutputShape(x.shape()), c.id() + " computed shape");
        assertElementsClose(expected, out, 1e-4, c.id());
        if (layer.stateful()) {
            layer.resetStates();
            Tensor first = layer.apply(x);
            assertTrue(!first.allClose(out, 1e-6f, 0f) || x.dim(1) == 0, c.id() + ": resetStates should restart from zeros");
        }
    }
}
