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

/** Cropping1D/2D/3D: values, shapes, channels_first, gradients, configs and errors. */
class CroppingTest {

    @Test
    void crops1D2D3D() {
        Tensor x = Tensor.arange(6).reshape(1, 6, 1);
        assertArrayEquals(new float[] {1, 2, 3, 4}, Internal.array(new Cropping1D().apply(x)));
        assertArrayEquals(new float[] {2, 3, 4}, Internal.array(new Cropping1D(2, 1).apply(x)));
        Tensor img = Tensor.arange(16).reshape(1, 4, 4, 1);
        Tensor y = new Cropping2D(new int[][] {{1, 0}, {0, 2}}).apply(img);
        assertArrayEquals(new int[] {1, 3, 2, 1}, y.shape());
        assertArrayEquals(new float[] {4, 5, 8, 9, 12, 13}, Internal.array(y));
        Tensor cf = new Cropping2D(1).dataFormat("channels_first").apply(img.reshape(1, 1, 4, 4));
        assertArrayEquals(new float[] {5, 6, 9, 10}, Internal.array(cf));
        assertArrayEquals(new int[] {-1, 2, 1, 3, 5}, new Cropping3D().computeOutputShape(new int[] {-1, 4, 3, 5, 5}));
        assertArrayEquals(new int[] {2, 2, 1, 3, 5}, new Cropping3D().apply(Tensor.ones(2, 4, 3, 5, 5)).shape());
        assertArrayEquals(new int[] {-1, 5, 2, 1, -1}, new Cropping3D(0, 1, 2).dataFormat("channels_first").computeOutputShape(new int[] {-1, 5, 2, 3, -1}));
    }

    @Test
    void gradients() {
        GradientChecker.assertGradients(t -> new Cropping2D(new int[][] {{1, 0}, {1, 1}}).apply(t[0]), 1e-2, Tensor.randomUniform(1, -1, 1, 2, 3, 4, 2));
        GradientChecker.assertGradients(t -> new Cropping1D(1, 2).apply(t[0]), 1e-2, Tensor.randomUniform(2, -1, 1, 2, 5, 2));
    }

    @Test
    void configsAndErrors() {
        assertEquals(List.of(1, 1), new Cropping1D().getConfig().get("cropping"));
        assertEquals(List.of(List.of(0, 0), List.of(0, 0)), new Cropping2D().getConfig().get("cropping"));
        assertEquals(List.of(List.of(1, 1), List.of(1, 1), List.of(1, 1)), new Cropping3D().getConfig().get("cropping"));
        for (Layer l : List.<Layer>of(new Cropping1D(2, 3), new Cropping2D(new int[][] {{1, 2}, {3, 4}}).dataFormat("channels_first"), new Cropping3D(1, 0, 2))) {
            Map<String, Object> cfg = l.getConfig();
            Layer copy = Layers.fromConfig(l.className(), Json.readObject(Json.write(cfg)));
            assertEquals(Json.write(cfg), Json.write(copy.getConfig()));
        }
        Cropping2D k2 = Cropping2D.fromConfig(Json.readObject("{\"name\": \"c\", \"cropping\": [[2, 2], [1, 1]], \"data_format\": \"channels_last\"}"));
        assertEquals(2, k2.cropping()[0][1]);
        Cropping2D big = new Cropping2D(2).name("crop_x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> big.computeOutputShape(new int[] {-1, 4, 5, 1}));
        assertTrue(e.getMessage().contains("crop_x") && e.getMessage().contains("cropping=((2, 2), (2, 2))"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> big.apply(Tensor.zeros(1, 4, 5, 1)));
    }
}
