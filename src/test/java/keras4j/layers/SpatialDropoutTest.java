package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.autograd.GradientTape;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** SpatialDropout1D/2D/3D drop whole channels in training, are the identity at inference, and round-trip configs. */
class SpatialDropoutTest {

    /** Every channel of every sample is either all zero or all scaled by 1/(1-rate). */
    private static void assertWholeChannels(Tensor x, Tensor y, int channelAxis, float scale) {
        int[] s = y.shape();
        int batch = s[0], channels = s[channelAxis], per = y.size() / batch / channels;
        float[] yd = channelAxis == 1 ? Internal.array(y) : Internal.array(moveLastToOne(y));
        float[] xd = channelAxis == 1 ? Internal.array(x) : Internal.array(moveLastToOne(x));
        int dropped = 0;
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int base = (b * channels + c) * per;
                boolean zero = yd[base] == 0;
                if (zero) dropped++;
                for (int i = 0; i < per; i++) assertEquals(zero ? 0f : xd[base + i] * scale, yd[base + i], 1e-5f);
            }
        }
        assertTrue(dropped > 0 && dropped < batch * channels, "dropped " + dropped + " of " + batch * channels);
    }

    private static Tensor moveLastToOne(Tensor t) {
        int r = t.rank();
        int[] p = new int[r];
        p[1] = r - 1;
        for (int i = 2; i < r; i++) p[i] = i - 1;
        return t.permute(p);
    }

    @Test
    void dropsWholeChannelsInTraining() {
        Tensor x1 = Tensor.randomUniform(1, 1, 2, 8, 5, 16);
        assertWholeChannels(x1, new SpatialDropout1D(0.5).seed(3).apply(x1, true), 2, 2f);
        Tensor x2 = Tensor.randomUniform(2, 1, 2, 4, 3, 3, 16);
        assertWholeChannels(x2, new SpatialDropout2D(0.5).seed(4).apply(x2, true), 3, 2f);
        Tensor x2f = Tensor.randomUniform(5, 1, 2, 4, 16, 3, 3);
        assertWholeChannels(x2f, new SpatialDropout2D(0.25).dataFormat("channels_first").seed(4).apply(x2f, true), 1, 1 / 0.75f);
        Tensor x3 = Tensor.randomUniform(6, 1, 2, 4, 2, 2, 2, 16);
        assertWholeChannels(x3, new SpatialDropout3D(0.5).seed(5).apply(x3, true), 4, 2f);
    }

    @Test
    void identityAtInferenceAndGradientsFollowTheMask() {
        Tensor x = Tensor.randomUniform(1, 1, 2, 2, 3, 4);
        SpatialDropout1D d = new SpatialDropout1D(0.5).seed(1);
        assertSame(x, d.apply(x, false));
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = d.apply(x, true);
            Tensor g = tape.gradient(Ops.sum(y), x).get(0);
            float[] yd = Internal.array(y), xd = Internal.array(x), gd = Internal.array(g);
            for (int i = 0; i < yd.length; i++) assertEquals(yd[i] / xd[i], gd[i], 1e-5f);
        }
    }

    @Test
    void configsAndErrors() {
        Map<String, Object> c = new SpatialDropout2D(0.3).seed(7).name("sd").getConfig();
        assertEquals(List.of("rate", "seed", "name", "dtype", "data_format"), List.copyOf(c.keySet()));
        assertEquals(List.of("rate", "seed", "name", "dtype"), List.copyOf(new SpatialDropout1D(0.1).getConfig().keySet()));
        for (Layer l : List.<Layer>of(new SpatialDropout1D(0.2), new SpatialDropout2D(0.3).dataFormat("channels_first").seed(2), new SpatialDropout3D(0.4))) {
            Map<String, Object> cfg = l.getConfig();
            Layer copy = Layers.fromConfig(l.className(), Json.readObject(Json.write(cfg)));
            assertEquals(Json.write(cfg), Json.write(copy.getConfig()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpatialDropout3D(1.5));
        assertTrue(e.getMessage().contains("rate=1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SpatialDropout2D(0.5).apply(Tensor.zeros(2, 3, 4)));
        assertTrue(e.getMessage().contains("expected ndim=4"), e.getMessage());
        assertArrayEquals(new int[] {-1, 3, 4}, new SpatialDropout1D(0.5).computeOutputShape(new int[] {-1, 3, 4}));
    }
}
