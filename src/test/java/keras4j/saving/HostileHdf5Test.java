package keras4j.saving;

import static keras4j.saving.TestFiles.assertFileError;
import static keras4j.saving.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HDF5 files that are not what they claim: each read ends in a {@link KerasFileException} naming the file. */
class HostileHdf5Test {
    @TempDir
    Path dir;

    @Test
    void aTextFileNamedH5IsNotHdf5() throws IOException {
        Path text = dir.resolve("model.h5");
        Files.writeString(text, "this is not an HDF5 file\n");
        assertFileError(text, () -> LegacyH5.read(text), "not an HDF5 file");
        Path weights = dir.resolve("model.weights.h5");
        Files.writeString(weights, "");
        assertFileError(weights, () -> H5Weights.read(weights), "not an HDF5 file");
    }

    @Test
    void aMissingFileIsReported() {
        Path missing = dir.resolve("missing.h5");
        assertFileError(missing, () -> LegacyH5.read(missing), "no such file");
        assertFileError(missing, () -> H5Weights.read(missing), "no such file");
    }

    @Test
    void everyTruncationOfAFixtureFailsCleanly() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("dl4j/rnn/simple_rnn_tf_keras_2_model.h5"));
        Path cut = dir.resolve("cut.h5");
        for (int length = 0; length < whole.length; length += 97) {
            Files.write(cut, Arrays.copyOf(whole, length));
            KerasFileException e = assertFileError(cut, () -> LegacyH5.read(cut));
            assertTrue(e.reason().contains("HDF5"), "at " + length + ": " + e.reason());
        }
    }

    @Test
    void aTruncatedWeightsFileFailsCleanly() throws IOException {
        Path file = dir.resolve("m.weights.h5");
        H5Weights.write(H5WeightsTest.sampleStore(), file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertFileError(file, () -> H5Weights.read(file), "truncated or corrupted");
    }

    @Test
    void corruptedBytesNeverEscapeAsAnotherException() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("dl4j/activations/ELU_0_model.h5"));
        Path bad = dir.resolve("bad.h5");
        Random random = new Random(42);
        int failures = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] copy = whole.clone();
            for (int k = 0; k < 4; k++) copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(bad, copy);
            int t = trial;
            boolean failed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    LegacyH5.read(bad);
                    return false;
                } catch (KerasFileException e) {
                    assertEquals(bad, e.path());
                    return true;
                } catch (RuntimeException e) {
                    throw new AssertionError("trial " + t + " escaped as " + e, e);
                }
            });
            if (failed) failures++;
        }
        assertTrue(failures > 0, "some corruptions must be detected");
    }

    /** Writes a weights file with one (2, 3, 4) tensor, then rewrites its declared dimensions in place. */
    private Path withDeclaredDims(String name, long d0, long d1, long d2) throws IOException {
        Path file = dir.resolve(name);
        H5Weights.write(new WeightStore().put("layers/dense/vars/0", TestFiles.random(1, 2, 3, 4)), file);
        byte[] bytes = Files.readAllBytes(file);
        patchDataspace(bytes, new long[] {2, 3, 4}, new long[] {d0, d1, d2});
        Files.write(file, bytes);
        return file;
    }

    /** Replaces the dimension fields of a dataspace message and re-seals its object header's checksum. */
    static void patchDataspace(byte[] file, long[] from, long[] to) {
        ByteBuffer pattern = ByteBuffer.allocate(8 * from.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long d : from) pattern.putLong(d);
        int at = indexOf(file, pattern.array(), 0);
        assertTrue(at > 0, "dataspace found");
        assertEquals(-1, indexOf(file, pattern.array(), at + 1), "dataspace pattern is unique");
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < to.length; i++) buffer.putLong(at + 8 * i, to[i]);
        int start = lastIndexOf(file, "OHDR".getBytes(StandardCharsets.US_ASCII), at);
        assertEquals(0b10, file[start + 5], "object header v2 with a 4-byte chunk size and no timestamps");
        int end = start + 10 + buffer.getInt(start + 6);
        buffer.putInt(end, ChecksumUtils.checksum(Arrays.copyOfRange(file, start, end)));
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] data, byte[] pattern, int before) {
        for (int i = before - pattern.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) return i;
        }
        return -1;
    }

    @Test
    void thePatchedFileIsStillValidWhenTheDimsAreUnchanged() throws IOException {
        // Control for the two tests below: the patch itself (same dims, resealed checksum) keeps the file readable.
        Path file = withDeclaredDims("control.weights.h5", 2, 3, 4);
        assertEquals(List.of(2, 3, 4), Arrays.stream(H5Weights.read(file).get("layers/dense/vars/0").shape()).boxed().toList());
    }

    @Test
    void declaredDimsWhoseProductOverflowsAreRefusedBeforeAllocation() throws IOException {
        long max = Integer.MAX_VALUE;
        Path file = withDeclaredDims("overflow.weights.h5", max, max, max);
        assertFileError(file, () -> H5Weights.read(file), "layers/dense/vars/0",
                "(2147483647, 2147483647, 2147483647)", "overflows", "shape bomb");
    }

    @Test
    void declaredDimsLargerThanTheFileAreRefusedBeforeAllocation() throws IOException {
        Path file = withDeclaredDims("huge.weights.h5", 1000, 1000, 1000);
        assertFileError(file, () -> H5Weights.read(file), "layers/dense/vars/0", "(1000, 1000, 1000)", "3.7 GiB",
                "shape bomb");
        Path small = withDeclaredDims("small.weights.h5", 20, 30, 40);
        assertFileError(small, () -> H5Weights.read(small), "(20, 30, 40)", "93.8 KiB", "file holds only");
    }

    @Test
    void aLegacyFileWithHugeDeclaredDimsIsRefused() throws IOException {
        Path file = dir.resolve("legacy.h5");
        var weights = new java.util.LinkedHashMap<String, List<NamedTensor>>();
        weights.put("conv", List.of(new NamedTensor("conv/kernel:0", TestFiles.random(3, 2, 3, 4))));
        LegacyH5.write(file, null, null, weights, "2.3.1");
        byte[] bytes = Files.readAllBytes(file);
        patchDataspace(bytes, new long[] {2, 3, 4}, new long[] {4096, 4096, 4096});
        Files.write(file, bytes);
        assertFileError(file, () -> LegacyH5.read(file), "conv/conv/kernel:0", "(4096, 4096, 4096)", "shape bomb");
    }

    @Test
    void sizeCheckRulesDirectly() {
        Path f = Path.of("x.h5");
        assertEquals(24, Safety.checkDatasetSize(f, "d", new int[] {2, 3, 4}, 4, 96, false));
        assertEquals(1, Safety.checkDatasetSize(f, "d", new int[0], 8, 8, false));
        assertEquals(0, Safety.checkDatasetSize(f, "d", new int[] {0, 5}, 4, 0, false));
        assertFileError(f, () -> Safety.checkDatasetSize(f, "d", new int[] {2, 3, 4}, 4, 95, false), "file holds only");
        // A compressed dataset may expand up to 1000 times (Keras's _H5_DATASET_MAX_EXPANSION).
        assertEquals(250_000, Safety.checkDatasetSize(f, "d", new int[] {500, 500}, 4, 1000, true));
        assertFileError(f, () -> Safety.checkDatasetSize(f, "d", new int[] {501, 500}, 4, 1000, true), "shape bomb");
        assertFileError(f, () -> Safety.checkDatasetSize(f, "d", new int[] {-1}, 4, 1000, false), "negative");
        assertFileError(f, () -> Safety.checkDatasetSize(f, "d", new int[65], 4, 1000, false), "rank 65");
        assertFileError(f, () -> Safety.checkDatasetSize(f, "d", new int[] {1 << 30, 4}, 1, Long.MAX_VALUE, false),
                "more than " + Safety.MAX_ARRAY_LENGTH + " elements");
    }

    @Test
    void zeroSizeTensorsAreRefusedWhenWriting() {
        Path file = dir.resolve("zero.weights.h5");
        Consumer<int[]> check = shape -> assertFileError(file,
                () -> H5Weights.write(new WeightStore().put("w", Tensor.zeros(shape)), file), "zero-size");
        check.accept(new int[] {0});
        check.accept(new int[] {3, 0});
        check.accept(new int[] {0, 3});
        try {
            assertEquals(List.of(), TestFiles.listing(dir));
        } catch (AssertionError e) {
            fail("a failed write left files behind: " + TestFiles.listing(dir));
        }
    }
}
