package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.testing.GradientChecker;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** Output shapes, configs (Keras 3 keys, round trips, Keras 2 configs), masks, errors and gradients of the pooling layers. */
class PoolingLayersTest {

    @Test
    void outputShapes() {
        assertArrayEquals(new int[] {-1, 5, 3}, new MaxPooling1D().computeOutputShape(new int[] {-1, 10, 3}));
        assertArrayEquals(new int[] {-1, 4, 3}, new MaxPooling1D(3).strides(2).padding("valid").computeOutputShape(new int[] {-1, 10, 3}));
        assertArrayEquals(new int[] {2, 4, 3}, new AveragePooling1D(2).padding("same").computeOutputShape(new int[] {2, 7, 3}));
        assertArrayEquals(new int[] {-1, 3, 16, 16}, new MaxPooling2D().dataFormat("channels_first").computeOutputShape(new int[] {-1, 3, 32, 33}));
        assertArrayEquals(new int[] {-1, -1, 11, 4}, new AveragePooling2D(3).padding("same").computeOutputShape(new int[] {-1, -1, 32, 4}));
        assertArrayEquals(new int[] {1, 2, 2, 1, 5}, new MaxPooling3D(2, 2, 3).computeOutputShape(new int[] {1, 4, 5, 3, 5}));
        assertArrayEquals(new int[] {-1, 4}, new GlobalMaxPooling2D().computeOutputShape(new int[] {-1, 6, 6, 4}));
        assertArrayEquals(new int[] {-1, 1, 1, 4}, new GlobalAveragePooling2D().keepdims(true).computeOutputShape(new int[] {-1, 6, 6, 4}));
        assertArrayEquals(new int[] {-1, 3, 1, 1, 1}, new GlobalAveragePooling3D().dataFormat("channels_first").keepdims(true).computeOutputShape(new int[] {-1, 3, 2, 2, 2}));
        assertArrayEquals(new int[] {-1, 3}, new GlobalMaxPooling1D().dataFormat("channels_first").computeOutputShape(new int[] {-1, 3, 9}));
        Tensor y = new GlobalMaxPooling1D().keepdims(true).apply(Tensor.randomUniform(1, 0, 1, 2, 5, 3));
        assertArrayEquals(new int[] {2, 1, 3}, y.shape());
    }

    @Test
    void configsUseKeras3KeysAndRoundTrip() {
        MaxPooling2D m = new MaxPooling2D(3, 2).strides(1).padding("SAME").dataFormat("channels_first").name("mp");
        Map<String, Object> c = m.getConfig();
        assertEquals(List.of("name", "trainable", "dtype", "pool_size", "padding", "strides", "data_format"), List.copyOf(c.keySet()));
        assertEquals(List.of(3, 2), c.get("pool_size"));
        assertEquals(List.of(1, 1), c.get("strides"));
        assertEquals("same", c.get("padding"));
        for (Layer l : List.<Layer>of(m, new MaxPooling1D(), new AveragePooling1D(3).strides(2), new AveragePooling3D(2, 1, 2), new MaxPooling3D(),
                new AveragePooling2D(2), new GlobalAveragePooling1D().keepdims(true), new GlobalMaxPooling3D().dataFormat("channels_first"),
                new GlobalMaxPooling1D(), new GlobalMaxPooling2D(), new GlobalAveragePooling2D(), new GlobalAveragePooling3D())) {
            Map<String, Object> cfg = l.getConfig();
            Layer copy = Layers.fromConfig(l.className(), Json.readObject(Json.write(cfg)));
            assertEquals(l.getClass(), copy.getClass());
            assertEquals(Json.write(cfg), Json.write(copy.getConfig()));
        }
        assertEquals(List.of(2), new MaxPooling1D().getConfig().get("strides"));
        Map<String, Object> g = new GlobalAveragePooling2D().getConfig();
        assertEquals("channels_last", g.get("data_format"));
        assertEquals(false, g.get("keepdims"));
    }

