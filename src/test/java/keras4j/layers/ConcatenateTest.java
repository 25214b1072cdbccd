package keras4j.layers;

import static keras4j.layers.ElementwiseMergeTest.assertMessage;
import static keras4j.layers.ElementwiseMergeTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Concatenate: values on each axis, shape inference with None, and Keras's shape errors. */
class ConcatenateTest {

    static Tensor seq(float start, int... shape) {
        int n = keras4j.tensor.Shapes.size(shape);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = start + i;
        return Tensor.of(d, shape);
    }

    @Test
    void lastAxisByDefault() {
        Tensor a = seq(0, 1, 2, 2), b = seq(10, 1, 2, 1);
        Tensor out = new Concatenate().apply(a, b);
        assertArrayEquals(new int[] {1, 2, 3}, out.shape());
        assertArrayEquals(new float[] {0, 1, 10, 2, 3, 11}, out.data());
    }

    @Test
    void middleAxisCountsTheBatchAxis() {
        Tensor a = seq(0, 2, 1, 2), b = seq(10, 2, 2, 2);
        Tensor out = new Concatenate(1).apply(a, b);
        assertArrayEquals(new int[] {2, 3, 2}, out.shape());
        assertArrayEquals(new float[] {0, 1, 10, 11, 12, 13, 2, 3, 14, 15, 16, 17}, out.data());
        assertArrayEquals(out.data(), new Concatenate(-2).apply(a, b).data());
    }

    @Test
    void batchAxis() {
        Tensor out = new Concatenate(0).apply(seq(0, 1, 2), seq(5, 2, 2));
        assertArrayEquals(new int[] {3, 2}, out.shape());
        assertArrayEquals(new float[] {0, 1, 5, 6, 7, 8}, out.data());
    }

    @Test
    void fourInputs() {
        Tensor out = new Concatenate(-1).apply(seq(0, 1, 1), seq(1, 1, 2), seq(3, 1, 1), seq(4, 1, 3));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6}, out.data());
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(-1, new int[][] {{-1, 3, 2}, {-1, 3, 5}}, new int[] {-1, 3, 7}),
                Arguments.of(1, new int[][] {{-1, 3, 2}, {-1, 4, 2}}, new int[] {-1, 7, 2}),
                Arguments.of(-2, new int[][] {{-1, 3, 2}, {-1, 4, 2}, {-1, 1, 2}}, new int[] {-1, 8, 2}),
                Arguments.of(-1, new int[][] {{-1, 3, -1}, {-1, 3, 5}}, new int[] {-1, 3, -1}),
                Arguments.of(-1, new int[][] {{-1, -1, 2}, {-1, 3, 5}}, new int[] {-1, -1, 7}),
                Arguments.of(-1, new int[][] {{4, 3, 2}, {-1, 3, 5}}, new int[] {4, 3, 7}),
                Arguments.of(0, new int[][] {{2, 3}, {5, 3}}, new int[] {7, 3}),
                Arguments.of(-1, new int[][] {{1, 1, 1, 1, 5}, {1, 1, 1, 1, 4}}, new int[] {1, 1, 1, 1, 9}));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void outputShape(int axis, int[][] inputShapes, int[] expected) {
        assertArrayEquals(expected, new Concatenate(axis).computeOutputShapes(List.of(inputShapes)).get(0));
    }

    @Test
    void symbolicCall() {
        KerasTensor out = new Concatenate(1).apply(Input.of(3, 2), Input.of(-1, 2));
        assertArrayEquals(new int[] {-1, -1, 2}, out.dims());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void nonAxisDimsMustMatch() {
        IllegalArgumentException e = fails(() -> new Concatenate().name("cat").build(List.of(new int[] {-1, 3, 2}, new int[] {-1, 4, 5})));
        assertMessage(e, "\"cat\"", "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "
                + "Received: input_shape=[(None, 3, 2), (None, 4, 5)]");
        // Keras's own cases (merging_test.py::test_concatenate_errors).
        assertMessage(fails(() -> new Concatenate(-1).apply(Tensor.ones(1, 2, 1, 1, 5), Tensor.ones(1, 1, 1, 1, 4))), "matching shapes");
        assertMessage(fails(() -> new Concatenate(1).apply(Tensor.ones(1, 2, 1, 2, 1), Tensor.ones(1, 1, 1, 3, 1))), "matching shapes");
        assertMessage(fails(() -> new Concatenate(1).apply(Input.of(3, 2), Input.of(3, 4))), "matching shapes");
    }

    @Test
    void ranksMustMatch() {
        assertMessage(fails(() -> new Concatenate().apply(Input.of(3, 2), Input.of(2))), "matching shapes",
                "input_shape=[(None, 3, 2), (None, 2)]");
    }

    @Test
    void axisMustBeInRange() {
        assertMessage(fails(() -> new Concatenate(3).apply(Input.of(3, 2), Input.of(3, 2))), "axis 3 is out of bounds for inputs of rank 3");
        assertMessage(fails(() -> new Concatenate(-4).apply(Input.of(3, 2), Input.of(3, 2))), "axis -4 is out of bounds");
    }

    @Test
    void needsAtLeastTwoInputs() {
        assertMessage(fails(() -> new Concatenate().apply(List.of(Input.of(3)))),
                "A `Concatenate` layer should be called on a list of at least 2 inputs. Received: input_shape=[(None, 3)]");
        assertMessage(fails(() -> new Concatenate().apply(Tensor.ones(2, 3))), "(not a list of tensors)");
    }

    @Test
    void shapesAreCheckedOnEveryCall() {
        Concatenate layer = new Concatenate();
        layer.apply(Input.of(3, 2), Input.of(3, 5));
        assertMessage(fails(() -> layer.apply(Tensor.ones(1, 3, 2), Tensor.ones(1, 4, 5))), "matching shapes");
        assertEquals(7, layer.apply(Tensor.ones(1, 3, 2), Tensor.ones(1, 3, 5)).dim(-1));
    }
}
