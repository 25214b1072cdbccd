package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values, shape inference (None, broadcasting, ranks) and errors of the element-wise merge layers. */
class ElementwiseMergeTest {

    interface Reference {
        float apply(float[] values);
    }

    record Kind(String name, Supplier<Merge<?>> layer, Reference reference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Kind> KINDS = List.of(
            new Kind("Add", Add::new, v -> {
                float s = 0;
                for (float x : v) s += x;
                return s;
            }),
            new Kind("Subtract", Subtract::new, v -> v[0] - v[1]),
            new Kind("Multiply", Multiply::new, v -> {
                float p = 1;
                for (float x : v) p *= x;
                return p;
            }),
            new Kind("Average", Average::new, v -> {
                float s = 0;
                for (float x : v) s += x;
                return s / v.length;
            }),
            new Kind("Maximum", Maximum::new, v -> {
                float m = Float.NEGATIVE_INFINITY;
                for (float x : v) m = Math.max(m, x);
                return m;
            }),
            new Kind("Minimum", Minimum::new, v -> {
                float m = Float.POSITIVE_INFINITY;
                for (float x : v) m = Math.min(m, x);
                return m;
            }));

    static Stream<Kind> kinds() {
        return KINDS.stream();
    }

    /** Kinds that take any number (at least two) of inputs. */
    static Stream<Kind> variadicKinds() {
        return KINDS.stream().filter(k -> !k.name().equals("Subtract"));
    }

    static Tensor r(long seed, int... shape) {
        return Tensor.randomUniform(seed, -2f, 2f, shape);
    }

    static void assertElementwise(Kind kind, Tensor out, Tensor... broadcastInputs) {
        float[][] ins = new float[broadcastInputs.length][];
        for (int i = 0; i < ins.length; i++) ins[i] = broadcastInputs[i].broadcastTo(out.shape()).data();
        float[] o = out.data();
        for (int e = 0; e < o.length; e++) {
            float[] v = new float[ins.length];
            for (int i = 0; i < ins.length; i++) v[i] = ins[i][e];
            assertEquals(kind.reference().apply(v), o[e], 1e-5f, kind + " element " + e);
        }
    }

    // ------------------------------------------------------------------ values

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void twoInputsOfTheSameShape(Kind kind) {
        Tensor a = r(1, 2, 4, 5), b = r(2, 2, 4, 5);
        Tensor out = kind.layer().get().apply(a, b);
        assertArrayEquals(new int[] {2, 4, 5}, out.shape());
        assertElementwise(kind, out, a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variadicKinds")
    void threeInputs(Kind kind) {
        Tensor a = r(3, 3, 4), b = r(4, 3, 4), c = r(5, 3, 4);
        Tensor out = kind.layer().get().apply(List.of(a, b, c), false).get(0);
        assertElementwise(kind, out, a, b, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sizeOneAxesBroadcast(Kind kind) {
        Tensor a = r(6, 2, 1, 5), b = r(7, 2, 4, 1);
        Layer layer = kind.layer().get();
        Tensor out = layer.apply(List.of(a, b), false).get(0);
        assertArrayEquals(new int[] {2, 4, 5}, out.shape());
        assertElementwise(kind, out, a, b);
        assertArrayEquals(new int[] {-1, 4, 5}, layer.computeOutputShapes(List.of(new int[] {-1, 1, 5}, new int[] {-1, 4, 1})).get(0));
    }

    /** Lower-rank inputs are expanded at axis 1 (after the batch axis), not in front as numpy would. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lowerRankInputsExpandAfterTheBatchAxis(Kind kind) {
        Tensor a = r(8, 2, 3), b = r(9, 2, 4, 3);
        Layer layer = kind.layer().get();
        Tensor out = layer.apply(List.of(a, b), false).get(0);
        assertArrayEquals(new int[] {2, 4, 3}, out.shape());
        assertElementwise(kind, out, a.reshape(2, 1, 3), b);
        assertArrayEquals(new int[] {-1, 4, 3}, layer.computeOutputShapes(List.of(new int[] {-1, 3}, new int[] {-1, 4, 3})).get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aBatchOfScalarsBroadcastsOverEverything(Kind kind) {
        Tensor a = r(10, 2, 4, 3), b = r(11, 2);
        Layer layer = kind.layer().get();
        Tensor out = layer.apply(List.of(a, b), false).get(0);
        assertArrayEquals(new int[] {2, 4, 3}, out.shape());
        assertElementwise(kind, out, a, b.reshape(2, 1, 1));
        assertArrayEquals(new int[] {-1, 4, 3}, layer.computeOutputShapes(List.of(new int[] {-1, 4, 3}, new int[] {-1})).get(0));
    }

    @Test
    void rankExpansionOfSeveralAxes() {
        Tensor a = r(12, 2, 5), b = r(13, 2, 3, 4, 5), c = r(14, 2, 4, 5);
        Tensor out = new Add().apply(List.of(a, b, c), false).get(0);
        assertArrayEquals(new int[] {2, 3, 4, 5}, out.shape());
        assertElementwise(KINDS.get(0), out, a.reshape(2, 1, 1, 5), b, c.reshape(2, 1, 4, 5));
    }

    // ------------------------------------------------------------------ shape inference

    static Stream<Arguments> shapeCases() {
        return Stream.of(
                Arguments.of(new int[][] {{-1, 4, 5}, {-1, 4, 5}}, new int[] {-1, 4, 5}),
                Arguments.of(new int[][] {{-1, -1, 5}, {-1, 4, 5}}, new int[] {-1, -1, 5}),
                Arguments.of(new int[][] {{-1, 4, -1}, {-1, 4, 1}}, new int[] {-1, 4, -1}),
                Arguments.of(new int[][] {{-1, 1, 5}, {-1, -1, 5}}, new int[] {-1, -1, 5}),
                Arguments.of(new int[][] {{2, 4}, {-1, 4}}, new int[] {2, 4}),
                Arguments.of(new int[][] {{-1, 4}, {3, 4}, {-1, 4}}, new int[] {3, 4}),
                Arguments.of(new int[][] {{-1, 5}, {-1, 3, 5}, {-1, 2, 1, 1}}, new int[] {-1, 2, 3, 5}),
                Arguments.of(new int[][] {{-1, -1}, {-1, 3, 7}}, new int[] {-1, 3, -1}));
    }

    @ParameterizedTest
    @MethodSource("shapeCases")
    void outputShapeWithNoneDims(int[][] inputShapes, int[] expected) {
        for (Kind kind : KINDS) {
            if (kind.name().equals("Subtract") && inputShapes.length != 2) continue;
            assertArrayEquals(expected, kind.layer().get().computeOutputShapes(List.of(inputShapes)).get(0), kind.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void symbolicCallGivesTheInferredShape(Kind kind) {
        KerasTensor a = Input.of(-1, 5), b = Input.of(4, 1);
        KerasTensor out = kind.layer().get().apply(a, b);
        assertArrayEquals(new int[] {-1, -1, 5}, out.dims());
        assertEquals(2, out.layer().inboundNodes().get(0).inputs().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void hasNoWeightsAndSupportsMasking(Kind kind) {
        Merge<?> layer = kind.layer().get();
        layer.apply(r(1, 2, 3), r(2, 2, 3));
        assertTrue(layer.built());
        assertEquals(0, layer.countParams());
        assertTrue(layer.weights().isEmpty());
        assertTrue(layer.supportsMasking());
    }

    // ------------------------------------------------------------------ errors

    static IllegalArgumentException fails(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run);
    }

    static void assertMessage(IllegalArgumentException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "message <" + e.getMessage() + "> lacks <" + p + ">");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void incompatibleShapesNameTheLayerAndTheShapes(Kind kind) {
        Merge<?> layer = kind.layer().get().name("m_" + kind.name().toLowerCase());
        IllegalArgumentException e = fails(() -> layer.build(List.of(new int[] {-1, 3}, new int[] {-1, 4})));
        assertMessage(e, "m_" + kind.name().toLowerCase(), "Inputs have incompatible shapes. Received shapes (3,) and (4,)", "[(None, 3), (None, 4)]");
        fails(() -> layer.computeOutputShapes(List.of(new int[] {-1, 2, 3}, new int[] {-1, 4, 3})));
        fails(() -> layer.apply(Input.of(2, 3), Input.of(3, 3)));
        fails(() -> layer.apply(r(1, 2, 3), r(2, 2, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void differentBatchSizes(Kind kind) {
        IllegalArgumentException e = fails(() -> kind.layer().get().apply(r(1, 2, 3), r(2, 3, 3)));
        assertMessage(e, "Cannot merge tensors with different batch sizes. Received tensors with shapes [(2, 3), (3, 3)]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variadicKinds")
    void needsAtLeastTwoInputs(Kind kind) {
        IllegalArgumentException e = fails(() -> kind.layer().get().apply(List.of(r(1, 2, 3)), false));
        assertMessage(e, "A merge layer should be called on a list of at least 2 inputs. Received 1 inputs. Full input_shape received: [(2, 3)]");
        assertMessage(fails(() -> kind.layer().get().apply(List.of(Input.of(3)))), "at least 2 inputs");
        assertMessage(fails(() -> kind.layer().get().computeOutputShapes(List.of())), "Received 0 inputs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSingleTensorIsNotAList(Kind kind) {
        Merge<?> layer = kind.layer().get();
        assertMessage(fails(() -> layer.apply(r(1, 2, 3))), "A merge layer should be called on a list of inputs. Received: inputs=",
                "(2, 3)", "(not a list of tensors)");
        assertMessage(fails(() -> layer.apply(r(1, 2, 3), true)), "(not a list of tensors)");
        assertMessage(fails(() -> layer.apply(Input.of(3))), "(not a list of tensors)");
        assertMessage(fails(() -> layer.computeOutputShape(new int[] {-1, 3})),
                "A merge layer should be called on a list of inputs. Received: input_shape=(None, 3) (not a list of shapes)");
        assertMessage(fails(() -> layer.build(new int[] {-1, 3})), "(not a list of shapes)");
    }

    @Test
    void subtractTakesExactlyTwoInputs() {
        assertMessage(fails(() -> new Subtract().apply(List.of(Input.of(4, 5), Input.of(4, 5), Input.of(4, 5)))),
                "A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=[(None, 4, 5), (None, 4, 5), (None, 4, 5)]");
        assertMessage(fails(() -> new Subtract().apply(List.of(Input.of(4, 5)))), "should be called on exactly 2 inputs");
        assertMessage(fails(() -> new Subtract().apply(List.of(r(1, 2), r(2, 2), r(3, 2)), false)), "exactly 2 inputs");
    }

    @Test
    void inputsWithoutABatchAxisAreRejected() {
        assertMessage(fails(() -> new Add().apply(Tensor.scalar(1f), Tensor.scalar(2f))), "merge inputs need a batch axis");
    }

    @Test
    void shapesAreCheckedOnEveryCallNotOnlyAtBuild() {
        Add layer = new Add();
        layer.apply(Input.of(3), Input.of(3));
        assertMessage(fails(() -> layer.apply(r(1, 2, 3), r(2, 2, 5))), "Inputs have incompatible shapes. Received shapes (3,) and (5,)");
    }
}
