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

/** UpSampling1D/2D/3D: nearest repetition, bilinear (TensorFlow half-pixel) values, shapes, gradients, configs. */
class UpSamplingTest {

    @Test
    void nearestRepeats() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2);
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, Internal.array(new UpSampling1D(3).apply(x)));
        Tensor img = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
        Tensor y = new UpSampling2D(2, 1).apply(img);
        assertArrayEquals(new int[] {1, 4, 2, 1}, y.shape());
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, Internal.array(y));
        Tensor cf = new UpSampling2D().dataFormat("channels_first").apply(img.reshape(1, 1, 2, 2));
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, Internal.array(cf));
        assertArrayEquals(new int[] {-1, 4, 6, 2, 3}, new UpSampling3D(2, 3, 1).computeOutputShape(new int[] {-1, 2, 2, 2, 3}));
        assertArrayEquals(new int[] {1, 4, 4, 4, 1}, new UpSampling3D().apply(Tensor.ones(1, 2, 2, 2, 1)).shape());
        assertArrayEquals(new int[] {-1, 3, 4, 4, 4}, new UpSampling3D().dataFormat("channels_first").computeOutputShape(new int[] {-1, 3, 2, 2, 2}));
    }

    @Test
    void bilinearUsesHalfPixelCentres() {
        Tensor x = Tensor.of(new float[] {0, 4}, 1, 1, 2, 1);
        // tf.image.resize([0, 4] → 4, bilinear): [0, 1, 3, 4]
        Tensor y = new UpSampling2D(1, 2).interpolation("bilinear").apply(x);
        assertArrayEquals(new float[] {0, 1, 3, 4}, Internal.array(y), 1e-6f);
        Tensor img = Tensor.of(new float[] {0, 4, 8, 12}, 1, 2, 2, 1);
        Tensor z = new UpSampling2D(2).interpolation("BILINEAR").apply(img);
        assertArrayEquals(new float[] {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12}, Internal.array(z), 1e-5f);
        GradientChecker.assertGradients(t -> new UpSampling2D(2, 3).interpolation("bilinear").apply(t[0]), 1e-2, Tensor.randomUniform(3, -1, 1, 1, 2, 3, 2));
    }

    @Test
    void nearestGradients() {
        GradientChecker.assertGradients(t -> new UpSampling1D().apply(t[0]), 1e-2, Tensor.randomUniform(1, -1, 1, 2, 3, 2));
        GradientChecker.assertGradients(t -> new UpSampling3D(1, 2, 2).apply(t[0]), 1e-2, Tensor.randomUniform(2, -1, 1, 1, 2, 2, 2, 1));
    }

    @Test
    void configsAndErrors() {
        assertEquals(2, new UpSampling1D().getConfig().get("size"));
        Map<String, Object> c = new UpSampling2D().getConfig();
        assertEquals(List.of(2, 2), c.get("size"));
        assertEquals("nearest", c.get("interpolation"));
        assertEquals("channels_last", c.get("data_format"));
        assertEquals(List.of(2, 2, 2), new UpSampling3D().getConfig().get("size"));
        for (Layer l : List.<Layer>of(new UpSampling1D(4), new UpSampling2D(2, 3).interpolation("bilinear").dataFormat("channels_first"), new UpSampling3D(1, 2, 3))) {
            Map<String, Object> cfg = l.getConfig();
            Layer copy = Layers.fromConfig(l.className(), Json.readObject(Json.write(cfg)));
            assertEquals(Json.write(cfg), Json.write(copy.getConfig()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UpSampling2D().interpolation("cubic"));
        assertTrue(e.getMessage().contains("interpolation=cubic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UpSampling1D(0));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
    }
}
