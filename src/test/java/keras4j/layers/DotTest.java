package keras4j.layers;

import static keras4j.layers.ElementwiseMergeTest.assertMessage;
import static keras4j.layers.ElementwiseMergeTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dot: batch_dot output shapes, values against a loop reference, normalize, and Keras's errors. */
class DotTest {

    /**
     * Per-sample tensordot by loops (like Keras's test helper {@code np_dot}): output axes are x's remaining
     * axes then y's remaining non-batch axes; a rank-1 result becomes {@code (b, 1)}.
     */
    static Tensor reference(Tensor x, Tensor y, int ax, int ay) {
        int[] xs = x.shape(), ys = y.shape();
        List<Integer> xRest = new ArrayList<>(), yRest = new ArrayList<>();
        for (int i = 1; i < xs.length; i++) if (i != ax) xRest.add(i);
        for (int i = 1; i < ys.length; i++) if (i != ay) yRest.add(i);
        int[] outShape = new int[1 + xRest.size() + yRest.size()];
        outShape[0] = xs[0];
        for (int i = 0; i < xRest.size(); i++) outShape[1 + i] = xs[xRest.get(i)];
        for (int i = 0; i < yRest.size(); i++) outShape[1 + xRest.size() + i] = ys[yRest.get(i)];
        int n = keras4j.tensor.Shapes.size(outShape);
        float[] out = new float[n];
        int[] idx = new int[outShape.length];
        for (int e = 0; e < n; e++) {
            int rem = e;
            for (int d = outShape.length - 1; d >= 0; d--) {
                idx[d] = rem % outShape[d];
                rem /= outShape[d];
            }
            int[] xi = new int[xs.length], yi = new int[ys.length];
            xi[0] = idx[0];
            yi[0] = idx[0];
            for (int i = 0; i < xRest.size(); i++) xi[xRest.get(i)] = idx[1 + i];
            for (int i = 0; i < yRest.size(); i++) yi[yRest.get(i)] = idx[1 + xRest.size() + i];
            double s = 0;
            for (int k = 0; k < xs[ax]; k++) {
                xi[ax] = k;
                yi[ay] = k;
                s += (double) x.get(xi) * y.get(yi);
            }
            out[e] = (float) s;
        }
        return outShape.length == 1 ? Tensor.of(out, outShape[0], 1) : Tensor.of(out, outShape);
    }

    static Tensor r(long seed, int... shape) {
        return Tensor.randomUniform(seed, -1f, 1f, shape);
    }

