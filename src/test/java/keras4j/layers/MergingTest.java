package keras4j.layers;

import static keras4j.layers.ElementwiseMergeTest.assertMessage;
import static keras4j.layers.ElementwiseMergeTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The functional helpers ({@code keras.layers.add([...])} and friends) on symbolic and concrete tensors. */
class MergingTest {
    static final Tensor A = Tensor.of(new float[] {1, -2, 3, 4}, 2, 2);
    static final Tensor B = Tensor.of(new float[] {5, 6, -7, 8}, 2, 2);
    static final Tensor C = Tensor.of(new float[] {0, 1, 0, 1}, 2, 2);

    @Test
    void symbolicHelpersMakeTheLayerAndANode() {
        KerasTensor a = Input.of(4), b = Input.of(4);
        KerasTensor out = Merging.add(a, b);
        assertInstanceOf(Add.class, out.layer());
        assertArrayEquals(new int[] {-1, 4}, out.dims());
        Node node = out.layer().inboundNodes().get(0);
        assertSame(a, node.inputs().get(0));
        assertSame(b, node.inputs().get(1));
        assertNotSame(out.layer(), Merging.add(a, b).layer());
    }

    @Test
    void everySymbolicHelper() {
        KerasTensor a = Input.of(3, 4), b = Input.of(3, 4);
        assertInstanceOf(Subtract.class, Merging.subtract(a, b).layer());
        assertInstanceOf(Multiply.class, Merging.multiply(a, b).layer());
        assertInstanceOf(Average.class, Merging.average(a, b, a).layer());
        assertInstanceOf(Maximum.class, Merging.maximum(a, b).layer());
        assertInstanceOf(Minimum.class, Merging.minimum(a, b).layer());
        assertArrayEquals(new int[] {-1, 3, 8}, Merging.concatenate(a, b).dims());
        assertArrayEquals(new int[] {-1, 6, 4}, Merging.concatenate(1, a, b).dims());
        assertArrayEquals(new int[] {-1, 3, 3}, Merging.dot(-1, a, b).dims());
        assertArrayEquals(new int[] {-1, 4, 4}, Merging.dot(1, true, a, b).dims());
        KerasTensor d = Merging.dot(new int[] {2, 1}, false, a, Input.of(4, 5));
        assertArrayEquals(new int[] {-1, 3, 5}, d.dims());
        assertEquals(true, ((Dot) Merging.dot(1, true, a, b).layer()).normalize());
    }

    @Test
    void concreteHelpers() {
        assertArrayEquals(new float[] {6, 4, -4, 12}, Merging.add(A, B).data());
        assertArrayEquals(new float[] {6, 5, -4, 13}, Merging.add(A, B, C).data());
        assertArrayEquals(new float[] {-4, -8, 10, -4}, Merging.subtract(A, B).data());
        assertArrayEquals(new float[] {5, -12, -21, 32}, Merging.multiply(A, B).data());
        assertArrayEquals(new float[] {3, 2, -2, 6}, Merging.average(A, B).data());
        assertArrayEquals(new float[] {5, 6, 3, 8}, Merging.maximum(A, B).data());
        assertArrayEquals(new float[] {0, -2, -7, 1}, Merging.minimum(A, B, C).data());
        assertArrayEquals(new float[] {1, -2, 5, 6, 3, 4, -7, 8}, Merging.concatenate(A, B).data());
        assertArrayEquals(new int[] {4, 2}, Merging.concatenate(0, A, B).shape());
        assertArrayEquals(new float[] {-7, 11}, Merging.dot(1, A, B).data());
        assertArrayEquals(new int[] {2, 1}, Merging.dot(-1, A, B).shape());
        Tensor cos = Merging.dot(1, true, A, A);
        assertArrayEquals(new float[] {1, 1}, cos.data(), 1e-6f);
        assertArrayEquals(new float[] {-7, 11}, Merging.dot(new int[] {1, 1}, false, A, B).data());
    }

    @Test
    void helperErrorsAreTheLayersErrors() {
        assertMessage(fails(() -> Merging.add(Input.of(3))), "at least 2 inputs");
        assertMessage(fails(() -> Merging.add(A)), "at least 2 inputs");
        assertMessage(fails(() -> Merging.subtract(A, B, C)), "exactly 2 inputs");
        assertMessage(fails(() -> Merging.concatenate(Input.of(3, 2), Input.of(4, 2))), "matching shapes");
        assertMessage(fails(() -> Merging.dot(1, Input.of(3), Input.of(4))), "Incompatible input shapes");
    }

    @Test
    void aMergeLayerCanBeReusedOnNewInputs() {
        Add add = new Add();
        KerasTensor first = add.apply(Input.of(2), Input.of(2));
        KerasTensor second = add.apply(List.of(Input.of(2), Input.of(2))).get(0);
        assertEquals(0, first.nodeIndex());
        assertEquals(1, second.nodeIndex());
        assertArrayEquals(new float[] {6, 4, -4, 12}, add.apply(A, B).data());
    }
}
