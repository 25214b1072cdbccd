package keras4j.layers;

import static keras4j.layers.ElementwiseMergeTest.assertMessage;
import static keras4j.layers.ElementwiseMergeTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mask propagation through the merge layers, on Keras's own cases (merging_test.py {@code test_*_with_mask}):
 * {@code x1 = [[0,0],[1,2],[0,0],[3,4]]} and {@code x2 = [[0,0],[0,0],[1,2],[3,4]]} with the masks a
 * {@code Masking()} layer gives them ({@code [0,1,0,1]} and {@code [0,0,1,1]}).
 */
class MergeMaskTest {
    static final Tensor X1 = Tensor.of(new float[] {0, 0, 1, 2, 0, 0, 3, 4}, 1, 4, 2);
    static final Tensor X2 = Tensor.of(new float[] {0, 0, 0, 0, 1, 2, 3, 4}, 1, 4, 2);
    static final Tensor M1 = Tensor.of(new float[] {0, 1, 0, 1}, 1, 4);
    static final Tensor M2 = Tensor.of(new float[] {0, 0, 1, 1}, 1, 4);

    /** layer, x1, x2, output with only x1 masked, output with both masked (expected mask then [0,1,1,1]). */
    static Stream<Arguments> cases() {
        Tensor neg1 = X1.neg(), neg2 = X2.neg();
        return Stream.of(
                Arguments.of("Add", (Supplier<Merge<?>>) Add::new, X1, X2,
                        new float[] {0, 0, 1, 2, 1, 2, 6, 8}, new float[] {0, 0, 1, 2, 1, 2, 6, 8}),
                Arguments.of("Subtract", (Supplier<Merge<?>>) Subtract::new, X1, X2,
                        new float[] {0, 0, 1, 2, -1, -2, 0, 0}, new float[] {0, 0, 1, 2, -1, -2, 0, 0}),
                Arguments.of("Average", (Supplier<Merge<?>>) Average::new, X1, X2,
                        new float[] {0, 0, 0.5f, 1, 0.5f, 1, 3, 4}, new float[] {0, 0, 0.5f, 1, 0.5f, 1, 3, 4}),
                Arguments.of("Multiply", (Supplier<Merge<?>>) Multiply::new, X1, X2,
                        new float[] {0, 0, 0, 0, 1, 2, 9, 16}, new float[] {0, 0, 1, 2, 1, 2, 9, 16}),
                Arguments.of("Maximum", (Supplier<Merge<?>>) Maximum::new, neg1, neg2,
                        new float[] {0, 0, 0, 0, -1, -2, -3, -4}, new float[] {0, 0, -1, -2, -1, -2, -3, -4}),
                Arguments.of("Minimum", (Supplier<Merge<?>>) Minimum::new, X1, X2,
                        new float[] {0, 0, 0, 0, 1, 2, 3, 4}, new float[] {0, 0, 1, 2, 1, 2, 3, 4}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneMaskedInputGivesNoOutputMask(String name, Supplier<Merge<?>> layer, Tensor x1, Tensor x2, float[] oneMasked, float[] bothMasked) {
        Merge<?> l = layer.get();
        List<Tensor> inputs = List.of(x1, x2);
        List<Tensor> masks = Arrays.asList(M1, null);
        assertArrayEquals(oneMasked, Internal.array(l.invoke(inputs, masks, false).get(0)), 1e-6f);
        assertNull(l.computeMasks(inputs, masks).get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothMaskedGivesTheOrOfTheMasks(String name, Supplier<Merge<?>> layer, Tensor x1, Tensor x2, float[] oneMasked, float[] bothMasked) {
        Merge<?> l = layer.get();
        List<Tensor> inputs = List.of(x1, x2);
        List<Tensor> masks = List.of(M1, M2);
        assertArrayEquals(bothMasked, Internal.array(l.invoke(inputs, masks, false).get(0)), 1e-6f);
        Tensor mask = l.computeMasks(inputs, masks).get(0);
        assertArrayEquals(new int[] {1, 4}, mask.shape());
        assertArrayEquals(new float[] {0, 1, 1, 1}, Internal.array(mask));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noMasksGiveNoMask(String name, Supplier<Merge<?>> layer, Tensor x1, Tensor x2, float[] oneMasked, float[] bothMasked) {
        Merge<?> l = layer.get();
        assertNull(l.computeMasks(List.of(x1, x2), null).get(0));
        assertNull(l.computeMasks(List.of(x1, x2), Arrays.asList(null, null)).get(0));
    }

    @Test
    void threeMasksAreOred() {
        Tensor m3 = Tensor.of(new float[] {1, 0, 0, 0}, 1, 4);
        Tensor mask = new Add().computeMasks(List.of(X1, X2, X1), List.of(M1, M2, m3)).get(0);
        assertArrayEquals(new float[] {1, 1, 1, 1}, Internal.array(mask));
    }

    /** Where every input is masked out, Maximum and Minimum keep the first input and Multiply gives 0. */
    @Test
    void fullyMaskedPositions() {
        Tensor a = Tensor.of(new float[] {5, -5, 2}, 1, 3, 1), b = Tensor.of(new float[] {7, 1, 3}, 1, 3, 1);
        Tensor ma = Tensor.of(new float[] {0, 0, 1}, 1, 3), mb = Tensor.of(new float[] {0, 1, 0}, 1, 3);
        List<Tensor> masks = List.of(ma, mb);
        assertArrayEquals(new float[] {5, 1, 2}, Internal.array(new Maximum().invoke(List.of(a, b), masks, false).get(0)));
        assertArrayEquals(new float[] {5, 1, 2}, Internal.array(new Minimum().invoke(List.of(a, b), masks, false).get(0)));
        assertArrayEquals(new float[] {0, 1, 2}, Internal.array(new Multiply().invoke(List.of(a, b), masks, false).get(0)));
    }

    // ------------------------------------------------------------------ Concatenate

    @Test
    void concatenateAlongTimeConcatenatesTheMasks() {
        Concatenate cat = new Concatenate(1);
        List<Tensor> inputs = List.of(X1, X2);
        List<Tensor> masks = Arrays.asList(M1, null);
        Tensor out = cat.invoke(inputs, masks, false).get(0);
        assertArrayEquals(new float[] {0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 1, 2, 3, 4}, Internal.array(out));
        assertArrayEquals(new float[] {0, 1, 0, 1, 1, 1, 1, 1}, Internal.array(cat.computeMasks(inputs, masks).get(0)));
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 1, 1}, Internal.array(cat.computeMasks(inputs, List.of(M1, M2)).get(0)));
    }

    @Test
    void concatenateAlongFeaturesOrsTheMasks() {
        Concatenate cat = new Concatenate(2);
        List<Tensor> inputs = List.of(X1, X2);
        Tensor out = cat.invoke(inputs, Arrays.asList(M1, null), false).get(0);
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 1, 2, 3, 4, 3, 4}, Internal.array(out));
        assertArrayEquals(new float[] {1, 1, 1, 1}, Internal.array(cat.computeMasks(inputs, Arrays.asList(M1, null)).get(0)));
        assertArrayEquals(new float[] {0, 1, 1, 1}, Internal.array(cat.computeMasks(inputs, List.of(M1, M2)).get(0)));
    }

    @Test
    void concatenateWithoutMasksHasNoMask() {
        assertNull(new Concatenate().computeMasks(List.of(X1, X2), Arrays.asList(null, null)).get(0));
        assertNull(new Concatenate().computeMasks(List.of(X1, X2), null).get(0));
    }

    @Test
    void concatenateAcceptsAMaskOfTheInputsFullShape() {
        Tensor full1 = Tensor.of(new float[] {0, 0, 1, 0, 0, 0, 0, 1}, 1, 4, 2);
        Tensor mask = new Concatenate(1).computeMasks(List.of(X1, X2), List.of(full1, M2)).get(0);
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0, 1, 1}, Internal.array(mask));
    }

    // ------------------------------------------------------------------ errors

    @Test
    void oneMaskPerInput() {
        assertMessage(fails(() -> new Add().computeMasks(List.of(X1, X2), List.of(M1))),
                "The lists `inputs` and `mask` should have the same length. Received: inputs of length 2, and mask of length 1");
        assertMessage(fails(() -> new Add().invoke(List.of(X1, X2), List.of(M1), false)), "should have the same length");
    }

    @Test
    void computeMaskNeedsAList() {
        assertMessage(fails(() -> new Add().computeMask(X1, M1)), "`inputs` should be a list.");
    }

    @Test
    void aMaskMustFitItsInput() {
        Tensor wrong = Tensor.ones(1, 3);
        assertMessage(fails(() -> new Maximum().invoke(List.of(X1, X2), List.of(wrong, M2), false)),
                "a mask of shape (1, 3) does not fit an input of shape (1, 4, 2)");
        assertMessage(fails(() -> new Multiply().invoke(List.of(X1, X2), List.of(M1, wrong), false)), "does not fit");
    }
}
