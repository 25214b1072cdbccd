package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.testing.GradientChecker;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** ZeroPadding1D/2D/3D: values, shapes, padding forms, channels_first, gradients and configs. */
class ZeroPaddingTest {

    @Test
    void pads1DWithZeros() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2);
        Tensor y = new ZeroPadding1D(1, 2).apply(x);
        assertArrayEquals(new int[] {1, 5, 2}, y.shape());
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4, 0, 0, 0, 0}, Internal.array(y));
        assertArrayEquals(new int[] {-1, 12, 3}, new ZeroPadding1D().computeOutputShape(new int[] {-1, 10, 3}));
    }

    @Test
    void pads2DAnd3DInBothFormats() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
        Tensor y = new ZeroPadding2D(new int[][] {{1, 0}, {0, 1}}).apply(x);
        assertArrayEquals(new int[] {1, 3, 3, 1}, y.shape());
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 0, 3, 4, 0}, Internal.array(y));
        Tensor cf = new ZeroPadding2D(1, 0).dataFormat("channels_first").apply(x.reshape(1, 1, 2, 2));
        assertArrayEquals(new int[] {1, 1, 4, 2}, cf.shape());
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4, 0, 0}, Internal.array(cf));
        assertArrayEquals(new int[] {-1, 4, 6, 8, 2}, new ZeroPadding3D(1, 2, 3).computeOutputShape(new int[] {-1, 2, 2, 2, 2}));
        Tensor z = new ZeroPadding3D().apply(Tensor.ones(2, 1, 2, 3, 4));
        assertArrayEquals(new int[] {2, 3, 4, 5, 4}, z.shape());
        assertEquals(2 * 1 * 2 * 3 * 4, z.sum().item(), 0);
        assertArrayEquals(new int[] {-1, 3, 4, 5, -1}, new ZeroPadding3D().dataFormat("channels_first").computeOutputShape(new int[] {-1, 3, 2, 3, -1}));
    }

    @Test
    void gradients() {
        Tensor x = Tensor.randomUniform(1, -1, 1, 2, 3, 2, 2);
        GradientChecker.assertGradients(t -> new ZeroPadding2D(new int[][] {{1, 2}, {0, 1}}).apply(t[0]), 1e-2, x);
        GradientChecker.assertGradients(t -> new ZeroPadding1D(2).apply(t[0]), 1e-2, Tensor.randomUniform(2, -1, 1, 2, 3, 2));
    }

    @Test
    void configsAndErrors() {
        Map<String, Object> c = new ZeroPadding2D(1, 2).getConfig();
        assertEquals(List.of(List.of(1, 1), List.of(2, 2)), c.get("padding"));
        assertEquals(List.of(3, 4), new ZeroPadding1D(3, 4).getConfig().get("padding"));
        for (Layer l : List.<Layer>of(new ZeroPadding1D(2), new ZeroPadding2D(new int[][] {{1, 2}, {3, 4}}).dataFormat("channels_first"), new ZeroPadding3D(1, 0, 2))) {
            Map<String, Object> cfg = l.getConfig();
            Layer copy = Layers.fromConfig(l.className(), Json.readObject(Json.write(cfg)));
            assertEquals(Json.write(cfg), Json.write(copy.getConfig()));
        }
        ZeroPadding2D k2 = ZeroPadding2D.fromConfig(Json.readObject("{\"name\": \"zp\", \"trainable\": true, \"padding\": [[1, 1], [2, 2]], \"data_format\": \"channels_last\"}"));
        assertEquals(2, k2.padding()[1][0]);
        ZeroPadding1D k1 = ZeroPadding1D.fromConfig(Json.readObject("{\"name\": \"zp1\", \"padding\": 3}"));
        assertArrayEquals(new int[] {3, 3}, k1.padding()[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ZeroPadding2D(-1));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ZeroPadding2D.fromConfig(Json.readObject("{\"padding\": [1, 2, 3]}")));
        assertTrue(e.getMessage().contains("padding=[1, 2, 3]"), e.getMessage());
    }
}
