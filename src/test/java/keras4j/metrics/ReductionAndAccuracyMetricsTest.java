package keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import keras4j.autograd.GradientTape;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Mean, Sum, wrappers and the accuracy metrics over several batches, with and without sample weights. */
class ReductionAndAccuracyMetricsTest {

    static Tensor m(float[][] rows) {
        return Tensor.of(rows);
    }

    @Test
    void meanAndSumAccumulateWeightedValues() {
        Mean mean = new Mean();
        mean.updateState(Tensor.vector(1, 2, 3));
        mean.updateState(Tensor.vector(10), Tensor.vector(2));
        // (1 + 2 + 3 + 2 * 10) / (3 + 2)
        assertEquals(26f / 5, mean.result(), 1e-6);
        mean.resetState();
        assertEquals(0f, mean.result());
        // Per-sample values are averaged first: rows (1, 3) and (5, 7) with weights 1 and 3.
        mean.updateState(Tensor.of(new float[][] {{1, 3}, {5, 7}}), Tensor.vector(1, 3));
        assertEquals((2 + 3 * 6) / 4f, mean.result(), 1e-6);
        assertNull(mean.direction());
        assertEquals("mean", mean.name());

        Sum sum = new Sum();
        sum.updateState(Tensor.vector(1, 2, 3));
        sum.updateState(Tensor.of(new float[][] {{1, 3}, {5, 7}}), Tensor.vector(1, 0.5f));
        assertEquals(6 + 4 + 6, sum.result(), 1e-6);
        sum.resetState();
        assertEquals(0f, sum.result());
    }

    @Test
    void meanMetricWrapperAveragesAFunctionPerSample() {
        MeanMetricWrapper w = new MeanMetricWrapper((t, p) -> p.sub(t).abs().max(false, -1), "max_abs");
        w.updateState(m(new float[][] {{0, 0}, {1, 1}}), m(new float[][] {{1, -3}, {1, 2}}), null);
        assertEquals((3 + 1) / 2f, w.result(), 1e-6);
        w.updateState(m(new float[][] {{0, 0}}), m(new float[][] {{2, 0}}), Tensor.vector(2));
        assertEquals((3 + 1 + 2 * 2) / 4f, w.result(), 1e-6);
        assertEquals("max_abs", w.name());
    }

    @Test
    void updatesAreNotRecordedOnATape() {
        Tensor pred = Tensor.vector(0.2f, 0.9f);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(pred);
            new MeanSquaredError().updateState(Tensor.vector(0, 1), pred, null);
            assertEquals(0, tape.recordedOperations());
        }
    }

    @Test
    void accuracy() {
        Accuracy acc = new Accuracy();
        acc.updateState(m(new float[][] {{1}, {2}, {3}, {4}}), m(new float[][] {{0}, {2}, {3}, {4}}), null);
        assertEquals(0.75f, acc.result());
        acc.updateState(Tensor.vector(1, 2), Tensor.vector(1, 0), Tensor.vector(3, 1));
        // 3 right of 4, then weight 3 right of 4: (3 + 3) / (4 + 4)
        assertEquals(6f / 8, acc.result(), 1e-6);
        assertEquals("up", acc.direction());
    }

    @Test
    void binaryAccuracyWithThreshold() {
        BinaryAccuracy acc = new BinaryAccuracy();
        Tensor t = m(new float[][] {{1}, {1}, {0}, {0}});
        Tensor p = m(new float[][] {{0.98f}, {1}, {0}, {0.6f}});
        acc.updateState(t, p, null);
        assertEquals(0.75f, acc.result());
        acc.resetState();
        acc.updateState(t, p, Tensor.vector(1, 0, 0, 1));
        assertEquals(0.5f, acc.result());
        BinaryAccuracy strict = new BinaryAccuracy().threshold(0.7);
        strict.updateState(t, p, null);
        assertEquals(1f, strict.result());
        // Multi-label rows average over their elements first.
        BinaryAccuracy ml = new BinaryAccuracy();
        ml.updateState(m(new float[][] {{1, 0, 1}, {0, 0, 1}}), m(new float[][] {{0.9f, 0.8f, 0.7f}, {0.1f, 0.2f, 0.3f}}), Tensor.vector(1, 3));
        assertEquals((2 / 3f + 3 * (2 / 3f)) / 4, ml.result(), 1e-6);
    }

    @Test
    void categoricalAndSparseCategoricalAccuracy() {
        Tensor p = m(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0f}});
        CategoricalAccuracy cat = new CategoricalAccuracy();
        cat.updateState(m(new float[][] {{0, 0, 1}, {0, 1, 0}}), p, null);
        assertEquals(0.5f, cat.result());
        cat.updateState(m(new float[][] {{0, 0, 1}, {0, 1, 0}}), p, Tensor.vector(0.7f, 0.3f));
        assertEquals((1 + 0.3f) / (2 + 1f), cat.result(), 1e-6);
        cat.resetState();
        assertEquals(0f, cat.result());

        SparseCategoricalAccuracy sparse = new SparseCategoricalAccuracy();
        sparse.updateState(Tensor.vector(2, 1), p, null);
        assertEquals(0.5f, sparse.result());
        sparse.updateState(m(new float[][] {{1}, {1}}), p, Tensor.vector(0.7f, 0.3f));
        assertEquals((1 + 1f) / 3, sparse.result(), 1e-6);
    }

    @Test
    void topKAccuracy() {
        Tensor p = m(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0f}});
        TopKCategoricalAccuracy top1 = new TopKCategoricalAccuracy(1);
        top1.updateState(m(new float[][] {{0, 0, 1}, {0, 1, 0}}), p, null);
        assertEquals(0.5f, top1.result());
        TopKCategoricalAccuracy top2 = new TopKCategoricalAccuracy(2);
        top2.updateState(m(new float[][] {{0, 0, 1}, {1, 0, 0}}), p, null);
        assertEquals(1f, top2.result());
        top2.updateState(m(new float[][] {{1, 0, 0}}), m(new float[][] {{0.1f, 0.9f, 0.8f}}), Tensor.vector(2));
        assertEquals(2f / 4, top2.result());
        assertEquals(5, new TopKCategoricalAccuracy().k());

        SparseTopKCategoricalAccuracy sparse = new SparseTopKCategoricalAccuracy(1);
        sparse.updateState(Tensor.vector(2, 1), p, null);
        assertEquals(0.5f, sparse.result());
        sparse.updateState(m(new float[][] {{2}, {1}}), p, Tensor.vector(1, 3));
        assertEquals((1 + 3) / 6f, sparse.result(), 1e-6);
        // Ties with the k-th score count as in the top k.
        SparseTopKCategoricalAccuracy tie = new SparseTopKCategoricalAccuracy(1);
        tie.updateState(Tensor.vector(2), m(new float[][] {{0.5f, 0f, 0.5f}}), null);
        assertEquals(1f, tie.result());
        assertThrows(IllegalArgumentException.class, () -> new SparseTopKCategoricalAccuracy(0));
    }

    @Test
    void resultOfAVectorMetricNeedsResultTensor() {
        TruePositives tp = new TruePositives(0.3, 0.7);
        tp.updateState(Tensor.vector(1, 0), Tensor.vector(0.5f, 0.9f), null);
        assertThrows(IllegalStateException.class, tp::result);
        assertFalse(tp.resultTensor().size() == 1);
    }
}
