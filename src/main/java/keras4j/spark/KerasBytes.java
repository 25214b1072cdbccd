package keras4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import keras4j.models.Model;
import keras4j.models.Models;

/**
 * A model as the bytes of its {@code .keras} file: how models travel between the driver, the executors and
 * saved stages. The file formats take paths, so both directions go through a private temporary directory.
 */
final class KerasBytes {
    private KerasBytes() {}

    /** The model's {@code .keras} file (config, compile config, weights and optimizer state) as bytes. */
    static byte[] of(Model model) {
        Path dir = tempDir();
        try {
            Path file = dir.resolve("model.keras");
            model.save(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serialize model \"" + model.name() + "\" to .keras bytes", e);
        } finally {
            deleteTree(dir);
        }
    }

    /** Loads a model (compiled when its file says how) from {@code .keras} bytes. */
    static Model load(byte[] bytes) {
        Path dir = tempDir();
        try {
            Path file = write(bytes, dir);
            return Models.load(file);
        } finally {
            deleteTree(dir);
        }
    }

    /** Writes the bytes as {@code model.keras} in {@code dir} and returns the file. */
    static Path write(byte[] bytes, Path dir) {
        try {
            return Files.write(dir.resolve("model.keras"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a .keras file in " + dir, e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("keras4j-spark-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for a .keras file", e);
        }
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless; the error that matters is the caller's.
        }
    }
}
