package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected file contents are what Keras 3's CSVLogger writes with Python's csv module (CPython 3.11). */
class CSVLoggerTest {
    @TempDir
    Path dir;

    private static Map<String, Double> logs(Object... keysAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        return m;
    }

    /** One fit: train begin, the epochs' logs from {@code firstEpoch}, train end. */
    @SafeVarargs
    private static void fit(CSVLogger logger, int firstEpoch, Map<String, Double>... epochs) {
        CallbackList list = new CallbackList(logger);
        list.setModel(new FakeModel(0f));
        list.onTrainBegin(null);
        for (int i = 0; i < epochs.length; i++) list.onEpochEnd(firstEpoch + i, epochs[i]);
        list.onTrainEnd(null);
    }

    private String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesASortedHeaderAndPythonFloats() throws Exception {
        Path file = dir.resolve("log.csv");
        fit(new CSVLogger(file.toString()), 0,
                logs("loss", 0.5, "accuracy", 0.75, "val_loss", 0.25, "val_accuracy", 1e-5),
                logs("loss", 0.1 + 0.2, "accuracy", Double.NaN, "val_loss", 1e16, "val_accuracy", 1.0));
        assertEquals("epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.75,0.5,1e-05,0.25\r\n1,nan,0.30000000000000004,1.0,1e+16\r\n", read(file));
    }

    @Test
    void addsValidationColumnsWhenThereAreNoneAndWritesNAForMissingValues() throws Exception {
        Path file = dir.resolve("log.csv");
        fit(new CSVLogger(file), 0, logs("loss", 0.1, "accuracy", 1.0), logs("loss", 0.05));
        assertEquals("epoch,accuracy,loss,val_accuracy,val_loss\r\n0,1.0,0.1,NA,NA\r\n1,NA,0.05,NA,NA\r\n", read(file));
    }

    @Test
    void eachRowIsOnDiskAsSoonAsItIsWritten() throws Exception {
        Path file = dir.resolve("log.csv");
        CSVLogger logger = new CSVLogger(file);
        logger.onTrainBegin(Map.of());
        logger.onEpochEnd(0, logs("loss", 0.5, "val_loss", 0.25));
        assertEquals("epoch,loss,val_loss\r\n0,0.5,0.25\r\n", read(file));
        logger.onEpochEnd(1, logs("loss", 0.4, "val_loss", 0.2));
        assertEquals("epoch,loss,val_loss\r\n0,0.5,0.25\r\n1,0.4,0.2\r\n", read(file));
        logger.onTrainEnd(Map.of());
    }

    @Test
    void overwritesByDefault() throws Exception {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, "old content that is longer than the new one\n");
        CSVLogger logger = new CSVLogger(file);
        fit(logger, 0, logs("loss", 0.5, "val_loss", 0.25));
        fit(logger, 0, logs("loss", 0.3, "val_loss", 0.125));
        assertEquals("epoch,loss,val_loss\r\n0,0.3,0.125\r\n", read(file));
    }

    @Test
    void appendContinuesTheFileWithoutASecondHeader() throws Exception {
        Path file = dir.resolve("log.csv");
        CSVLogger logger = new CSVLogger(file).append(true);
        fit(logger, 0, logs("loss", 0.5, "val_loss", 0.25));
        fit(logger, 1, logs("loss", 0.25, "val_loss", 0.125), logs("loss", 0.125, "val_loss", 0.0625));
        fit(new CSVLogger(file.toString(), ",", true), 3, logs("loss", 0.1, "val_loss", 0.05));
        assertEquals("epoch,loss,val_loss\r\n0,0.5,0.25\r\n1,0.25,0.125\r\n2,0.125,0.0625\r\n3,0.1,0.05\r\n", read(file));
    }

    @Test
    void appendToAnEmptyFileWritesTheHeader() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.csv"));
        fit(new CSVLogger(file).append(true), 0, logs("loss", 2.0));
        assertEquals("epoch,loss,val_loss\r\n0,2.0,NA\r\n", read(file));
    }

    @Test
    void separatorAndPythonCsvQuoting() throws Exception {
        Path file = dir.resolve("log.csv");
        fit(new CSVLogger(file).separator(";"), 0, logs("a;b", 1.5, "loss", 2.0, "q\"x", 3.0));
        assertEquals("epoch;\"a;b\";loss;\"q\"\"x\";\"val_a;b\";val_loss;\"val_q\"\"x\"\r\n0;1.5;2.0;3.0;NA;NA;NA\r\n", read(file));
    }

    @Test
    void emptyLogsGiveOnlyTheEpoch() throws Exception {
        Path file = dir.resolve("log.csv");
        fit(new CSVLogger(file), 0, logs());
        assertEquals("epoch\r\n0\r\n", read(file));
    }

    @Test
    void optionsAndErrors() {
        CSVLogger logger = new CSVLogger("training.log");
        assertEquals(",", logger.separator());
        assertEquals(false, logger.append());
        assertEquals(Path.of("training.log"), logger.filename());
        assertThrows(IllegalArgumentException.class, () -> logger.separator(", "));
        assertThrows(IllegalArgumentException.class, () -> logger.separator(""));
        assertThrows(IllegalArgumentException.class, () -> logger.separator("\n"));
        CSVLogger noFolder = new CSVLogger(dir.resolve("missing").resolve("log.csv"));
        assertThrows(UncheckedIOException.class, () -> noFolder.onTrainBegin(Map.of()));
        assertThrows(IllegalStateException.class, () -> new CSVLogger(dir.resolve("x.csv")).onEpochEnd(0, Map.of()));
    }
}
