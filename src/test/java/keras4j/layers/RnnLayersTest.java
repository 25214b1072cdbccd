package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import keras4j.autograd.GradientChecker;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SimpleRNN, LSTM, GRU: shapes for every option, weight layouts, masking, goBackwards, states, dropout, configs. */
class RnnLayersTest {
    static final Map<String, IntFunction<BaseRNN<?>>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("SimpleRNN", SimpleRNN::new);
        KINDS.put("LSTM", LSTM::new);
        KINDS.put("GRU", GRU::new);
        KINDS.put("GRU(reset_after=False)", u -> new GRU(u).resetAfter(false));
    }

    @BeforeEach
    void fresh() {
        Names.clearSession();
        Seeds.setRandomSeed(3);
    }

    private static Tensor x() {
        return Tensor.randomNormal(1, 0, 1, 2, 5, 3);
    }

    @Test
    void outputShapesForEveryOptionCombination() {
        for (Map.Entry<String, IntFunction<BaseRNN<?>>> k : KINDS.entrySet()) {
            for (boolean seq : new boolean[] {false, true}) {
                for (boolean state : new boolean[] {false, true}) {
                    for (boolean back : new boolean[] {false, true}) {
                        for (boolean stateful : new boolean[] {false, true}) {
                            BaseRNN<?> l = k.getValue().apply(4).returnSequences(seq).returnState(state).goBackwards(back).stateful(stateful);
                            String what = k.getKey() + " seq=" + seq + " state=" + state + " back=" + back + " stateful=" + stateful;
                            List<Tensor> outs = l.apply(List.of(x()), false);
                            List<int[]> shapes = l.computeOutputShapes(List.of(new int[] {2, 5, 3}));
                            int n = state ? 1 + (l instanceof LSTM ? 2 : 1) : 1;
                            assertEquals(n, outs.size(), what);
                            assertEquals(n, shapes.size(), what);
                            for (int i = 0; i < n; i++) assertArrayEquals(shapes.get(i), outs.get(i).shape(), what + " output " + i);
                            assertArrayEquals(seq ? new int[] {2, 5, 4} : new int[] {2, 4}, outs.get(0).shape(), what);
                            if (state && !seq) assertTrue(outs.get(0).allClose(outs.get(1), 0, 0), what + ": last output is h");
                            assertArrayEquals(seq ? new int[] {-1, 7, 4} : new int[] {-1, 4}, l.computeOutputShape(new int[] {-1, 7, 3}), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void weightLayoutsFollowKeras() {
        Map<String, List<int[]>> expected = Map.of(
                "SimpleRNN", List.of(new int[] {3, 4}, new int[] {4, 4}, new int[] {4}),
                "LSTM", List.of(new int[] {3, 16}, new int[] {4, 16}, new int[] {16}),
                "GRU", List.of(new int[] {3, 12}, new int[] {4, 12}, new int[] {2, 12}),
                "GRU(reset_after=False)", List.of(new int[] {3, 12}, new int[] {4, 12}, new int[] {12}));
        for (Map.Entry<String, IntFunction<BaseRNN<?>>> k : KINDS.entrySet()) {
            BaseRNN<?> l = k.getValue().apply(4);
            l.apply(x());
            List<Tensor> ws = l.getWeights();
            assertEquals(3, ws.size(), k.getKey());
            for (int i = 0; i < 3; i++) assertArrayEquals(expected.get(k.getKey()).get(i), ws.get(i).shape(), k.getKey() + " weight " + i);
            assertEquals(List.of("kernel", "recurrent_kernel", "bias"), l.weights().stream().map(v -> v.name()).toList());
            assertTrue(l.saveableChildren().containsKey("cell"));
            assertTrue(l.ownVariables().isEmpty());
            BaseRNN<?> noBias = k.getValue().apply(4).useBias(false);
            noBias.apply(x());
            assertEquals(2, noBias.getWeights().size());
        }
        LSTM lstm = new LSTM(2);
        lstm.apply(x());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 0}, lstm.getWeights().get(2).data(), "unit_forget_bias");
        LSTM plain = new LSTM(2).unitForgetBias(false);
        plain.apply(x());
        assertEquals(0f, plain.getWeights().get(2).abs().sum().item());
        Tensor rk = lstm.getWeights().get(1);
        assertTrue(Ops.matmul(rk, Ops.transpose(rk)).allClose(Tensor.of(new float[] {1, 0, 0, 1}, 2, 2), 1e-4f, 0), "orthogonal recurrent kernel");
    }

    @Test
    void maskedStepsCarryStateAndRepeatOutput() {
        for (Map.Entry<String, IntFunction<BaseRNN<?>>> k : KINDS.entrySet()) {
            BaseRNN<?> l = k.getValue().apply(3).returnSequences(true).returnState(true);
            Tensor x = x();
            Tensor mask = Tensor.of(new float[] {0, 1, 0, 1, 1, 1, 1, 1, 0, 0}, 2, 5);
            List<Tensor> outs = l.invoke(List.of(x), List.of(mask), false);
            Tensor seq = outs.get(0);
            // Batch 0: first step masked → zeros; step 2 masked → repeats step 1.
            assertTrue(seq.slice(0, 0, 1).slice(1, 0, 1).abs().sum().item() == 0f, k.getKey());
            assertTrue(seq.slice(0, 0, 1).slice(1, 2, 3).allClose(seq.slice(0, 0, 1).slice(1, 1, 2), 0, 0), k.getKey());
            // Batch 1: trailing masked steps keep the last real output and state.
            assertTrue(seq.slice(0, 1, 2).slice(1, 4, 5).allClose(seq.slice(0, 1, 2).slice(1, 2, 3), 0, 0), k.getKey());
            // The same as running the unmasked prefix of batch 1.
            BaseRNN<?> prefix = k.getValue().apply(3).returnState(true);
            prefix.ensureBuilt(List.of(new int[] {1, 3, 3}));
            prefix.setWeights(l.getWeights());
            List<Tensor> p = prefix.apply(List.of(x.slice(0, 1, 2).slice(1, 0, 3)), false);
            assertTrue(p.get(1).allClose(outs.get(1).slice(0, 1, 2), 1e-6f, 0), k.getKey() + ": state");
            assertSame(mask, l.computeMask(x, mask));
            assertNull(k.getValue().apply(3).computeMask(x, mask));
        }
    }

    @Test
    void goBackwardsProcessesReversedSequenceAndKeepsProcessingOrder() {
        for (Map.Entry<String, IntFunction<BaseRNN<?>>> k : KINDS.entrySet()) {
            BaseRNN<?> back = k.getValue().apply(3).returnSequences(true).goBackwards(true);
            BaseRNN<?> fwd = k.getValue().apply(3).returnSequences(true);
            Tensor x = x();
            back.apply(x);
            fwd.ensureBuilt(List.of(x.shape()));
            fwd.setWeights(back.getWeights());
            Tensor reversed = Ops.take(x, new int[] {4, 3, 2, 1, 0}, 1);
            assertTrue(back.apply(x).allClose(fwd.apply(reversed), 1e-6f, 0), k.getKey());
        }
    }

    @Test
    void initialStatesAndStatefulCalls() {
        for (Map.Entry<String, IntFunction<BaseRNN<?>>> k : KINDS.entrySet()) {
            BaseRNN<?> l = k.getValue().apply(3).returnState(true);
            Tensor x = x();
            List<Tensor> first = l.apply(List.of(x), false);
            List<Tensor> withStates = new ArrayList<>(List.of(x));
            withStates.addAll(first.subList(1, first.size()));
            List<Tensor> second = l.apply(withStates, false);
            List<Tensor> zeros = new ArrayList<>(List.of(x));
            for (int i = 1; i < first.size(); i++) zeros.add(Tensor.zeros(2, 3));
            assertTrue(l.apply(zeros, false).get(0).allClose(first.get(0), 0, 0), k.getKey());
            assertFalse(second.get(0).allClose(first.get(0), 1e-6f, 0), k.getKey());

            BaseRNN<?> s = k.getValue().apply(3).stateful(true);
            s.ensureBuilt(List.of(x.shape()));
            s.setWeights(l.getWeights());
            assertTrue(s.apply(x).allClose(first.get(0), 1e-6f, 0));
            assertTrue(s.apply(x).allClose(second.get(0), 1e-6f, 0), k.getKey() + ": state carried to the next call");
            s.resetStates();
            assertNull(s.states());
            assertTrue(s.apply(x).allClose(first.get(0), 1e-6f, 0), k.getKey() + ": resetStates");
            assertThrows(IllegalArgumentException.class, () -> s.apply(Tensor.zeros(3, 5, 3)), "stateful batch size is fixed");
            assertThrows(IllegalArgumentException.class, () -> k.getValue().apply(3).stateful(true).build(new int[] {-1, 5, 3}));
        }
    }

    @Test
    void gradientFlowsIntoInitialStates() {
        LSTM l = new LSTM(2);
        Tensor x = Tensor.randomNormal(2, 0, 1, 1, 3, 2);
        l.apply(x);
        GradientChecker.Result r = GradientChecker.check(in -> l.apply(List.of(in[0], in[1], in[2]), false).get(0), 1e-2,
                x, Tensor.randomNormal(4, 0, 0.5f, 1, 2), Tensor.randomNormal(5, 0, 0.5f, 1, 2));
        assertTrue(r.maxError() < 5e-3, r.toString());
    }

    @Test
    void dropoutOnlyInTraining() {
        for (Map.Entry<String, IntFunction<BaseRNN<?>>> k : KINDS.entrySet()) {
            BaseRNN<?> d = k.getValue().apply(3).dropout(0.5).recurrentDropout(0.5).seed(1);
            BaseRNN<?> plain = k.getValue().apply(3);
            Tensor x = x();
            d.apply(x);
            plain.ensureBuilt(List.of(x.shape()));
            plain.setWeights(d.getWeights());
            assertTrue(d.apply(x, false).allClose(plain.apply(x), 0, 0), k.getKey());
            assertFalse(d.apply(x, true).allClose(plain.apply(x), 1e-6f, 0), k.getKey());
        }
        assertThrows(IllegalArgumentException.class, () -> new LSTM(2).dropout(1.5));
        assertThrows(IllegalArgumentException.class, () -> new GRU(0));
    }

    @Test
    void rejectsInputsThatAreNotSequences() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LSTM(2).apply(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("ndim=3"), e.getMessage());
    }

    @Test
    void configsRoundTrip() {
        List<BaseRNN<?>> layers = List.of(
                new SimpleRNN(3).activation("relu").useBias(false).returnSequences(true).goBackwards(true).dropout(0.1).kernelRegularizer("l2"),
                new LSTM(4).recurrentActivation("hard_sigmoid").unitForgetBias(false).returnState(true).stateful(true).recurrentDropout(0.2).seed(7)
                        .recurrentConstraint("non_neg").biasInitializer("ones"),
                new GRU(2).resetAfter(false).recurrentActivation("tanh").recurrentRegularizer("l1").kernelInitializer("he_normal"));
        for (BaseRNN<?> l : layers) {
            Map<String, Object> cfg = l.getConfig();
            BaseRNN<?> back = (BaseRNN<?>) Layers.fromConfig(l.className(), cfg);
            assertEquals(cfg, back.getConfig(), l.className());
        }
        Map<String, Object> gru = new GRU(2).getConfig();
        assertEquals(true, gru.get("reset_after"));
        assertEquals("sigmoid", gru.get("recurrent_activation"));
        assertEquals("Orthogonal", ((Map<?, ?>) gru.get("recurrent_initializer")).get("class_name"));
    }

    @Test
    void keras2ConfigsKeepKeras2Semantics() {
        Map<String, Object> gruCfg = new LinkedHashMap<>(Map.of("name", "gru_1", "units", 2, "recurrent_activation", "hard_sigmoid",
                "activation", "tanh", "dtype", "float32", "batch_input_shape", List.of(1, 3, 2), "implementation", 1));
        GRU g = (GRU) Layers.fromConfig("GRU", gruCfg);
        assertEquals(false, g.getConfig().get("reset_after"));
        g.apply(Tensor.zeros(1, 3, 2));
        assertArrayEquals(new int[] {6}, g.getWeights().get(2).shape());
        // Keras 2's hard_sigmoid is clip(0.2x + 0.5): at x = 2 it is 0.9 (Keras 3's gives 5/6).
        LSTM l = (LSTM) Layers.fromConfig("LSTM", new LinkedHashMap<>(Map.of("name", "lstm_1", "units", 1, "recurrent_activation", "hard_sigmoid",
                "activation", "linear", "use_bias", false, "dtype", "float32", "batch_input_shape", List.of(1, 1, 1))));
        l.apply(Tensor.zeros(1, 1, 1));
        l.setWeights(List.of(Tensor.full(2f, 1, 4), Tensor.zeros(1, 4)));
        float h = l.apply(Tensor.ones(1, 1, 1)).item();
        // c = i·g = 0.9·2, h = o·c = 0.9·1.8
        assertEquals(0.9f * 1.8f, h, 1e-6f);
    }

    @Test
    void functionalEncoderDecoderPassesStatesAsInputs() {
        keras4j.layers.KerasTensor enc = keras4j.layers.Input.of(5, 3), dec = keras4j.layers.Input.of(4, 2);
        List<keras4j.layers.KerasTensor> encOut = new LSTM(6).returnState(true).apply(List.of(enc));
        assertEquals(3, encOut.size());
        LSTM decoder = new LSTM(6).returnSequences(true);
        keras4j.layers.KerasTensor seq = decoder.apply(List.of(dec, encOut.get(1), encOut.get(2))).get(0);
        assertArrayEquals(new int[] {-1, 4, 6}, seq.dims());
        keras4j.models.Model m = new keras4j.models.Model(List.of(enc, dec), List.of(seq), "seq2seq");
        Tensor a = Tensor.randomNormal(5, 0, 1, 2, 5, 3), b = Tensor.randomNormal(6, 0, 1, 2, 4, 2);
        Tensor y = m.predict(List.of(a, b), 32, 0).get(0);
        assertArrayEquals(new int[] {2, 4, 6}, y.shape());
        LSTM alone = new LSTM(6).returnSequences(true);
        alone.ensureBuilt(List.of(b.shape()));
        alone.setWeights(decoder.getWeights());
        assertFalse(alone.apply(b).allClose(y, 1e-6f, 0), "the encoder's states must reach the decoder");
    }

    @Test
    void parameterCountsAndSummaryMatchKeras() {
        keras4j.models.Sequential m = new keras4j.models.Sequential();
        m.add(new keras4j.layers.Embedding(20, 3).inputShape(7));
        m.add(new Bidirectional(new LSTM(4).returnSequences(true)));
        m.add(new GRU(5).returnSequences(true));
        m.add(new SimpleRNN(2).returnSequences(true));
        m.add(new TimeDistributed(new keras4j.layers.Dense(1)));
        m.add(new GRU(3).resetAfter(false));
        List<Long> counts = m.layers().stream().map(l -> l.countParams()).toList();
        assertEquals(List.of(60L, 2L * 4 * 4 * (3 + 4 + 1), 3L * 5 * (8 + 5 + 2), 2L * (5 + 2 + 1), 2L * 1 + 1, 3L * 3 * (1 + 3 + 1)), counts);
        String text = m.summaryString(keras4j.models.SummaryStyle.values()[0]);
        assertTrue(text.contains("Bidirectional") && text.contains("(None, 7, 8)"), text);
    }
}
