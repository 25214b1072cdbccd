package keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import keras4j.callbacks.EarlyStopping;
import keras4j.callbacks.History;
import keras4j.models.FitOptions;
import keras4j.models.Model;
import keras4j.tensor.Tensor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-parallel training on a local[2] session with more partitions than cores. */
class KerasEstimatorTest {
    private static final Dataset<Row> TRAIN = Digits.frame(Digits.SPLIT.train(), 3);
    private static final Dataset<Row> TEST = Digits.frame(Digits.SPLIT.test(), 3);

    private static KerasEstimator estimator(int epochs) {
        return new KerasEstimator(Digits.model(1)).setEpochs(epochs).setNumWorkers(4).setSyncEvery(4).setSeed(42).setVerbose(0);
    }

    private static List<float[]> weights(KerasModel m) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : m.getModel().getWeights()) out.add(t.toFloatArray());
        return out;
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), "weight " + i);
    }

    @Test
    void digitsAccuracyIsWithinNoiseOfSingleJvmFit() {
        Model single = Digits.model(1);
        Tensor xTrain = Digits.scaled(Digits.SPLIT.train().x()), xTest = Digits.scaled(Digits.SPLIT.test().x());
        single.fit(xTrain, Digits.SPLIT.train().y(), new FitOptions().epochs(20).batchSize(32).verbose(0));
        double singleAccuracy = single.evaluate(xTest, Digits.SPLIT.test().y(), 32, 0).get("accuracy");

        KerasModel fitted = estimator(20).fit(TRAIN);
        double sparkAccuracy = fitted.evaluate(TEST).get("accuracy");
        // 450 test digits: one digit is 0.22 points; the two runs see the data in different orders and batches.
        assertTrue(singleAccuracy > 0.94, "single-JVM accuracy " + singleAccuracy);
        assertTrue(Math.abs(sparkAccuracy - singleAccuracy) <= 0.02, "Spark " + sparkAccuracy + " vs single JVM " + singleAccuracy);
        History h = fitted.history();
        assertEquals(20, h.history().get("loss").size());
        assertTrue(h.history().get("loss").get(19) < h.history().get("loss").get(0) / 5, "loss falls: " + h.history().get("loss"));
    }

    @Test
    void sameSeedGivesTheSameWeightsAndRetriedTasksChangeNothing() {
        List<float[]> first = weights(estimator(2).fit(TRAIN));
        AtomicInteger failures = new AtomicInteger();
        Workers.taskHook = ctx -> {
            if (ctx.attemptNumber() == 0 && ctx.partitionId() % 2 == 0) {
                failures.incrementAndGet();
                throw new IllegalStateException("injected failure of a first attempt");
            }
        };
        List<float[]> retried;
        try {
            retried = weights(estimator(2).fit(TRAIN));
        } finally {
            Workers.taskHook = null;
        }
        assertTrue(failures.get() >= 2 * 2 * 2, "every round lost its even partitions' first attempts: " + failures.get());
        assertSameWeights(first, retried);
        assertFalse(java.util.Arrays.equals(first.get(0), weights(estimator(2).setSeed(43).fit(TRAIN)).get(0)), "another seed, other weights");
    }

    @Test
    void resumesFromTheNewestCheckpointToTheWeightsOfAnUninterruptedRun(@TempDir Path dir) throws IOException {
        List<float[]> uninterrupted = weights(estimator(3).fit(TRAIN));
        // A first fit stops after one epoch (3 rounds of 4 steps), writing a checkpoint every 2 rounds.
        estimator(1).setCheckpointDir(dir.toString()).setCheckpointEvery(2).fit(TRAIN);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("round-000002.keras"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        KerasModel resumed = estimator(3).setCheckpointDir(dir.toString()).setCheckpointEvery(2).fit(TRAIN);
        assertSameWeights(uninterrupted, weights(resumed));
        assertEquals(List.of(0, 1, 2), resumed.history().epoch(), "the resumed epoch 0 finishes its last round, then 1 and 2");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("round-000002.keras", "round-000004.keras", "round-000006.keras", "round-000008.keras"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void validationLogsDriveEarlyStoppingAndTheProgressBarAdvancesPerRound() {
        KerasEstimator e = estimator(10).setValidationFraction(0.2).setVerbose(1)
                .setCallbacks(new EarlyStopping().monitor("val_loss").minDelta(10).patience(1));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KerasModel fitted;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            fitted = e.fit(TRAIN);
        } finally {
            System.setOut(old);
        }
        Map<String, List<Double>> h = fitted.history().history();
        assertEquals(List.of("accuracy", "loss", "val_accuracy", "val_loss"), h.keySet().stream().sorted().toList());
        // min_delta=10 makes no epoch an improvement: patience 1 stops after the second epoch.
        assertEquals(2, h.get("loss").size());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Epoch 1/10") && printed.contains("Epoch 2/10") && !printed.contains("Epoch 3/10"), printed);
        assertTrue(printed.contains("/round") && printed.contains("val_loss: "), printed);
    }
}
