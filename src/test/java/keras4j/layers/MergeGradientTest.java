package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.testing.GradientChecker;
import keras4j.autograd.GradientTape;
import keras4j.ops.Ops;
import keras4j.tensor.Rng;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central-difference gradient checks of every merge layer with respect to every input. */
class MergeGradientTest {

    record Case(Supplier<Layer> layer, List<Tensor> masks, Tensor[] inputs) {}

    static Tensor r(long seed, int... shape) {
        return Tensor.randomUniform(seed, -1f, 1f, shape);
    }

    /**
     * Inputs whose values are all distinct and at least 0.1 apart across the inputs, so the step of the check never
     * crosses a kink of maximum or minimum.
     */
    static Tensor[] spaced(long seed, int[]... shapes) {
        int total = 0;
        for (int[] s : shapes) total += Shapes.size(s);
        int[] perm = new Rng(seed).permutation(total);
        Tensor[] out = new Tensor[shapes.length];
        int k = 0;
        for (int i = 0; i < shapes.length; i++) {
            float[] d = new float[Shapes.size(shapes[i])];
            for (int j = 0; j < d.length; j++) d[j] = -1f + 0.1f * perm[k++] + 0.03f;
            out[i] = Tensor.wrap(d, shapes[i]);
        }
        return out;
    }

    static Map<String, Case> cases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("Add", new Case(Add::new, null, new Tensor[] {r(1, 2, 3, 4), r(2, 2, 3, 4)}));
        c.put("Add x3 with broadcasting", new Case(Add::new, null, new Tensor[] {r(3, 2, 1, 4), r(4, 2, 3, 4), r(5, 2, 3, 1)}));
        c.put("Add across ranks", new Case(Add::new, null, new Tensor[] {r(6, 2, 4), r(7, 2, 3, 4)}));
        c.put("Subtract", new Case(Subtract::new, null, new Tensor[] {r(8, 2, 3, 4), r(9, 2, 3, 4)}));
        c.put("Subtract across ranks", new Case(Subtract::new, null, new Tensor[] {r(10, 2, 3, 4), r(11, 2, 4)}));
        c.put("Multiply", new Case(Multiply::new, null, new Tensor[] {r(12, 2, 3), r(13, 2, 3), r(14, 2, 3)}));
        c.put("Multiply across ranks", new Case(Multiply::new, null, new Tensor[] {r(15, 2), r(16, 2, 3, 2)}));
        c.put("Average", new Case(Average::new, null, new Tensor[] {r(17, 2, 3), r(18, 2, 3), r(19, 2, 3)}));
        c.put("Maximum", new Case(Maximum::new, null, spaced(20, new int[] {2, 3, 2}, new int[] {2, 3, 2}, new int[] {2, 3, 2})));
        c.put("Minimum", new Case(Minimum::new, null, spaced(21, new int[] {2, 3, 2}, new int[] {2, 3, 2})));
        c.put("Maximum across ranks", new Case(Maximum::new, null, spaced(22, new int[] {2, 2}, new int[] {2, 3, 2})));
        Tensor m1 = Tensor.of(new float[] {1, 0, 1, 0, 1, 1}, 2, 3), m2 = Tensor.of(new float[] {0, 1, 1, 1, 0, 0}, 2, 3);
        c.put("Maximum masked", new Case(Maximum::new, List.of(m1, m2), spaced(23, new int[] {2, 3, 2}, new int[] {2, 3, 2})));
        c.put("Minimum masked", new Case(Minimum::new, List.of(m1, m2), spaced(24, new int[] {2, 3, 2}, new int[] {2, 3, 2})));
        c.put("Multiply masked", new Case(Multiply::new, List.of(m1, m2), new Tensor[] {r(25, 2, 3, 2), r(26, 2, 3, 2)}));
        c.put("Concatenate axis -1", new Case(Concatenate::new, null, new Tensor[] {r(27, 2, 3, 2), r(28, 2, 3, 4)}));
        c.put("Concatenate axis 1 x3", new Case(() -> new Concatenate(1), null, new Tensor[] {r(29, 2, 1, 2), r(30, 2, 3, 2), r(31, 2, 2, 2)}));
        c.put("Dot axes -1 (2D)", new Case(() -> new Dot(-1), null, new Tensor[] {r(32, 2, 4), r(33, 2, 4)}));
        c.put("Dot axes 1 (3D)", new Case(() -> new Dot(1), null, new Tensor[] {r(34, 2, 3, 2), r(35, 2, 3, 4)}));
        c.put("Dot axes (1, 2)", new Case(() -> new Dot(1, 2), null, new Tensor[] {r(36, 2, 3, 5), r(37, 2, 4, 3)}));
        c.put("Dot axes (2, 3) 4D", new Case(() -> new Dot(2, 3), null, new Tensor[] {r(38, 2, 2, 3, 2), r(39, 2, 2, 2, 3)}));
        c.put("Dot 2D x 3D", new Case(() -> new Dot(1, 1), null, new Tensor[] {r(40, 2, 3), r(41, 2, 3, 4)}));
        c.put("Dot normalize", new Case(() -> new Dot(-1).normalize(true), null, new Tensor[] {r(42, 2, 3, 4), r(43, 2, 2, 4)}));
        c.put("Dot normalize axes (1, 2)", new Case(() -> new Dot(1, 2).normalize(true), null, new Tensor[] {r(44, 2, 3, 2), r(45, 2, 2, 3)}));
        return c;
    }

    static Stream<Arguments> allCases() {
        return cases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void gradientMatchesCentralDifferences(String name, Case c) {
        Layer layer = c.layer().get();
        GradientChecker.Result result = GradientChecker.check(x -> layer.invoke(List.of(x), c.masks(), true).get(0), 1e-2, c.inputs());
        assertTrue(result.maxError() < 5e-3, name + ": " + result);
    }

    /** Every input receives a gradient (no input is silently cut off from the tape). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void everyInputGetsAGradientOfItsShape(String name, Case c) {
        Layer layer = c.layer().get();
        try (GradientTape tape = new GradientTape()) {
            tape.watch(c.inputs());
            Tensor out = layer.invoke(List.of(c.inputs()), c.masks(), true).get(0);
            List<Tensor> grads = tape.gradient(Ops.sum(out), c.inputs());
            assertEquals(c.inputs().length, grads.size());
            for (int i = 0; i < grads.size(); i++) {
                assertTrue(Arrays.equals(c.inputs()[i].shape(), grads.get(i).shape()), name + " input " + i);
            }
        }
    }

    @Test
    void everyLayerClassIsChecked() {
        Set<String> covered = new TreeSet<>();
        for (Case c : cases().values()) covered.add(c.layer().get().getClass().getSimpleName());
        assertEquals(new TreeSet<>(List.of("Add", "Average", "Concatenate", "Dot", "Maximum", "Minimum", "Multiply", "Subtract")), covered);
    }
}
