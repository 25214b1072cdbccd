package keras4j.saving;

import static keras4j.saving.TestFiles.assertFileError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasArchiveTest {
    @TempDir
    Path dir;

    /** A Keras 3 config.json for Sequential([Input((4,)), Dense(3)]), abbreviated. */
    static Map<String, Object> config() {
        Map<String, Object> dtype = new LinkedHashMap<>();
        dtype.put("module", "keras");
        dtype.put("class_name", "DTypePolicy");
        dtype.put("config", Map.of("name", "float32"));
        dtype.put("registered_name", null);
        Map<String, Object> denseConfig = new LinkedHashMap<>();
        denseConfig.put("name", "dense");
        denseConfig.put("trainable", true);
        denseConfig.put("dtype", dtype);
        denseConfig.put("units", 3);
        denseConfig.put("activation", "relu");
        denseConfig.put("kernel_regularizer", Map.of("class_name", "L2", "config", Map.of("l2", 1e-4)));
        Map<String, Object> dense = new LinkedHashMap<>();
        dense.put("module", "keras.layers");
        dense.put("class_name", "Dense");
        dense.put("config", denseConfig);
        dense.put("registered_name", null);
        dense.put("build_config", Map.of("input_shape", Arrays.asList(null, 4)));
        Map<String, Object> seq = new LinkedHashMap<>();
        seq.put("name", "sequential");
        seq.put("trainable", true);
        seq.put("layers", List.of(dense));
        seq.put("description", "café ☕");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("module", "keras");
        model.put("class_name", "Sequential");
        model.put("config", seq);
        model.put("registered_name", null);
        return model;
    }

    static WeightStore weights() {
        return H5WeightsTest.sampleStore();
    }

    @Test
    void roundTripKeepsConfigMetadataWeightsAndAssets() {
        Path file = dir.resolve("model.keras");
        Map<String, byte[]> assets = new LinkedHashMap<>();
        assets.put("layers/text_vectorization/vocabulary.txt", "[UNK]\nthe\ncat\n".getBytes(StandardCharsets.UTF_8));
        assets.put("layers/string_lookup/vocabulary.txt", new byte[] {1, 2, 3});
        KerasArchive.write(file, config(), weights(), "3.16.0", assets);

        KerasArchive.Contents c = KerasArchive.read(file);
        assertEquals(config(), c.config());
        assertEquals(List.of("keras_version", "date_saved"), new ArrayList<>(c.metadata().keySet()));
        assertEquals("3.16.0", c.metadata().get("keras_version"));
        assertTrue(((String) c.metadata().get("date_saved")).matches("\\d{4}-\\d{2}-\\d{2}@\\d{2}:\\d{2}:\\d{2}"),
                String.valueOf(c.metadata().get("date_saved")));
        H5WeightsTest.assertSameStore(weights(), c.weights());
        assertEquals(List.copyOf(assets.keySet()), List.copyOf(c.assets().keySet()));
        for (String name : assets.keySet()) assertArrayEquals(assets.get(name), c.assets().get(name), name);
    }

    @Test
    void entriesAreStoredInKerasOrder() throws IOException {
        Path file = dir.resolve("model.keras");
        KerasArchive.write(file, config(), weights(), "3.16.0", Map.of("vocab.txt", new byte[] {'a'}));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            assertEquals(List.of("metadata.json", "config.json", "model.weights.h5", "assets/vocab.txt"),
                    entries.stream().map(ZipEntry::getName).toList());
            for (ZipEntry e : entries) assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
            String json = new String(zip.getInputStream(zip.getEntry("config.json")).readAllBytes(), StandardCharsets.UTF_8);
            // json.dumps style: ", " and ": " separators, non-ASCII escaped, Python float repr.
            assertTrue(json.startsWith("{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": "), json);
            assertTrue(json.contains("\"l2\": 0.0001"), json);
            assertTrue(json.contains("\"description\": \"caf\\u00e9 \\u2615\""), json);
            String metadata = new String(zip.getInputStream(zip.getEntry("metadata.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(metadata.matches("\\{\"keras_version\": \"3\\.16\\.0\", \"date_saved\": \"[0-9@:-]+\"}"), metadata);
            byte[] h5 = zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes();
            assertEquals((byte) 0x89, h5[0]);
            assertEquals("HDF", new String(h5, 1, 3, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void archiveWithoutAssetsOrMetadataReads() throws IOException {
        Path file = dir.resolve("plain.keras");
        KerasArchive.write(file, config(), new WeightStore(), "3.16.0");
        KerasArchive.Contents c = KerasArchive.read(file);
        assertEquals(Map.of(), c.assets());
        assertTrue(c.weights().isEmpty());

        Path noMetadata = dir.resolve("no_metadata.keras");
        ZipFiles.write(noMetadata, "config.json", ZipFiles.json(config()), "model.weights.h5", ZipFiles.weightsBytes(dir));
        assertEquals(Map.of(), KerasArchive.read(noMetadata).metadata());
    }

    @Test
    void fileNameMustEndInKerasLikeKeras() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KerasArchive.write(dir.resolve("model.zip"), config(), weights(), "3.16.0"));
        assertTrue(e.getMessage().contains("expected a `.keras` extension"), e.getMessage());
    }

    @Test
    void unsafeAssetNamesAreRefusedWhenWriting() {
        Path file = dir.resolve("m.keras");
        assertFileError(file, () -> KerasArchive.write(file, config(), weights(), "3.16.0",
                Map.of("../../etc/cron.d/x", new byte[1])), "zip-slip");
        assertFileError(file, () -> KerasArchive.write(file, config(), weights(), "3.16.0",
                Map.of("dir/", new byte[0])), "does not name a file");
        assertEquals(List.of(), TestFiles.listing(dir));
    }

    @Test
    void configThatIsNotAnObjectIsRefused() throws IOException {
        Path file = dir.resolve("list.keras");
        ZipFiles.write(file, "config.json", "[1, 2]".getBytes(StandardCharsets.UTF_8), "model.weights.h5",
                ZipFiles.weightsBytes(dir));
        assertFileError(file, () -> KerasArchive.read(file), "config.json is not a JSON object");
        Path broken = dir.resolve("broken.keras");
        ZipFiles.write(broken, "config.json", "{\"a\": ".getBytes(StandardCharsets.UTF_8), "model.weights.h5",
                ZipFiles.weightsBytes(dir));
        assertFileError(broken, () -> KerasArchive.read(broken), "config.json is not valid JSON");
    }

    @Test
    void pythonNonFiniteFloatsAreAccepted() throws IOException {
        Path file = dir.resolve("nan.keras");
        ZipFiles.write(file, "config.json", "{\"a\": NaN, \"b\": -Infinity, \"c\": 1e-07}".getBytes(StandardCharsets.UTF_8),
                "model.weights.h5", ZipFiles.weightsBytes(dir));
        Map<String, Object> config = KerasArchive.read(file).config();
        assertTrue(Double.isNaN((Double) config.get("a")));
        assertEquals(Double.NEGATIVE_INFINITY, config.get("b"));
        assertEquals(1e-7, config.get("c"));
    }
}
