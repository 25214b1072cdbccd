package keras4j.saving;

import static keras4j.saving.TestFiles.assertFileError;
import static keras4j.saving.TestFiles.listing;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves the previous file byte-for-byte as it was and no temporary file behind. */
class AtomicWriteTest {
    @TempDir
    Path dir;

    /** A valid store whose last tensor cannot be converted for HDF5 (jHDF cannot write zero-size arrays). */
    static WeightStore failingStore() {
        return H5WeightsTest.sampleStore().put("layers/zzz_broken/vars/0", Tensor.zeros(4, 0));
    }

    @Test
    void weightsWriteThatFailsMidwayKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("model.weights.h5");
        H5Weights.write(H5WeightsTest.sampleStore(), file);
        byte[] before = Files.readAllBytes(file);
        assertFileError(file, () -> H5Weights.write(failingStore(), file), "layers/zzz_broken/vars/0", "(4, 0)");
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.weights.h5"), listing(dir));
        H5WeightsTest.assertSameStore(H5WeightsTest.sampleStore(), H5Weights.read(file));
    }

    @Test
    void archiveWriteThatFailsAfterTheJsonEntriesKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("model.keras");
        KerasArchive.write(file, KerasArchiveTest.config(), H5WeightsTest.sampleStore(), "3.16.0");
        byte[] before = Files.readAllBytes(file);
        // metadata.json and config.json are already in the temporary zip when the weights fail.
        assertFileError(file, () -> KerasArchive.write(file, KerasArchiveTest.config(), failingStore(), "3.16.0"),
                "zero-size");
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.keras"), listing(dir));
    }

    @Test
    void legacyWriteThatFailsKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("model.h5");
        LegacyH5.write(file, LegacyH5Test.modelConfig(), null, LegacyH5Test.weights(), "2.3.1");
        byte[] before = Files.readAllBytes(file);
        LinkedHashMap<String, List<NamedTensor>> broken = LegacyH5Test.weights();
        broken.put("empty", List.of(new NamedTensor("empty/kernel:0", Tensor.zeros(0, 3))));
        assertFileError(file, () -> LegacyH5.write(file, LegacyH5Test.modelConfig(), null, broken, "2.3.1"), "zero-size");
        Map<String, Object> huge = Map.of("class_name", "Functional", "config", Map.of("name", "x".repeat(100_000)));
        assertFileError(file, () -> LegacyH5.write(file, huge, null, LegacyH5Test.weights(), "2.3.1"), "64512");
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.h5"), listing(dir));
    }

    @Test
    void aBodyThatFailsAfterWritingLeavesNothingBehind() throws IOException {
        Path file = dir.resolve("data.bin");
        Files.write(file, new byte[] {1, 2, 3});
        assertFileError(file, () -> Safety.writeAtomically(file, temp -> {
            Files.write(temp, new byte[1000]);
            throw new IOException("disk full");
        }), "cannot write the file: disk full");
        assertFileError(file, () -> Safety.writeAtomically(file, temp -> {
            Files.write(temp, new byte[10]);
            throw new IllegalStateException("conversion failed");
        }), "conversion failed");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals(List.of("data.bin"), listing(dir));
    }

    @Test
    void aDirectoryIsNeverReplaced() throws IOException {
        Path target = dir.resolve("model.weights.h5");
        Files.createDirectories(target.resolve("inside"));
        assertFileError(target, () -> H5Weights.write(H5WeightsTest.sampleStore(), target), "is a directory");
        assertTrue(Files.isDirectory(target.resolve("inside")));
        assertEquals(List.of("model.weights.h5"), listing(dir));
    }

    @Test
    void missingParentDirectoriesAreCreated() {
        Path file = dir.resolve("a/b/model.weights.h5");
        H5Weights.write(H5WeightsTest.sampleStore(), file);
        assertEquals(List.of("model.weights.h5"), listing(file.getParent()));
    }

    @Test
    void permissionsAreThoseOfANewFileOrOfTheReplacedOne() throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) return; // nothing to compare elsewhere
        Path plain = Files.createFile(dir.resolve("plain"));
        Path file = dir.resolve("model.weights.h5");
        H5Weights.write(H5WeightsTest.sampleStore(), file);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "not the owner-only permissions of a temp file");
        Set<PosixFilePermission> custom = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, custom);
        H5Weights.write(H5WeightsTest.sampleStore(), file);
        assertEquals(custom, Files.getPosixFilePermissions(file));
    }
}
