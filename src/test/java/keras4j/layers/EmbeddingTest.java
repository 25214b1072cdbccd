package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.autograd.GradientTape;
import keras4j.autograd.Variable;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import keras4j.utils.Names;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Embedding: the Keras.js cases (MIT data), masks, errors, gradients, configs. */
class EmbeddingTest {
    @BeforeEach
    void fresh() {
        Names.clearSession();
    }

    @Test
    void reproducesKerasJsCases() {
        List<Case> all = KerasJsFixtures.cases(KerasJsFixtures.ROOT + "layers/embeddings/", List.of("Embedding"));
        assertEquals(List.of("embeddings.Embedding.0", "embeddings.Embedding.1"), all.stream().map(Case::id).toList());
        Embedding[] layers = {new Embedding(5, 3).inputLength(7), new Embedding(20, 5).inputLength(10).maskZero(true)};
        int k = 0;
        for (Case c : all) {
            Embedding e = layers[k++];
            Tensor x = c.input();
            e.ensureBuilt(List.of(x.shape()));
            e.setWeights(List.of(c.weights().get(0)));
            Tensor out = e.apply(x);
            Tensor expected = c.expected();
            assertArrayEquals(expected.shape(), out.shape());
            assertTrue(out.allClose(expected, 1e-4f, 0f));
        }
    }

    @Test
    void maskIsInputsNotEqualZero() {
        Embedding e = new Embedding(4, 2).maskZero(true);
        Tensor x = Tensor.of(new float[] {1, 0, 3, 0, 0, 2}, 2, 3);
        e.apply(x);
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1}, Internal.array(e.computeMask(x, null)));
        assertNull(new Embedding(4, 2).computeMask(x, null));
    }

    @Test
    void outOfRangeIndexNamesValueAndInputDim() {
        Embedding e = new Embedding(4, 2);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.apply(Tensor.of(new float[] {1, 7}, 1, 2)));
        assertTrue(ex.getMessage().contains("7") && ex.getMessage().contains("input_dim=4"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.apply(Tensor.of(new float[] {-1}, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> e.apply(Tensor.of(new float[] {1.5f}, 1, 1)));
    }

    @Test
    void gradientAccumulatesOnRepeatedIndices() {
        Embedding e = new Embedding(3, 2).embeddingsInitializer("ones");
        Tensor x = Tensor.of(new float[] {1, 1, 2}, 1, 3);
        e.apply(x);
        Variable w = e.weights().get(0);
        List<Tensor> g;
        try (GradientTape tape = new GradientTape()) {
            Tensor loss = Ops.sum(e.apply(x));
            g = tape.gradient(loss, List.of(w.peek()));
        }
        assertArrayEquals(new float[] {0, 0, 2, 2, 1, 1}, Internal.array(g.get(0)));
    }

    @Test
    void defaultInitializerIsUniformFivePercent() {
        Embedding e = new Embedding(50, 40);
        e.apply(Tensor.of(new float[] {0}, 1, 1));
        Tensor w = e.getWeights().get(0);
        assertTrue(w.max().item() <= 0.05f && w.min().item() >= -0.05f && w.max().item() > 0.04f);
    }

    @Test
    void shapesAndConfigRoundTrip() {
        Embedding e = new Embedding(10, 4).maskZero(true).embeddingsRegularizer("l2");
        assertArrayEquals(new int[] {-1, 6, 4}, e.computeOutputShape(new int[] {-1, 6}));
        Map<String, Object> cfg = e.getConfig();
        assertEquals("RandomUniform", ((Map<?, ?>) cfg.get("embeddings_initializer")).get("class_name"));
        Embedding back = (Embedding) Layers.fromConfig("Embedding", cfg);
        assertEquals(cfg, back.getConfig());
        Map<String, Object> keras2 = new java.util.LinkedHashMap<>(Map.of("input_dim", 5, "output_dim", 3, "input_length", 7, "mask_zero", false, "name", "embedding_1"));
        Embedding k2 = Embedding.fromConfig(keras2);
        assertArrayEquals(new int[] {-1, 7}, k2.batchInputShape());
        assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 3));
    }
}