    @Test
    void readsKeras2Configs() {
        MaxPooling2D k2 = MaxPooling2D.fromConfig(Json.readObject(
                "{\"name\": \"max_pooling2d_1\", \"trainable\": true, \"dtype\": \"float32\", \"pool_size\": [2, 2], \"padding\": \"valid\", \"strides\": [2, 2], \"data_format\": \"channels_last\"}"));
        assertArrayEquals(new int[] {2, 2}, k2.poolSize());
        MaxPooling1D k1 = MaxPooling1D.fromConfig(Json.readObject("{\"name\": \"mp\", \"pool_size\": 3, \"strides\": null, \"padding\": \"same\"}"));
        assertArrayEquals(new int[] {3}, k1.strides());
        assertEquals("same", k1.padding());
        GlobalAveragePooling1D ga = GlobalAveragePooling1D.fromConfig(Json.readObject("{\"name\": \"g\", \"trainable\": true, \"data_format\": \"channels_last\"}"));
        assertEquals(false, ga.keepdims());
        assertThrows(IllegalArgumentException.class, () -> AveragePooling2D.fromConfig(Config.of("name", "a")));
    }

    @Test
    void errorsNameTheArgumentAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(2, 0));
        assertTrue(e.getMessage().contains("pool_size=(2, 0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(2, 2, 2));
        assertTrue(e.getMessage().contains("must be a tuple of 2 integers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AveragePooling1D());
        assertTrue(e.getMessage().contains("pool_size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling1D().padding("causal"));
        assertTrue(e.getMessage().contains("causal"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling1D().dataFormat("nhwc"));
        assertTrue(e.getMessage().contains("data_format=nhwc"), e.getMessage());
        MaxPooling2D layer = new MaxPooling2D().name("pool_x");
        e = assertThrows(IllegalArgumentException.class, () -> layer.apply(Tensor.zeros(1, 4, 4)));
        assertTrue(e.getMessage().contains("pool_x") && e.getMessage().contains("expected ndim=4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(5).computeOutputShape(new int[] {-1, 4, 4, 1}));
        assertTrue(e.getMessage().contains("pool_size=(5, 5)"), e.getMessage());
    }

    @Test
    void globalAveragePooling1DAveragesUnmaskedSteps() {
        Tensor x = Tensor.of(new float[] {1, 10, 3, 30, 5, 50, 7, 70}, 2, 2, 2).reshape(1, 4, 2);
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 0}, 1, 4);
        GlobalAveragePooling1D gap = new GlobalAveragePooling1D();
        Tensor y = gap.invoke(List.of(x), List.of(mask), false).get(0);
        assertArrayEquals(new float[] {3, 30}, Internal.array(y), 1e-6f);
        assertNull(gap.computeMask(x, mask));
        Tensor cf = new GlobalAveragePooling1D().dataFormat("channels_first").keepdims(true)
                .invoke(List.of(x.permute(0, 2, 1)), List.of(mask), false).get(0);
        assertArrayEquals(new int[] {1, 2, 1}, cf.shape());
        assertArrayEquals(new float[] {3, 30}, Internal.array(cf), 1e-6f);
        assertArrayEquals(new float[] {4, 40}, Internal.array(gap.apply(x)), 1e-6f);
    }

    @Test
    void gradientsFlowThroughEveryPoolingLayer() {
        Tensor x1 = distinct(2, 6, 3);
        Tensor x2 = distinct(2, 5, 4, 2);
        Tensor x3 = distinct(1, 4, 3, 4, 2);
        for (Layer l : List.<Layer>of(new MaxPooling1D(2).strides(1).padding("same"), new AveragePooling1D(3).padding("same"), new GlobalMaxPooling1D(), new GlobalAveragePooling1D())) {
            GradientChecker.assertGradients(t -> l.apply(t[0]), 1e-2, x1);
        }
        for (Layer l : List.<Layer>of(new MaxPooling2D(2).padding("same"), new AveragePooling2D(2, 2).strides(1).dataFormat("channels_first"), new GlobalMaxPooling2D(), new GlobalAveragePooling2D())) {
            GradientChecker.assertGradients(t -> l.apply(t[0]), 1e-2, x2);
        }
        for (Layer l : List.<Layer>of(new MaxPooling3D(2).padding("same"), new AveragePooling3D(2, 2, 3).strides(1), new GlobalMaxPooling3D(), new GlobalAveragePooling3D().dataFormat("channels_first"))) {
            GradientChecker.assertGradients(t -> l.apply(t[0]), 1e-2, x3);
        }
    }

    /** Values spaced 0.05 apart in shuffled order, so max pooling has no near-ties within the checker's step. */
    static Tensor distinct(int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (i - n / 2) * 0.05f;
        java.util.Random r = new java.util.Random(5);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = v[i]; v[i] = v[j]; v[j] = t;
        }
        return Tensor.wrap(v, shape);
    }
}
