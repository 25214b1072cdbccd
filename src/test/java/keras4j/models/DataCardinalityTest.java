package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DataCardinalityTest {

    @Test
    void ambiguousCardinalityPutsEachSizeLineOnItsOwnLineAsKerasDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Data.cardinality(List.of(Tensor.zeros(20, 3)), List.of(Tensor.zeros(19, 1)), null));
        assertEquals("Data cardinality is ambiguous. Make sure all arrays contain the same number of samples.\n"
                + "'x' sizes: 20\n'y' sizes: 19", e.getMessage());
    }

    @Test
    void equalSizesGiveTheCommonCount() {
        assertEquals(20, Data.cardinality(List.of(Tensor.zeros(20, 3)), List.of(Tensor.zeros(20, 1)), null));
    }
}
