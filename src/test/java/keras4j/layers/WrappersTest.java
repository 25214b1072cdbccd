package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keras4j.models.Model;
import keras4j.models.Models;
import keras4j.models.Sequential;
import keras4j.ops.Ops;
import keras4j.saving.KerasArchive;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bidirectional and TimeDistributed: merging, reversal, masks, shapes, configs and Keras 3 weight paths. */
class WrappersTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fresh() {
        Names.clearSession();
        Seeds.setRandomSeed(9);
    }

    private static Tensor x() {
        return Tensor.randomNormal(1, 0, 1, 2, 4, 3);
    }

    @Test
    void bidirectionalMatchesForwardPlusReversedBackward() {
        Bidirectional b = new Bidirectional(new LSTM(3).returnSequences(true));
        Tensor x = x();
        Tensor y = b.apply(x);
        assertArrayEquals(new int[] {2, 4, 6}, y.shape());
        assertEquals("forward_lstm", b.forwardLayer().name());
        assertEquals("backward_lstm", b.backwardLayer().name());
        assertTrue(b.backwardLayer().goBackwards());
        LSTM f = new LSTM(3).returnSequences(true), r = new LSTM(3).returnSequences(true);
        f.ensureBuilt(List.of(x.shape()));
        r.ensureBuilt(List.of(x.shape()));
        f.setWeights(b.forwardLayer().getWeights());
        r.setWeights(b.backwardLayer().getWeights());
        int[] rev = {3, 2, 1, 0};
        Tensor back = Ops.take(r.apply(Ops.take(x, rev, 1)), rev, 1);
        assertTrue(y.allClose(Ops.concatenate(-1, f.apply(x), back), 1e-6f, 0));
        assertEquals(6, b.weights().size());
        assertEquals(List.of("forward_layer", "backward_layer"), List.copyOf(b.saveableChildren().keySet()));
    }

    @Test
    void mergeModesAndShapes() {
        Tensor x = x();
        for (String mode : new String[] {"concat", "sum", "mul", "ave", "none"}) {
            for (boolean seq : new boolean[] {false, true}) {
                for (boolean state : new boolean[] {false, true}) {
                    Names.clearSession();
                    Bidirectional b = new Bidirectional(new GRU(2).returnSequences(seq).returnState(state)).mergeMode(mode);
                    List<Tensor> outs = b.apply(List.of(x), false);
                    List<int[]> shapes = b.computeOutputShapes(List.of(new int[] {2, 4, 3}));
                    String what = mode + " seq=" + seq + " state=" + state;
                    assertEquals(shapes.size(), outs.size(), what);
                    for (int i = 0; i < outs.size(); i++) assertArrayEquals(shapes.get(i), outs.get(i).shape(), what + " output " + i);
                    int n = (mode.equals("none") ? 2 : 1) + (state ? 2 : 0);
                    assertEquals(n, outs.size(), what);
                    if (mode.equals("none")) continue;
                    List<Tensor> parts = new Bidirectional(new GRU(2).returnSequences(seq)).mergeMode("none").apply(List.of(x), false);
                    assertEquals(2, parts.size());
                }
            }
        }
        Bidirectional ave = new Bidirectional(new SimpleRNN(2)).mergeMode("ave");
        Tensor y = ave.apply(x);
        Bidirectional none = new Bidirectional(new SimpleRNN(2)).mergeMode("none");
        none.apply(x);
        none.setWeights(ave.getWeights());
        List<Tensor> p = none.apply(List.of(x), false);
        assertTrue(y.allClose(Ops.multiply(Ops.add(p.get(0), p.get(1)), 0.5f), 1e-6f, 0));
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2)).mergeMode("max"));
    }

    @Test
    void bidirectionalMasksAndZeroOutputForSequences() {
        Bidirectional b = new Bidirectional(new LSTM(2).returnSequences(true));
        Tensor x = x();
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 0, 0}, 2, 4);
        Tensor y = b.invoke(List.of(x), List.of(mask), false).get(0);
        // As Keras: inside Bidirectional, masked steps of returned sequences are zeros.
        assertEquals(0f, y.slice(0, 0, 1).slice(1, 3, 4).abs().sum().item());
        assertEquals(0f, y.slice(0, 1, 2).slice(1, 2, 4).abs().sum().item());
        assertSame(mask, b.computeMask(x, mask));
        // Backward direction of batch 1 starts at its last real step: equal to running on the 2-step prefix.
        Bidirectional prefix = new Bidirectional(new LSTM(2).returnSequences(true));
        prefix.apply(x);
        prefix.setWeights(b.getWeights());
        Tensor p = prefix.apply(x.slice(0, 1, 2).slice(1, 0, 2));
        assertTrue(p.allClose(y.slice(0, 1, 2).slice(1, 0, 2), 1e-6f, 0));
        assertNull(new Bidirectional(new LSTM(2)).computeMask(x, mask));
    }

    @Test
    void bidirectionalInitialStates() {
        Bidirectional b = new Bidirectional(new LSTM(2));
        Tensor x = x();
        Tensor y = b.apply(x);
        Tensor z = Tensor.zeros(2, 2);
        assertTrue(b.apply(List.of(x, z, z, z, z), false).get(0).allClose(y, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.apply(List.of(x, z), false));
    }

    @Test
    void timeDistributedFoldsTimeIntoBatch() {
        Dense d = new Dense(5);
        TimeDistributed td = new TimeDistributed(d);
        Tensor x = x();
        Tensor y = td.apply(x);
        assertArrayEquals(new int[] {2, 4, 5}, y.shape());
        assertArrayEquals(new int[] {-1, 7, 5}, td.computeOutputShape(new int[] {-1, 7, 3}));
        assertTrue(y.allClose(d.apply(x), 1e-6f, 0));
        Tensor mask = Tensor.ones(2, 4);
        assertSame(mask, td.computeMask(x, mask));
        assertEquals(2, td.weights().size());
        assertSame(d, td.saveableChildren().get("layer"));
        assertThrows(IllegalArgumentException.class, () -> new TimeDistributed(new Dense(2)).apply(Tensor.zeros(2, 3)));
    }

    @Test
    void wrapperConfigsRoundTrip() {
        Bidirectional b = new Bidirectional(new GRU(3).returnSequences(true).resetAfter(false)).mergeMode("sum");
        b.apply(x());
        Map<String, Object> cfg = b.getConfig();
        Bidirectional back = (Bidirectional) Layers.fromConfig("Bidirectional", cfg);
        assertEquals(cfg.get("merge_mode"), back.getConfig().get("merge_mode"));
        assertEquals("backward_gru", back.backwardLayer().name());
        assertTrue(back.backwardLayer().goBackwards());
        back.apply(x());
        back.setWeights(b.getWeights());
        assertTrue(back.apply(x()).allClose(b.apply(x()), 0, 0));
        // Keras 2 form: "layer" only.
        Map<String, Object> keras2 = new java.util.LinkedHashMap<>(Map.of("name", "bidirectional_1", "merge_mode", "concat",
                "layer", Map.of("class_name", "LSTM", "config", Map.of("name", "lstm_1", "units", 2, "dtype", "float32"))));
        Bidirectional k2 = (Bidirectional) Layers.fromConfig("Bidirectional", keras2);
        assertArrayEquals(new int[] {-1, 4}, k2.computeOutputShape(new int[] {-1, 5, 3}));
        TimeDistributed td = new TimeDistributed(new Dense(2).activation("relu"));
        Map<String, Object> tcfg = td.getConfig();
        assertEquals(tcfg.get("layer").toString(), ((TimeDistributed) Layers.fromConfig("TimeDistributed", tcfg)).getConfig().get("layer").toString());
    }

    @Test
    void kerasArchiveKeepsRnnWeightsUnderKeras3Paths() throws Exception {
        KerasTensor in = Input.of(4, 3);
        KerasTensor h = new Bidirectional(new LSTM(3).returnSequences(true)).apply(in);
        h = new TimeDistributed(new Dense(2)).apply(h);
        KerasTensor out = new Dense(1).apply(new GRU(2).apply(h));
        Model model = new Model(List.of(in), List.of(out), "rnn_model");
        Path file = dir.resolve("rnn.keras");
        model.save(file.toString());
        List<String> paths = List.copyOf(KerasArchive.read(file).weights().paths());
        assertTrue(paths.contains("layers/bidirectional/forward_layer/cell/vars/0"), paths.toString());
        assertTrue(paths.contains("layers/bidirectional/backward_layer/cell/vars/2"), paths.toString());
        assertTrue(paths.contains("layers/time_distributed/layer/vars/1"), paths.toString());
        assertTrue(paths.contains("layers/gru/cell/vars/2"), paths.toString());
        Model loaded = Models.load(file);
        Tensor x = x();
        assertTrue(model.predict(x).allClose(loaded.predict(x), 0, 0));
    }

    @Test
    void paddingDoesNotChangeMaskedClassifierOutput() {
        for (boolean useEmbedding : new boolean[] {true, false}) {
            Names.clearSession();
            Sequential model = new Sequential();
            if (useEmbedding) model.add(new keras4j.layers.Embedding(10, 4).maskZero(true).inputShape(-1));
            else model.add(new keras4j.layers.Masking().inputShape(-1, 1));
            model.add(new LSTM(5));
            model.add(new Dense(2).activation("softmax"));
            float[] seq = {3, 7, 1, 9};
            Tensor base = sequences(seq, 0, 0, useEmbedding);
            Tensor out = model.predict(base);
            for (int pre : new int[] {0, 2}) {
                for (int post : new int[] {0, 1, 3}) {
                    Tensor padded = sequences(seq, pre, post, useEmbedding);
                    assertTrue(model.predict(padded).allClose(out, 1e-6f, 0), "embedding=" + useEmbedding + " pre=" + pre + " post=" + post);
                }
            }
            // Without the mask the padding would matter.
            Sequential unmasked = new Sequential();
            unmasked.add(new LSTM(5).inputShape(-1, 1));
            Tensor ones = sequences(seq, 0, 0, false);
            assertTrue(!unmasked.predict(ones).allClose(unmasked.predict(sequences(seq, 0, 3, false)), 1e-6f, 0));
        }
    }

    @Test
    void explicitBackwardLayerIsChecked() {
        Bidirectional b = new Bidirectional(new LSTM(2).returnSequences(true), new GRU(3).returnSequences(true).goBackwards(true));
        assertArrayEquals(new int[] {2, 4, 5}, b.apply(x()).shape());
        assertArrayEquals(new int[] {-1, 4, 5}, b.computeOutputShape(new int[] {-1, 4, 3}));
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2), new LSTM(2)));
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2), new LSTM(2).goBackwards(true).returnSequences(true)));
    }

    private static Tensor sequences(float[] seq, int pre, int post, boolean indices) {
        float[] d = new float[pre + seq.length + post];
        System.arraycopy(seq, 0, d, pre, seq.length);
        return indices ? Tensor.of(d, 1, d.length) : Tensor.of(d, 1, d.length, 1);
    }
}
