package keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    /** Columns have norms 5 and 1 (axis 0); rows have norms √(9+0)=3 and √(16+1)=√17 (axis 1). */
    private static final Tensor W = Tensor.of(new float[][] {{3, 0}, {4, 1}});
    private static final float EPS = 1e-7f;

    @Test
    void maxNormScalesOnlyLongVectors() {
        Tensor p = new MaxNorm().call(W); // max 2 along axis 0: column 0 scaled to 2, column 1 (norm 1) kept
        assertArrayEquals(new float[] {3 * 2 / (5 + EPS), 0, 4 * 2 / (5 + EPS), 1 / (1 + EPS)}, p.toFloatArray(), 1e-6f);
        Tensor rows = new MaxNorm(3.5, 1).call(W);
        float s = (float) (3.5 / (Math.sqrt(17) + EPS));
        assertArrayEquals(new float[] {3, 0, 4 * s, 1 * s}, rows.toFloatArray(), 1e-6f);
        // Several axes: the norm of the whole tensor (5.099) capped at 1.
        Tensor all = new MaxNorm(1.0, new int[] {0, 1}).call(W);
        double n = Math.sqrt(26);
        assertArrayEquals(new float[] {(float) (3 / n), 0, (float) (4 / n), (float) (1 / n)}, all.toFloatArray(), 1e-6f);
        // A conv kernel (2, 2, 1, 3): axes [0, 1, 2] bound each output filter.
        Tensor kernel = Tensor.randomUniform(1, -3, 3, 2, 2, 1, 3);
        Tensor k = new MaxNorm(1.0, new int[] {0, 1, 2}).call(kernel);
        for (float norm : Internal.array(k.square().sum(false, 0, 1, 2).sqrt())) assertTrue(norm <= 1.0001f, "norm " + norm);
    }

    @Test
    void minMaxNorm() {
        // Norms 5 and 1 into [2, 3] at rate 1: column 0 → 3, column 1 → 2.
        Tensor p = new MinMaxNorm(2, 3, 1, 0).call(W);
        assertArrayEquals(new float[] {3 * 3 / (5 + EPS), 0, 4 * 3 / (5 + EPS), 2 / (1 + EPS)}, p.toFloatArray(), 1e-6f);
        // rate 0.5 moves half way: desired = 0.5·3 + 0.5·5 = 4 and 0.5·2 + 0.5·1 = 1.5.
        Tensor half = new MinMaxNorm(2, 3, 0.5, 0).call(W);
        assertArrayEquals(new float[] {3 * 4 / (5 + EPS), 0, 4 * 4 / (5 + EPS), 1.5f / (1 + EPS)}, half.toFloatArray(), 1e-6f);
        // Defaults [0, 1]: unit columns.
        Tensor d = new MinMaxNorm().call(W);
        assertArrayEquals(new float[] {0.6f, 0, 0.8f, 1}, d.toFloatArray(), 1e-6f);
    }

    @Test
    void unitNormAndNonNeg() {
        assertArrayEquals(new float[] {0.6f, 0, 0.8f, 1}, new UnitNorm().call(W).toFloatArray(), 1e-6f);
        float r = (float) Math.sqrt(17);
        assertArrayEquals(new float[] {1, 0, 4 / r, 1 / r}, new UnitNorm(1).call(W).toFloatArray(), 1e-6f);
        // A zero column stays zero thanks to the epsilon.
        assertArrayEquals(new float[] {0, 1, 0, 0}, new UnitNorm().call(Tensor.of(new float[][] {{0, 2}, {0, 0}})).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 2, 0, 0.5f}, new NonNeg().call(Tensor.of(new float[][] {{-1, 2}, {0, 0.5f}})).toFloatArray(), 0f);
    }

    @Test
    void constraintIsAUnaryOperatorForVariables() {
        Variable v = new Variable("kernel", W, true);
        v.setConstraint(new UnitNorm());
        v.assign(v.constraint().apply(v.peek()));
        assertArrayEquals(new float[] {0.6f, 0, 0.8f, 1}, v.peek().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3, 0, 4, 1}, W.toFloatArray(), 0f); // the input is not modified
    }

    @Test
    void configRoundTrips() {
        for (Constraint c : List.of(new MaxNorm(), new MaxNorm(3, new int[] {0, 1, 2}), new MinMaxNorm(0.5, 2, 0.7, 1),
                new NonNeg(), new UnitNorm(-1))) {
            Map<String, Object> s = c.serialize();
            Constraint back = Constraints.get(s);
            assertEquals(c.getClass(), back.getClass());
            assertEquals(c.getConfig(), back.getConfig());
            @SuppressWarnings("unchecked")
            Constraint viaJson = Constraints.get((Map<String, Object>) Json.read(Json.write(s)));
            assertEquals(Json.write(c.getConfig()), Json.write(viaJson.getConfig()));
        }
        assertEquals("{\"module\":\"keras.constraints\",\"class_name\":\"MaxNorm\",\"config\":{\"max_value\":2.0,\"axis\":0},\"registered_name\":null}",
                Json.write(new MaxNorm().serialize()));
        assertEquals("{\"min_value\":0.0,\"max_value\":1.0,\"rate\":1.0,\"axis\":0}", Json.write(new MinMaxNorm().getConfig()));
        assertEquals("{\"axis\":[0,1,2]}", Json.write(new UnitNorm(new int[] {0, 1, 2}).getConfig()));
        assertEquals("{}", Json.write(new NonNeg().getConfig()));
        // Keras 2 form without module, integer max_value.
        MaxNorm legacy = (MaxNorm) Constraints.get(Config.of("class_name", "MaxNorm", "config", Config.of("max_value", 3, "axis", List.of(0, 1))));
        assertEquals(3.0, legacy.maxValue(), 0);
        assertArrayEquals(new int[] {0, 1}, legacy.axis());
    }

    @Test
    void names() {
        assertInstanceOf(MaxNorm.class, Constraints.get("max_norm"));
        assertInstanceOf(MaxNorm.class, Constraints.get("MaxNorm"));
        assertInstanceOf(MaxNorm.class, Constraints.get("maxnorm"));
        assertInstanceOf(MinMaxNorm.class, Constraints.get("min_max_norm"));
        assertInstanceOf(NonNeg.class, Constraints.get("non_neg"));
        assertInstanceOf(NonNeg.class, Constraints.get("nonneg"));
        assertInstanceOf(UnitNorm.class, Constraints.get("unit_norm"));
        assertNull(Constraints.get(null));
        Constraint c = new NonNeg();
        assertSame(c, Constraints.get(c));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Constraints.get("max_norms"));
        for (String n : List.of("max_norm", "min_max_norm", "non_neg", "unit_norm")) assertTrue(e.getMessage().contains(n), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UnitNorm(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new MinMaxNorm(2, 1));
    }
}
