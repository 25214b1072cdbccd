package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks driven through scripted epoch logs against a fake model. */
class CallbacksTest {
    @TempDir
    Path dir;

    /** A model stand-in that records what callbacks do to it. */
    static final class FakeModel implements TrainingModel {
        boolean stop;
        float lr = 0.1f;
        List<Tensor> weights = new ArrayList<>(List.of(Tensor.scalar(0)));
        final List<Path> saved = new ArrayList<>();

        @Override public String name() { return "fake"; }
        @Override public void setStopTraining(boolean s) { stop = s; }
        @Override public boolean stopTraining() { return stop; }
        @Override public List<Tensor> getWeights() { return List.of(weights.get(0).copy()); }
        @Override public void setWeights(List<Tensor> w) { weights = new ArrayList<>(w); }
        @Override public float learningRate() { return lr; }
        @Override public void setLearningRate(float l) { lr = l; }
        @Override public void save(Path p) { saved.add(p); }
        @Override public void saveWeights(Path p) { saved.add(p); }
    }

    /** Runs epochs with the given values of {@code key}; the fake's weight is set to the epoch index first. */
    private static int run(Callback cb, FakeModel m, String key, double... values) {
        cb.setModel(m);
        cb.onTrainBegin(new HashMap<>());
        int epochs = 0;
        for (int e = 0; e < values.length && !m.stop; e++) {
            m.weights = new ArrayList<>(List.of(Tensor.scalar(e)));
            cb.onEpochBegin(e, new HashMap<>());
            Map<String, Double> logs = new HashMap<>(Map.of(key, values[e]));
            cb.onEpochEnd(e, logs);
            epochs++;
        }
        cb.onTrainEnd(new HashMap<>());
        return epochs;
    }

    @Test
    void earlyStoppingPatienceAndRestore() {
        FakeModel m = new FakeModel();
        EarlyStopping es = new EarlyStopping().monitor("val_loss").patience(2).restoreBestWeights(true);
        int epochs = run(es, m, "val_loss", 1.0, 0.5, 0.6, 0.7, 0.4);
        assertEquals(4, epochs);
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1f, m.weights.get(0).item(), "restored to the best epoch's weights");
        FakeModel m2 = new FakeModel();
        EarlyStopping max = new EarlyStopping().monitor("val_accuracy").patience(1);
        assertEquals(3, run(max, m2, "val_accuracy", 0.5, 0.6, 0.6, 0.9));
        assertThrows(IllegalArgumentException.class, () -> run(new EarlyStopping().monitor("val_weird"), new FakeModel(), "val_weird", 1.0));
    }

    @Test
    void modelCheckpointFormatsNamesAndSavesOnlyImprovements() {
        FakeModel m = new FakeModel();
        ModelCheckpoint ck = new ModelCheckpoint(dir.resolve("ckpt-{epoch:02d}-{val_loss:.2f}.weights.h5").toString()).saveWeightsOnly(true).saveBestOnly(true);
        run(ck, m, "val_loss", 0.5, 0.25, 0.3);
        assertEquals(List.of(dir.resolve("ckpt-01-0.50.weights.h5"), dir.resolve("ckpt-02-0.25.weights.h5")), m.saved);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("model.h5"));
        assertTrue(e.getMessage().contains(".keras"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("w.keras").saveWeightsOnly(true));
    }

    @Test
    void reduceLrOnPlateauWithCooldownAndFloor() {
        FakeModel m = new FakeModel();
        ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("loss").patience(1).factor(0.5).minLr(0.03).cooldown(1);
        r.setModel(m);
        r.onTrainBegin(new HashMap<>());
        double[] losses = {1, 1, 1, 1, 1, 1};
        List<Float> lrs = new ArrayList<>();
        for (int e = 0; e < losses.length; e++) {
            Map<String, Double> logs = new HashMap<>(Map.of("loss", losses[e]));
            float during = m.lr;
            r.onEpochEnd(e, logs);
            lrs.add(m.lr);
            assertEquals((double) during, logs.get("learning_rate"), 1e-9, "the epoch logs carry the rate the epoch trained with");
        }
        // Keras decrements the cooldown before checking it, so cooldown=1 does not delay the next reduction.
        assertEquals(List.of(0.1f, 0.05f, 0.03f, 0.03f, 0.03f, 0.03f), lrs);
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0));
    }

    @Test
    void learningRateSchedulerAndTerminateOnNaN() {
        FakeModel m = new FakeModel();
        LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> epoch < 2 ? lr : lr * 0.1);
        s.setModel(m);
        for (int e = 0; e < 3; e++) s.onEpochBegin(e, new HashMap<>());
        assertEquals(0.01f, m.lr, 1e-7);
        TerminateOnNaN t = new TerminateOnNaN();
        t.setModel(m);
        t.onTrainBatchEnd(0, Map.of("loss", 1.0));
        assertFalse(m.stop);
        t.onTrainBatchEnd(1, Map.of("loss", Double.NaN));
        assertTrue(m.stop);
        assertThrows(IllegalStateException.class, () -> {
            TerminateOnNaN strict = new TerminateOnNaN(true);
            strict.setModel(new FakeModel());
            strict.onTrainBatchEnd(0, Map.of("loss", Double.POSITIVE_INFINITY));
        });
    }

    @Test
    void lambdaCallbackForwardsHooks() {
        List<String> seen = new ArrayList<>();
        LambdaCallback cb = new LambdaCallback().onEpochEnd((e, logs) -> seen.add("end" + e)).onTrainBegin(logs -> seen.add("begin"));
        cb.onTrainBegin(Map.of());
        cb.onEpochEnd(3, Map.of());
        cb.onEpochBegin(4, Map.of());
        assertEquals(List.of("begin", "end3"), seen);
    }
}
