package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.testing.GradientChecker;
import keras4j.autograd.Variable;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation through time: analytic gradients (inputs and every weight) match central differences, with and without masks. */
class RnnGradientTest {
    static final Tensor MASK = Tensor.of(new float[] {1, 1, 0, 1, 0, 1, 1, 0}, 2, 4);

    static Stream<Arguments> cases() {
        Map<String, Supplier<Layer>> layers = new java.util.LinkedHashMap<>();
        layers.put("SimpleRNN", () -> new SimpleRNN(3).returnSequences(true));
        layers.put("SimpleRNN last", () -> new SimpleRNN(3));
        layers.put("LSTM", () -> new LSTM(3).returnSequences(true));
        layers.put("LSTM backwards last", () -> new LSTM(3).goBackwards(true));
        layers.put("GRU reset_after", () -> new GRU(3).returnSequences(true));
        layers.put("GRU reset_before", () -> new GRU(3).resetAfter(false).returnSequences(true));
        layers.put("GRU reset_before backwards", () -> new GRU(3).resetAfter(false).goBackwards(true).returnSequences(true));
        layers.put("Bidirectional LSTM concat", () -> new Bidirectional(new LSTM(2).returnSequences(true)));
        layers.put("Bidirectional GRU sum last", () -> new Bidirectional(new GRU(2)).mergeMode("sum"));
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, Supplier<Layer>> e : layers.entrySet()) {
            out.add(Arguments.of(e.getKey(), e.getValue(), false));
            out.add(Arguments.of(e.getKey() + " masked", e.getValue(), true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsThroughTimeMatchCentralDifferences(String name, Supplier<Layer> factory, boolean masked) {
        Names.clearSession();
        Seeds.setRandomSeed(11);
        Layer layer = factory.get();
        Tensor x = Tensor.randomNormal(3, 0, 1, 2, 4, 3);
        layer.ensureBuilt(List.of(x.shape()));
        // Non-zero biases so every term of the recurrence is exercised.
        for (Variable v : layer.weights()) if (v.name().equals("bias")) v.assign(Tensor.randomUniform(7, -0.5f, 0.5f, v.shape()));
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        for (Variable v : layer.weights()) inputs.add(v.peek());
        List<Tensor> masks = masked ? List.of(MASK) : null;
        GradientChecker.Result r = GradientChecker.check(in -> layer.invoke(List.of(in[0]), masks, false).get(0), 1e-2, inputs.toArray(new Tensor[0]));
        assertTrue(r.maxError() < 5e-3, name + ": " + r);
    }
}
