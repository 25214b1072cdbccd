package keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sums treeAggregate takes: sample-weighted average states and summed metric states. */
class ContributionTest {
    @Test
    void averagesStatesBySamplesAndSumsMetrics() {
        Contribution a = Contribution.of(new float[] {1f, 2f}, 1, new double[] {0.5, 1});
        Contribution b = Contribution.of(new float[] {4f, -1f}, 3, new double[] {1.5, 3});
        Contribution sum = Contribution.empty().add(a).add(Contribution.empty()).add(b);
        assertArrayEquals(new float[] {(1f + 12f) / 4, (2f - 3f) / 4}, sum.average());
        assertArrayEquals(new double[] {2, 4}, sum.metrics);
        assertEquals(4, sum.samples);
        // The order of combination does not matter here; a partition alone keeps its state exactly.
        assertArrayEquals(sum.average(), Contribution.empty().add(b).add(Contribution.empty().add(a)).average());
        float[] odd = {0.1f, 1e-30f};
        assertArrayEquals(odd, Contribution.empty().add(Contribution.of(odd, 7, null)).average());
        assertNull(Contribution.empty().add(Contribution.empty()).average(), "no partition trained");
        IllegalStateException sizes = assertThrows(IllegalStateException.class, () -> a.add(Contribution.of(new float[3], 1, null)));
        assertEquals("Partitions returned states of different sizes: 2 and 3", sizes.getMessage());
    }
}