    static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertTrue(expected.allClose(actual, 1e-5f, 1e-5f), "expected " + expected + " got " + actual);
    }

    /** axes (as given), x shape, y shape, resolved (ax, ay), expected output shape. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {-1}, new int[] {2, 4}, new int[] {2, 4}, 1, 1, new int[] {2, 1}),
                Arguments.of(new int[] {-1}, new int[] {2, 4, 5}, new int[] {2, 4, 5}, 2, 2, new int[] {2, 4, 4}),
                Arguments.of(new int[] {1}, new int[] {2, 3, 2}, new int[] {2, 3, 2}, 1, 1, new int[] {2, 2, 2}),
                Arguments.of(new int[] {1, 2}, new int[] {2, 3, 5}, new int[] {2, 10, 3}, 1, 2, new int[] {2, 5, 10}),
                Arguments.of(new int[] {-2, -1}, new int[] {1, 3, 2}, new int[] {1, 1, 2, 3}, 1, 3, new int[] {1, 2, 1, 2}),
                Arguments.of(new int[] {1, 1}, new int[] {2, 3}, new int[] {2, 3, 4}, 1, 1, new int[] {2, 4}),
                Arguments.of(new int[] {2, 1}, new int[] {2, 4, 3}, new int[] {2, 3}, 2, 1, new int[] {2, 4}),
                Arguments.of(new int[] {2, 3}, new int[] {2, 3, 4, 5}, new int[] {2, 2, 6, 4}, 2, 3, new int[] {2, 3, 5, 2, 6}));
    }

    static Dot layer(int[] axes) {
        return axes.length == 1 ? new Dot(axes[0]) : new Dot(axes[0], axes[1]);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesALoopReference(int[] axes, int[] xShape, int[] yShape, int ax, int ay, int[] expectedShape) {
        Tensor x = r(1, xShape), y = r(2, yShape);
        Tensor out = layer(axes).apply(x, y);
        assertArrayEquals(expectedShape, out.shape());
        assertClose(reference(x, y, ax, ay), out);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inferredShapeWithUnknownBatch(int[] axes, int[] xShape, int[] yShape, int ax, int ay, int[] expectedShape) {
        int[] xs = xShape.clone(), ys = yShape.clone(), expected = expectedShape.clone();
        xs[0] = ys[0] = expected[0] = -1;
        assertArrayEquals(expected, layer(axes).computeOutputShapes(List.of(xs, ys)).get(0));
        KerasTensor out = layer(axes).apply(Input.batchShape(xs), Input.batchShape(ys));
        assertArrayEquals(expected, out.dims());
    }

    @Test
    void unknownNonContractedSizesStayUnknown() {
        assertArrayEquals(new int[] {-1, -1, 7}, new Dot(2, 1).computeOutputShapes(List.of(new int[] {-1, -1, 3}, new int[] {-1, 3, 7})).get(0));
        assertArrayEquals(new int[] {-1, -1, -1}, new Dot(-1).computeOutputShapes(List.of(new int[] {-1, -1, -1}, new int[] {-1, -1, -1})).get(0));
    }

    @Test
    void normalizeGivesCosineSimilarity() {
        Tensor x = r(3, 2, 3, 4), y = r(4, 2, 5, 4);
        Tensor out = new Dot(-1).normalize(true).apply(x, y);
        Tensor xn = x.div(x.square().sum(true, 2).sqrt()), yn = y.div(y.square().sum(true, 2).sqrt());
        assertClose(reference(xn, yn, 2, 2), out);
        for (float v : out.data()) assertTrue(Math.abs(v) <= 1f + 1e-6f);
    }

    @Test
    void normalizeAlongTheFirstAxis() {
        Tensor x = r(5, 2, 3, 2), y = r(6, 2, 3, 4);
        Tensor out = new Dot(1).normalize(true).apply(x, y);
        Tensor xn = x.div(x.square().sum(true, 1).sqrt()), yn = y.div(y.square().sum(true, 1).sqrt());
        assertClose(reference(xn, yn, 1, 1), out);
    }

    @Test
    void normalizingAZeroVectorGivesZeroNotNaN() {
        Tensor x = Tensor.zeros(1, 3), y = Tensor.of(new float[] {1, 2, 3}, 1, 3);
        Tensor out = new Dot(1).normalize(true).apply(x, y);
        assertArrayEquals(new float[] {0f}, out.data());
    }

    @Test
    void hasNoOutputMask() {
        Tensor m = Tensor.ones(1, 3);
        Dot dot = new Dot(-1);
        assertNull(dot.computeMasks(List.of(r(1, 1, 3, 2), r(2, 1, 3, 2)), List.of(m, m)).get(0));
        assertNull(dot.computeMasks(List.of(r(1, 1, 3, 2), r(2, 1, 3, 2)), null).get(0));
        Tensor out = dot.invoke(List.of(r(1, 1, 3, 2), r(2, 1, 3, 2)), Arrays.asList(m, null), false).get(0);
        assertArrayEquals(new int[] {1, 3, 3}, out.shape());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void contractedSizesMustMatch() {
        IllegalArgumentException e = fails(() -> new Dot(1).name("d").apply(Input.of(3), Input.of(4)));
        assertMessage(e, "\"d\"", "Incompatible input shapes: axis values 3 (at axis 1) != 4 (at axis 1). Full input shapes: (None, 3), (None, 4)");
        assertMessage(fails(() -> new Dot(1, 2).apply(r(1, 2, 3, 4), r(2, 2, 3, 4))), "axis values 3 (at axis 1) != 4 (at axis 2)");
    }

    /** Keras's build compares the contracted sizes as given, so None against a known size is an error. */
    @Test
    void unknownAgainstKnownContractedSizeIsAnErrorAsInKeras() {
        assertMessage(fails(() -> new Dot(1).apply(Input.of(-1, 2), Input.of(3, 2))), "axis values None (at axis 1) != 3 (at axis 1)");
        assertArrayEquals(new int[] {-1, 2, 2}, new Dot(1).apply(Input.of(-1, 2), Input.of(-1, 2)).dims());
    }

    @Test
    void theBatchAxisCannotBeContracted() {
        assertMessage(fails(() -> new Dot(0).apply(Input.of(3), Input.of(3))), "Cannot perform batch_dot over axis 0");
        assertMessage(fails(() -> new Dot(1, 0).apply(r(1, 3, 3), r(2, 3, 3))), "Cannot perform batch_dot over axis 0");
    }

    @Test
    void ranksBelowTwoAreRejected() {
        assertMessage(fails(() -> new Dot(-1).apply(r(1, 3), r(2, 3, 2))),
                "Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes (3,) and (3, 2).");
    }

    @Test
    void batchSizesMustMatch() {
        assertMessage(fails(() -> new Dot(-1).apply(r(1, 2, 3), r(2, 4, 3))),
                "Cannot do batch_dot on inputs with different batch sizes. Received inputs with shapes (2, 3) and (4, 3).");
    }

    @Test
    void axesOutOfRange() {
        assertMessage(fails(() -> new Dot(3).apply(Input.of(3), Input.of(3))), "axes=3 is out of range");
        assertMessage(fails(() -> new Dot(1, 5).apply(Input.of(3), Input.of(3))), "axes=[1, 5] is out of range");
    }

    @Test
    void takesExactlyTwoInputs() {
        assertMessage(fails(() -> new Dot(-1).apply(List.of(Input.of(3), Input.of(3), Input.of(3)))),
                "A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=[(None, 3), (None, 3), (None, 3)]");
        assertMessage(fails(() -> new Dot(-1).apply(List.of(Input.of(3)))), "should be called on a list of 2 inputs");
        assertMessage(fails(() -> new Dot(-1).apply(r(1, 2, 3))), "(not a list of tensors)");
    }

    @Test
    void axesArgumentValidation() {
        assertMessage(fails(() -> new Dot(new int[] {1, 2, 3})), "Invalid format for argument `axes`: it should contain two elements. Received: axes=[1, 2, 3]");
        assertMessage(fails(() -> new Dot(new int[] {1})), "it should contain two elements");
        assertMessage(fails(() -> Dot.fromConfig(Config.of("axes", "last"))),
                "Invalid type for argument `axes`: it should be a list or an int. Received: axes=last");
        assertMessage(fails(() -> Dot.fromConfig(Config.of("axes", List.of(1, "a")))),
                "Invalid format for argument `axes`: list elements should be integers");
        assertMessage(fails(() -> Dot.fromConfig(Config.of("axes", List.of(1, 2, 3)))), "it should contain two elements");
    }

    @Test
    void accessors() {
        Dot d = new Dot(1, 2).normalize(true);
        assertArrayEquals(new int[] {1, 2}, d.axes());
        assertTrue(d.normalize());
        assertEquals(false, new Dot(1).normalize());
    }
}
