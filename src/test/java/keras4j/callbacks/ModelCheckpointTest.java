package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreKeras() {
        ModelCheckpoint mc = new ModelCheckpoint("m.keras");
        assertEquals("val_loss", mc.monitor());
        assertEquals(0, mc.verbose());
        assertEquals(false, mc.saveBestOnly());
        assertEquals(false, mc.saveWeightsOnly());
        assertEquals("auto", mc.mode());
        assertEquals("epoch", mc.saveFreq());
        assertEquals(null, mc.initialValueThreshold());
    }

    @Test
    void formatsTheFileNameWithTheEpochFromOneAndTheLogs() {
        FakeModel model = new FakeModel(0f);
        String template = dir.resolve("ckpt-{epoch:02d}-{val_loss:.2f}.weights.h5").toString();
        ModelCheckpoint mc = new ModelCheckpoint(template).saveWeightsOnly(true);
        ScriptedFit.run(model, "val_loss", new double[] {0.5, 0.375, 0.2512}, mc);
        assertEquals(List.of("weights " + dir.resolve("ckpt-01-0.50.weights.h5"), "weights " + dir.resolve("ckpt-02-0.38.weights.h5"),
                "weights " + dir.resolve("ckpt-03-0.25.weights.h5")), model.saves);
    }

    @Test
    void savesTheWholeModelEveryEpochByDefaultWithKerasMessages() {
        FakeModel model = new FakeModel(0f);
        String path = dir.resolve("model.keras").toString();
        ModelCheckpoint mc = new ModelCheckpoint(path).verbose(1);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {0.5, 0.6}, mc));
        assertEquals(List.of("model " + path, "model " + path), model.saves);
        assertEquals("\nEpoch 1: saving model to " + path + "\n\nEpoch 1: finished saving model to " + path + "\n"
                + "\nEpoch 2: saving model to " + path + "\n\nEpoch 2: finished saving model to " + path + "\n", console.out);
    }

    @Test
    void saveBestOnlySavesOnImprovement() {
        FakeModel model = new FakeModel(0f);
        String template = dir.resolve("best-{epoch}.keras").toString();
        ModelCheckpoint mc = new ModelCheckpoint(template).saveBestOnly(true).verbose(1);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {0.5, 0.6, 0.4, 0.4, 0.125}, mc));
        assertEquals(List.of("model " + dir.resolve("best-1.keras"), "model " + dir.resolve("best-3.keras"),
                "model " + dir.resolve("best-5.keras")), model.saves);
        assertEquals(0.125, mc.best());
        String p1 = dir.resolve("best-1.keras").toString(), p3 = dir.resolve("best-3.keras").toString(), p5 = dir.resolve("best-5.keras").toString();
        assertEquals("\nEpoch 1: val_loss improved from None to 0.50000, saving model to " + p1 + "\n"
                + "\nEpoch 1: finished saving model to " + p1 + "\n"
                + "\nEpoch 2: val_loss did not improve from 0.50000\n"
                + "\nEpoch 3: val_loss improved from 0.50000 to 0.40000, saving model to " + p3 + "\n"
                + "\nEpoch 3: finished saving model to " + p3 + "\n"
                + "\nEpoch 4: val_loss did not improve from 0.40000\n"
                + "\nEpoch 5: val_loss improved from 0.40000 to 0.12500, saving model to " + p5 + "\n"
                + "\nEpoch 5: finished saving model to " + p5 + "\n", console.out);
    }

    @Test
    void saveBestOnlyMaximisesAccuracy() {
        FakeModel model = new FakeModel(0f);
        ModelCheckpoint mc = new ModelCheckpoint(dir.resolve("m{epoch}.keras").toString()).monitor("val_accuracy").saveBestOnly(true);
        ScriptedFit.run(model, "val_accuracy", new double[] {0.5, 0.4, 0.7, 0.7}, mc);
        assertEquals(List.of("model " + dir.resolve("m1.keras"), "model " + dir.resolve("m3.keras")), model.saves);
    }

    @Test
    void initialValueThresholdIsTheFirstBestToBeat() {
        FakeModel model = new FakeModel(0f);
        String path = dir.resolve("m.keras").toString();
        ModelCheckpoint mc = new ModelCheckpoint(path).saveBestOnly(true).initialValueThreshold(0.45).verbose(1);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {0.5, 0.4}, mc));
        assertEquals(List.of("model " + path), model.saves);
        assertTrue(console.out.startsWith("\nEpoch 1: val_loss did not improve from 0.45000\n"
                + "\nEpoch 2: val_loss improved from 0.45000 to 0.40000, saving model to " + path + "\n"), console.out);
    }

    @Test
    void aMissingMonitorWarnsAndSavesAnyway() {
        FakeModel model = new FakeModel(0f);
        ModelCheckpoint mc = new ModelCheckpoint(dir.resolve("m.keras").toString()).saveBestOnly(true);
        Console console = Console.capture(() -> ScriptedFit.run(model, "accuracy", new double[] {0.5, 0.4}, mc));
        assertEquals(2, model.saves.size());
        assertEquals("UserWarning: Can save best model only with val_loss available.\n", console.err);
    }

    @Test
    void savesEveryNBatchesAcrossEpochs() {
        FakeModel model = new FakeModel(0f);
        ModelCheckpoint mc = new ModelCheckpoint(dir.resolve("e{epoch}-b{batch}-{loss:.1f}.keras").toString()).saveFreq(3);
        assertEquals(3, mc.saveFreq());
        mc.setModel(model);
        mc.onTrainBegin(Map.of());
        for (int epoch = 0; epoch < 2; epoch++) {
            mc.onEpochBegin(epoch, Map.of());
            for (int batch = 0; batch < 5; batch++) mc.onTrainBatchEnd(batch, Map.of("loss", 0.25 + batch));
            mc.onEpochEnd(epoch, Map.of("loss", 9.0, "val_loss", 9.0));
        }
        mc.onTrainEnd(Map.of());
        assertEquals(List.of("model " + dir.resolve("e1-b3-2.2.keras"), "model " + dir.resolve("e2-b1-0.2.keras"),
                "model " + dir.resolve("e2-b4-3.2.keras")), model.saves);
    }

    @Test
    void checksTheExtensionLikeKeras() {
        IllegalArgumentException full = assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("model.ckpt"));
        assertEquals("The filepath provided must end in `.keras` (Keras model format). Received: filepath=model.ckpt", full.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras").saveWeightsOnly(true));
        assertEquals("When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in `.weights.h5`"
                + " (Keras weights format). Received: filepath=m.keras", weights.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("legacy.h5"));
        // A weights path is accepted while the options are being set, and rejected for a full save when training starts.
        ModelCheckpoint pending = new ModelCheckpoint("w.weights.h5");
        pending.setModel(new FakeModel(0f));
        IllegalArgumentException atStart = assertThrows(IllegalArgumentException.class, () -> pending.onTrainBegin(Map.of()));
        assertEquals("The filepath provided must end in `.keras` (Keras model format). Received: filepath=w.weights.h5", atStart.getMessage());
        new ModelCheckpoint(Path.of("w.weights.h5")).saveWeightsOnly(true).onTrainBegin(Map.of());
    }

    @Test
    void checksSaveFreq() {
        assertEquals("epoch", new ModelCheckpoint("m.keras").saveFreq(5).saveFreq("epoch").saveFreq());
        assertEquals("Unrecognized save_freq: batch. Expected save_freq are 'epoch' or integer values",
                assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras").saveFreq("batch")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras").saveFreq(0));
    }

    @Test
    void anUnknownFieldNamesTheKey() {
        String template = dir.resolve("m-{val_acc:.2f}.keras").toString();
        ModelCheckpoint mc = new ModelCheckpoint(template);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.5}, mc));
        assertEquals("Failed to format this callback filepath: \"" + template + "\". Reason: 'val_acc'", e.getMessage());
    }

    @Test
    void createsMissingFoldersAndRefusesADirectory() throws Exception {
        FakeModel model = new FakeModel(0f);
        Path nested = dir.resolve("runs").resolve("a").resolve("m.keras");
        ScriptedFit.run(model, "val_loss", new double[] {0.5}, new ModelCheckpoint(nested.toString()));
        assertTrue(Files.isDirectory(nested.getParent()));
        assertEquals(List.of("model " + nested), model.saves);

        Path taken = Files.createDirectory(dir.resolve("taken.keras"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.5}, new ModelCheckpoint(taken.toString())));
        assertEquals("Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an existing directory: " + taken,
                e.getCause().getMessage());
    }

    @Test
    void anUnknownMetricNeedsAMode() {
        ModelCheckpoint mc = new ModelCheckpoint("m.keras").monitor("val_widgets");
        mc.setModel(new FakeModel(0f));
        assertThrows(IllegalArgumentException.class, () -> mc.onTrainBegin(Map.of()));
        mc.mode("min").onTrainBegin(Map.of());
    }
}
