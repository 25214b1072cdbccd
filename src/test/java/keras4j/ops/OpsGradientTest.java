package keras4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import keras4j.testing.GradientChecker;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the numerical gradient checker over every differentiable operation in {@link Ops}. */
class OpsGradientTest {

    record Case(Function<Tensor[], Tensor> f, Tensor[] inputs) {}

    private static Tensor r(long seed, int... shape) {
        return Tensor.randomUniform(seed, -1f, 1f, shape);
    }

    /** Values bounded away from 0 (for log, sqrt, division, abs and kinks). */
    private static Tensor pos(long seed, int... shape) {
        return Tensor.randomUniform(seed, 0.5f, 2f, shape);
    }

    /** Distinct values spaced by at least 0.1 so max/min/clip kinks are not straddled by the step. */
    private static Tensor spaced(long seed, int... shape) {
        int n = keras4j.tensor.Shapes.size(shape);
        int[] perm = new keras4j.tensor.Rng(seed).permutation(n);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = -1f + 0.1f * perm[i] + 0.03f;
        return Tensor.wrap(d, shape);
    }

    static Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("add", new Case(x -> Ops.add(x[0], x[1]), new Tensor[] {r(1, 3, 4), r(2, 4)}));
        c.put("add(scalar)", new Case(x -> Ops.add(x[0], 2f), new Tensor[] {r(1, 3)}));
        c.put("subtract", new Case(x -> Ops.subtract(x[0], x[1]), new Tensor[] {r(3, 2, 1, 3), r(4, 4, 1)}));
        c.put("subtract(scalar)", new Case(x -> Ops.subtract(Ops.subtract(1f, x[0]), 2f), new Tensor[] {r(1, 3)}));
        c.put("multiply", new Case(x -> Ops.multiply(x[0], x[1]), new Tensor[] {r(5, 2, 3), r(6, 2, 1)}));
        c.put("multiply(scalar)", new Case(x -> Ops.multiply(x[0], 3f), new Tensor[] {r(1, 3)}));
        c.put("divide", new Case(x -> Ops.divide(x[0], x[1]), new Tensor[] {r(7, 3, 2), pos(8, 2)}));
        c.put("divide(scalar)", new Case(x -> Ops.divide(Ops.divide(1f, x[0]), 2f), new Tensor[] {pos(1, 3)}));
        c.put("negative", new Case(x -> Ops.negative(x[0]), new Tensor[] {r(9, 4)}));
        c.put("power", new Case(x -> Ops.power(x[0], 3f), new Tensor[] {r(10, 5)}));
        c.put("power(tensor)", new Case(x -> Ops.power(x[0], x[1]), new Tensor[] {pos(11, 2, 3), r(12, 3)}));
        c.put("square", new Case(x -> Ops.square(x[0]), new Tensor[] {r(13, 4)}));
        c.put("sqrt", new Case(x -> Ops.sqrt(x[0]), new Tensor[] {pos(14, 4)}));
        c.put("exp", new Case(x -> Ops.exp(x[0]), new Tensor[] {r(15, 4)}));
        c.put("log", new Case(x -> Ops.log(x[0]), new Tensor[] {pos(16, 4)}));
        c.put("log1p", new Case(x -> Ops.log1p(x[0]), new Tensor[] {pos(17, 4)}));
        c.put("expm1", new Case(x -> Ops.expm1(x[0]), new Tensor[] {r(18, 4)}));
        c.put("abs", new Case(x -> Ops.abs(x[0]), new Tensor[] {spaced(19, 6)}));
        c.put("maximum", new Case(x -> Ops.maximum(x[0], x[1]), new Tensor[] {spaced(20, 2, 3), spaced(21, 3).add(0.05f)}));
        c.put("maximum(scalar)", new Case(x -> Ops.maximum(x[0], 0.01f), new Tensor[] {spaced(20, 6)}));
        c.put("minimum", new Case(x -> Ops.minimum(x[0], x[1]), new Tensor[] {spaced(22, 2, 3), spaced(23, 2, 1).add(0.05f)}));
        c.put("minimum(scalar)", new Case(x -> Ops.minimum(x[0], 0.01f), new Tensor[] {spaced(20, 6)}));
        c.put("clip", new Case(x -> Ops.clip(x[0], -0.45f, 0.35f), new Tensor[] {spaced(24, 10)}));
        c.put("where", new Case(x -> Ops.where(Tensor.vector(1, 0, 1), x[0], x[1]), new Tensor[] {r(25, 2, 3), r(26, 3)}));
        c.put("matmul", new Case(x -> Ops.matmul(x[0], x[1]), new Tensor[] {r(28, 3, 4), r(29, 4, 5)}));
        c.put("matmul(batched)", new Case(x -> Ops.matmul(x[0], x[1]), new Tensor[] {r(30, 2, 3, 4), r(31, 4, 2)}));
        c.put("matmul(broadcast batch)", new Case(x -> Ops.matmul(x[0], x[1]), new Tensor[] {r(32, 1, 3, 4), r(33, 2, 4, 2)}));
        c.put("matmul(vectors)", new Case(x -> Ops.matmul(Ops.matmul(x[0], x[1]), x[2]), new Tensor[] {r(34, 3), r(35, 3, 4), r(36, 4)}));
        c.put("sum", new Case(x -> Ops.sum(x[0]), new Tensor[] {r(37, 2, 3)}));
        c.put("sum(axes)", new Case(x -> Ops.sum(x[0], false, 0, 2), new Tensor[] {r(38, 2, 3, 4)}));
        c.put("sum(keepdims)", new Case(x -> Ops.sum(x[0], true, 1), new Tensor[] {r(38, 2, 3, 4)}));
        c.put("mean", new Case(x -> Ops.mean(x[0]), new Tensor[] {r(39, 2, 3)}));
        c.put("mean(axes)", new Case(x -> Ops.mean(x[0], true, -1), new Tensor[] {r(40, 2, 3)}));
        c.put("max", new Case(x -> Ops.max(x[0], false, 1), new Tensor[] {spaced(41, 2, 3, 2)}));
        c.put("min", new Case(x -> Ops.min(x[0], true, 0, 2), new Tensor[] {spaced(42, 2, 3, 2)}));
        c.put("var", new Case(x -> Ops.var(x[0], false, 0), new Tensor[] {r(43, 4, 3)}));
        c.put("logSumExp", new Case(x -> Ops.logSumExp(x[0], false, 1), new Tensor[] {r(44, 3, 4)}));
        c.put("reshape", new Case(x -> Ops.multiply(Ops.reshape(x[0], 3, -1), x[1]), new Tensor[] {r(45, 2, 6), r(46, 3, 4)}));
        c.put("transpose", new Case(x -> Ops.multiply(Ops.transpose(x[0]), x[1]), new Tensor[] {r(47, 2, 3), r(48, 3, 2)}));
        c.put("transpose(perm)", new Case(x -> Ops.multiply(Ops.transpose(x[0], 1, 2, 0), x[1]), new Tensor[] {r(49, 2, 3, 4), r(50, 3, 4, 2)}));
        c.put("expandDims", new Case(x -> Ops.multiply(Ops.expandDims(x[0], 1), x[1]), new Tensor[] {r(51, 3), r(52, 3, 2)}));
        c.put("squeeze", new Case(x -> Ops.multiply(Ops.squeeze(x[0], 0), x[1]), new Tensor[] {r(53, 1, 3), r(54, 3)}));
        c.put("broadcastTo", new Case(x -> Ops.multiply(Ops.broadcastTo(x[0], 2, 3), x[1]), new Tensor[] {r(55, 3), r(56, 2, 3)}));
        c.put("tile", new Case(x -> Ops.multiply(Ops.tile(x[0], 2, 3), x[1]), new Tensor[] {r(57, 2, 2), r(58, 4, 6)}));
        c.put("concatenate", new Case(x -> Ops.multiply(Ops.concatenate(1, x[0], x[1]), x[2]), new Tensor[] {r(59, 2, 2), r(60, 2, 3), r(61, 2, 5)}));
        c.put("stack", new Case(x -> Ops.multiply(Ops.stack(1, x[0], x[1]), x[2]), new Tensor[] {r(62, 2, 3), r(63, 2, 3), r(64, 2, 2, 3)}));
        c.put("slice", new Case(x -> Ops.multiply(Ops.slice(x[0], 1, 1, 3), x[1]), new Tensor[] {r(65, 2, 4), r(66, 2, 2)}));
        c.put("take", new Case(x -> Ops.multiply(Ops.take(x[0], new int[] {2, 0, 2}, 0), x[1]), new Tensor[] {r(67, 3, 2), r(68, 3, 2)}));
        c.put("relu", new Case(x -> Ops.relu(x[0]), new Tensor[] {spaced(69, 8)}));
        c.put("biasAdd", new Case(x -> Ops.biasAdd(x[0], x[1]), new Tensor[] {r(120, 2, 3, 4), r(121, 4)}));
        // x + bias stays at least 0.02 away from relu's kink.
        c.put("biasAddRelu", new Case(x -> Ops.biasAddRelu(x[0], x[1]), new Tensor[] {spaced(122, 5, 4), Tensor.of(new float[] {0.01f, -0.01f, 0.005f, 0f}, 4)}));
        c.put("sigmoid", new Case(x -> Ops.sigmoid(x[0]), new Tensor[] {r(70, 5)}));
        c.put("tanh", new Case(x -> Ops.tanh(x[0]), new Tensor[] {r(71, 5)}));
        c.put("softmax", new Case(x -> Ops.softmax(x[0], -1), new Tensor[] {r(72, 2, 4)}));
        c.put("softmax(axis 0)", new Case(x -> Ops.softmax(x[0], 0), new Tensor[] {r(73, 3, 2)}));
        c.put("logSoftmax", new Case(x -> Ops.logSoftmax(x[0], 1), new Tensor[] {r(74, 2, 4)}));
        c.put("softplus", new Case(x -> Ops.softplus(x[0]), new Tensor[] {r(75, 5).mul(3f)}));
        c.put("elu", new Case(x -> Ops.elu(x[0], 1.5f), new Tensor[] {spaced(76, 8)}));
        c.put("erf", new Case(x -> Ops.erf(x[0]), new Tensor[] {r(77, 5)}));
        return c;
    }

    static Stream<Arguments> allCases() {
        return cases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void gradientMatchesCentralDifferences(String name, Case c) {
        GradientChecker.Result result = GradientChecker.check(c.f(), 1e-2, c.inputs());
        assertTrue(result.maxError() < 5e-3, name + ": " + result);
    }

    /** Every public operation has a gradient case (non-differentiable ones are listed explicitly). */
    @Test
    void everyOpIsChecked() {
        Set<String> covered = new TreeSet<>();
        for (String k : cases().keySet()) covered.add(k.replaceAll("\\(.*\\)", ""));
        // sign has no gradient; stopGradient's whole point is a gradient unlike the function's (tested in GradientTapeTest).
        Set<String> notDifferentiable = Set.of("sign", "stopGradient");
        Set<String> missing = new TreeSet<>();
        for (Method m : Ops.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !covered.contains(m.getName()) && !notDifferentiable.contains(m.getName())) {
                missing.add(m.getName());
            }
        }
        assertEquals(Set.of(), missing, "ops without a gradient check");
    }

    @Test
    void checkerCatchesAWrongGradient() {
        // A deliberately wrong backward (2x instead of 3x^2) must be reported.
        Function<Tensor[], Tensor> wrong = x -> {
            Tensor out = x[0].pow(3f);
            keras4j.autograd.GradientTape.record("cube", out, g -> new Tensor[] {g.mul(x[0]).mul(2f)}, x[0]);
            return out;
        };
        GradientChecker.Result result = GradientChecker.check(wrong, 1e-2, Tensor.vector(0.5f, 1.5f, -2f));
        assertTrue(result.maxError() > 0.1, result.toString());
        assertTrue(Arrays.asList(0, 1, 2).contains(result.index()));
    }
}
