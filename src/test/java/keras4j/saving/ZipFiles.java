package keras4j.saving;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import keras4j.tensor.Tensor;

/** Builds zip archives entry by entry for the tests, including ones no Keras writer would produce. */
final class ZipFiles {
    private ZipFiles() {}

    /** A deflated zip of alternating entry names and contents. */
    static void write(Path file, Object... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
    }

    static byte[] json(Map<String, Object> value) {
        return KerasJson.write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes of a small valid weights file. */
    static byte[] weightsBytes(Path dir) throws IOException {
        Path tmp = dir.resolve("scratch.weights.h5");
        H5Weights.write(new WeightStore().putVars("layers/dense", List.of(Tensor.ones(2, 2))), tmp);
        byte[] bytes = Files.readAllBytes(tmp);
        Files.delete(tmp);
        return bytes;
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length) in a file. */
    static void replaceBytes(Path file, String from, String to) throws IOException {
        byte[] a = from.getBytes(StandardCharsets.UTF_8), b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) throw new IllegalArgumentException("same length needed");
        byte[] data = Files.readAllBytes(file);
        int count = 0;
        outer:
        for (int i = 0; i <= data.length - a.length; i++) {
            for (int j = 0; j < a.length; j++) if (data[i + j] != a[j]) continue outer;
            System.arraycopy(b, 0, data, i, b.length);
            count++;
        }
        if (count == 0) throw new IllegalArgumentException("'" + from + "' not found in " + file);
        Files.write(file, data);
    }
}
