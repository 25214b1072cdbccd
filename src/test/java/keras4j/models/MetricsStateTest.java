package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.layers.Dense;
import keras4j.metrics.AUC;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keras's reset_metrics / get_metrics_result and the additive metric state that data-parallel evaluation sums. */
class MetricsStateTest {

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(11);
    }

    private static Sequential model() {
        Sequential m = new Sequential(new Dense(4).inputShape(3).activation("tanh"), new Dense(1).activation("sigmoid"));
        m.compile(new CompileOptions().optimizer("sgd").loss("binary_crossentropy").metrics("accuracy", new AUC()));
        return m;
    }

    private static Tensor[] data(int n, long seed) {
        Tensor x = Tensor.randomNormal(seed, 0, 1, n, 3);
        Tensor y = x.sum(false, 1).gt(0.3f).reshape(n, 1);
        return new Tensor[] {x, y};
    }

    @Test
    void summedStatesOfTwoShardsGiveTheMetricsOfTheWholeData() {
        Sequential m = model();
        Tensor[] d = data(100, 3);
        Map<String, Double> whole = m.evaluate(d[0], d[1], 100, 0);

        // Two unequal shards, evaluated in batches of 16 as two replicas would.
        double[] total = null;
        for (int[] range : new int[][] {{0, 13}, {13, 100}}) {
            m.resetMetrics();
            for (int from = range[0]; from < range[1]; from += 16) {
                int to = Math.min(range[1], from + 16);
                m.testOnBatch(d[0].slice(from, to), d[1].slice(from, to), false);
            }
            double[] s = m.metricsState();
            if (total == null) total = s;
            else for (int i = 0; i < s.length; i++) total[i] += s[i];
        }
        // loss total and count, accuracy total and count, AUC's four 200-threshold confusion counts.
        assertEquals(2 + 2 + 4 * 200, total.length);
        assertEquals(100.0, total[1], "the loss tracker counts samples");
        m.setMetricsState(total);
        Map<String, Double> merged = m.getMetricsResult();
        assertEquals(List.copyOf(whole.keySet()), List.copyOf(merged.keySet()));
        assertEquals(whole.get("loss"), merged.get("loss"), 1e-6);
        assertEquals(whole.get("accuracy"), merged.get("accuracy"), 1e-7);
        assertEquals(whole.get("auc"), merged.get("auc"), 1e-6);
    }

    @Test
    void logsAccumulateOverBatchesUntilReset() {
        Sequential m = model();
        Tensor[] a = data(10, 5), b = data(30, 6);
        double lossA = m.testOnBatch(a[0], a[1]).get("loss");
        double lossB = m.testOnBatch(b[0], b[1]).get("loss");
        m.resetMetrics();
        m.testOnBatch(a[0], a[1], false);
        double both = m.testOnBatch(b[0], b[1], false).get("loss");
        assertEquals((10 * lossA + 30 * lossB) / 40, both, 1e-6, "the loss is weighted by batch size, as in an epoch");
        assertEquals(both, m.getMetricsResult().get("loss"));
        m.resetMetrics();
        assertEquals(0.0, m.getMetricsResult().get("loss"));
        double trained = m.trainOnBatch(a[0], a[1], false).get("loss");
        assertEquals(lossA, trained, 1e-6, "the logged loss is the one before the update");
    }

    @Test
    void settingAStateNeedsBuiltMetricsOfTheSameLayout() {
        Sequential m = model();
        assertEquals(0, m.metricsState().length, "metrics are built by the first batch");
        IllegalStateException unbuilt = assertThrows(IllegalStateException.class, () -> m.setMetricsState(new double[4]));
        assertTrue(unbuilt.getMessage().contains("first batch"), unbuilt.getMessage());
        Tensor[] d = data(8, 1);
        m.testOnBatch(d[0], d[1]);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> m.setMetricsState(new double[3]));
        assertTrue(wrong.getMessage().contains("has 804 metric state values, received 3"), wrong.getMessage());
    }
}
