package keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.testing.GradientChecker;
import keras4j.autograd.GradientTape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class RegularizersTest {

    private static final Tensor X = Tensor.of(new float[][] {{1, -2}, {3, -4}}); // Σ|x| = 10, Σx² = 30

    @Test
    void exactPenalties() {
        assertEquals(0.1f, new L1().call(X).item(), 1e-7f);
        assertEquals(5f, new L1(0.5).call(X).item(), 1e-6f);
        assertEquals(0.3f, new L2().call(X).item(), 1e-7f);
        assertEquals(3f, new L2(0.1).call(X).item(), 1e-6f);
        assertEquals(7f, new L1L2(0.1, 0.2).call(X).item(), 1e-6f);
        assertEquals(0f, new L1L2().call(X).item(), 0f);
        assertEquals(1f, new L1L2(0.1, 0).call(X).item(), 1e-6f);
        assertArrayEquals(new int[0], new L1().call(X).shape());
        assertArrayEquals(new int[0], new L1L2().call(X).shape());
    }

    @Test
    void orthogonalRegularizerValues() {
        Tensor x = Tensor.of(new float[][] {{1, 0}, {1, 1}, {0, 2}});
        // Rows (1,0), (1,1)/√2, (0,1): |dots| = 1/√2, 0, 1/√2 over 3 pairs.
        assertEquals(0.01 * 0.5 * (2 * Math.sqrt(2)) / 3, new OrthogonalRegularizer().call(x).item(), 1e-7);
        // Columns (1,1,0)/√2 and (0,1,2)/√5: one pair with dot 1/√10.
        assertEquals(0.1 * 0.5 * 2 / Math.sqrt(10) / 1, new OrthogonalRegularizer(0.1, "columns").call(x).item(), 1e-7);
        // Orthogonal rows cost nothing, and a zero row does not divide by zero.
        assertEquals(0f, new OrthogonalRegularizer().call(Tensor.of(new float[][] {{0, 3}, {2, 0}, {0, 0}})).item(), 0f);
        assertThrows(IllegalArgumentException.class, () -> new OrthogonalRegularizer().call(Tensor.zeros(2, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new OrthogonalRegularizer(0.01, "diagonal"));
    }

    @Test
    void gradients() {
        // Values at least 0.1 from 0, where |x| has its kink.
        Tensor w = Tensor.of(new float[][] {{0.5f, -1.2f, 0.3f}, {-0.4f, 0.9f, -2f}});
        for (Regularizer r : List.of(new L1(0.3), new L2(0.2), new L1L2(0.1, 0.4), new OrthogonalRegularizer(0.5),
                new OrthogonalRegularizer(0.5, "columns"))) {
            GradientChecker.Result res = GradientChecker.check(in -> r.call(in[0]), 1e-2, w);
            assertTrue(res.maxError() < 5e-3, r + ": " + res);
        }
        try (GradientTape tape = new GradientTape()) {
            tape.watch(X);
            Tensor g = tape.gradient(new L1L2(0.5, 0.25).call(X), X).get(0);
            // 0.5·sign(x) + 0.25·2x
            assertArrayEquals(new float[] {1f, -1.5f, 2f, -2.5f}, g.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void validatesFactors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new L1(-0.1));
        assertTrue(e.getMessage().contains("l1=-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new L2(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new L1L2(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new OrthogonalRegularizer(-1));
    }

    @Test
    void configRoundTrips() {
        for (Regularizer r : List.of(new L1(), new L1(0.2), new L2(0.03), new L1L2(0.1, 0.2), new OrthogonalRegularizer(0.05, "columns"))) {
            Map<String, Object> s = r.serialize();
            Regularizer back = Regularizers.get(s);
            assertEquals(r.getClass(), back.getClass());
            assertEquals(r.getConfig(), back.getConfig());
            @SuppressWarnings("unchecked")
            Regularizer viaJson = Regularizers.get((Map<String, Object>) Json.read(Json.write(s)));
            assertEquals(r.getConfig(), viaJson.getConfig());
        }
        assertEquals("{\"module\":\"keras.regularizers\",\"class_name\":\"L2\",\"config\":{\"l2\":0.01},\"registered_name\":null}",
                Json.write(new L2().serialize()));
        assertEquals("{\"l1\":0.0,\"l2\":0.0}", Json.write(new L1L2().getConfig()));
        assertEquals("{\"factor\":0.01,\"mode\":\"rows\"}", Json.write(new OrthogonalRegularizer().getConfig()));
        // Keras 2 form without module.
        Regularizer legacy = Regularizers.get(Config.of("class_name", "L1L2", "config", Config.of("l1", 0.0, "l2", 0.001)));
        assertEquals(0.001, ((L1L2) legacy).l2(), 0);
    }

    @Test
    void names() {
        assertInstanceOf(L1.class, Regularizers.get("l1"));
        assertInstanceOf(L2.class, Regularizers.get("L2"));
        assertInstanceOf(OrthogonalRegularizer.class, Regularizers.get("orthogonal_regularizer"));
        L1L2 l1l2 = (L1L2) Regularizers.get("l1l2");
        assertEquals(0.0, l1l2.l1(), 0);
        L1L2 legacy = (L1L2) Regularizers.get("l1_l2");
        assertEquals(0.01, legacy.l1(), 0);
        assertEquals(0.01, legacy.l2(), 0);
        assertEquals(0.01, ((L2) Regularizers.get("l2")).l2(), 0);
        assertNull(Regularizers.get(null));
        Regularizer r = new L1();
        assertSame(r, Regularizers.get(r));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regularizers.get("typo"));
        for (String n : List.of("l1", "l2", "l1_l2", "orthogonal_regularizer")) assertTrue(e.getMessage().contains(n), e.getMessage());
    }
}
