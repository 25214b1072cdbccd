package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class RegularizationLayersTest {

    @Test
    void dropoutIsIdentityAtInference() {
        Tensor x = Tensor.randomUniform(1, -1f, 1f, 4, 5);
        assertSame(x, new Dropout(0.5).apply(x, false));
        assertSame(x, new Dropout(0.0).apply(x, true));
    }

    @Test
    void trainingKeepsOneMinusRateScaledByItsInverse() {
        Tensor x = Tensor.ones(200, 100);
        Tensor y = new Dropout(0.25).seed(3).apply(x, true);
        int kept = 0;
        for (float v : Internal.array(y)) {
            assertTrue(v == 0f || Math.abs(v - 1f / 0.75f) < 1e-6f, "value " + v);
            if (v != 0f) kept++;
        }
        double keptFraction = kept / 20000.0;
        assertEquals(0.75, keptFraction, 0.02);
    }

    @Test
    void aSeedMakesMasksReproducibleAndSuccessiveCallsDiffer() {
        Tensor x = Tensor.ones(8, 8);
        Dropout a = new Dropout(0.5).seed(11), b = new Dropout(0.5).seed(11);
        Tensor a1 = a.apply(x, true);
        assertArrayEquals(a1.toFloatArray(), b.apply(x, true).toFloatArray(), 0f);
        assertNotEquals(java.util.Arrays.toString(a1.toFloatArray()), java.util.Arrays.toString(a.apply(x, true).toFloatArray()));
    }

    @Test
    void noiseShapeSharesDecisionsAlongItsUnitAxes() {
        Tensor x = Tensor.ones(3, 5, 4);
        Tensor y = new Dropout(0.5).noiseShape(-1, 1, -1).seed(5).apply(x, true);
        for (int b = 0; b < 3; b++) {
            for (int f = 0; f < 4; f++) {
                for (int t = 1; t < 5; t++) assertEquals(y.get(b, 0, f), y.get(b, t, f), 0f);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5).noiseShape(-1, 2, -1).name("dn").apply(x, true));
        assertTrue(e.getMessage().startsWith("Layer \"dn\" (Dropout): `noise_shape` (None, 2, None) is not broadcastable"), e.getMessage());
    }

    @Test
    void rateIsValidatedLikeKeras() {
        for (double bad : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(bad));
            assertTrue(e.getMessage().startsWith("Invalid value received for argument `rate`. Expected a float value between 0 and 1"), e.getMessage());
            assertTrue(e.getMessage().endsWith("Received: rate=" + bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5).noiseShape(2, 0));
    }

    @Test
    void dropoutConfigMatchesKeras() {
        Dropout d = new Dropout(0.3).noiseShape(-1, 1, 4).seed(42).name("drop");
        assertEquals("{\"name\":\"drop\",\"trainable\":true,\"dtype\":{\"module\":\"keras\",\"class_name\":\"DTypePolicy\",\"config\":{\"name\":\"float32\"},\"registered_name\":null},"
                + "\"rate\":0.3,\"seed\":42,\"noise_shape\":[null,1,4]}", Json.write(d.getConfig()));
        Dropout keras2 = Dropout.fromConfig(Json.readObject("{\"name\": \"dropout_1\", \"trainable\": true, \"dtype\": \"float32\", \"rate\": 0.2, \"noise_shape\": null, \"seed\": null}"));
        assertEquals(0.2, keras2.rate());
    }

    @Test
    void activityRegularizationAddsTheL1L2PenaltyPerSample() {
        ActivityRegularization a = new ActivityRegularization(0.1, 0.01);
        Tensor x = Tensor.of(new float[] {1, -2, 3, -4}, 2, 2);
        Tensor y = a.apply(x);
        assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 0f);
        // (0.1 * 10 + 0.01 * 30) / batch 2
        assertEquals(0.65f, a.losses().get(0).item(), 1e-6f);
        a.apply(x);
        assertEquals(1, a.losses().size(), "losses are per call");
        assertEquals(List.of("name", "trainable", "dtype", "l1", "l2"), List.copyOf(a.getConfig().keySet()));
        assertEquals(0.01, ActivityRegularization.fromConfig(Config.of("name", "ar", "l1", 0, "l2", 0.01)).l2());
        assertTrue(new ActivityRegularization().losses().isEmpty());
    }
}
