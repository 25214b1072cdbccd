package keras4j.saving;

import static keras4j.saving.TestFiles.assertFileError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .keras} archives that are unsafe or damaged: each read ends in a {@link KerasFileException}. */
class HostileArchiveTest {
    @TempDir
    Path dir;

    private Path archiveWith(String extraName) throws IOException {
        Path file = dir.resolve("hostile.keras");
        ZipFiles.write(file, "metadata.json", "{}".getBytes(StandardCharsets.UTF_8),
                "config.json", ZipFiles.json(KerasArchiveTest.config()),
                "model.weights.h5", ZipFiles.weightsBytes(dir),
                extraName, "payload".getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void zipSlipEntriesAreRefused() throws IOException {
        Path slip = archiveWith("../evil");
        assertFileError(slip, () -> KerasArchive.read(slip), "zip entry '../evil'", "zip-slip");
        Path nested = archiveWith("assets/../../evil.sh");
        assertFileError(nested, () -> KerasArchive.read(nested), "'assets/../../evil.sh'", "zip-slip");
    }

    @Test
    void absoluteEntriesAreRefused() throws IOException {
        Path unix = archiveWith("/etc/passwd");
        assertFileError(unix, () -> KerasArchive.read(unix), "'/etc/passwd'", "absolute path");
        Path windows = archiveWith("C:/Windows/evil.dll");
        assertFileError(windows, () -> KerasArchive.read(windows), "absolute path");
        Path backslash = archiveWith("assets\\..\\..\\evil");
        assertFileError(backslash, () -> KerasArchive.read(backslash), "backslash");
    }

    @Test
    void unknownEntriesAreRefused() throws IOException {
        Path file = archiveWith("evil.sh");
        assertFileError(file, () -> KerasArchive.read(file), "zip entry 'evil.sh' is not part of a .keras archive");
    }

    @Test
    void duplicateEntriesAreRefused() throws IOException {
        Path file = archiveWith("config.jsox");
        ZipFiles.replaceBytes(file, "config.jsox", "config.json");
        assertFileError(file, () -> KerasArchive.read(file), "'config.json' appears twice");
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        Path text = dir.resolve("text.keras");
        Files.writeString(text, "{\"class_name\": \"Sequential\"}");
        assertFileError(text, () -> KerasArchive.read(text), "not a .keras archive", "zip signature");
        Path hdf5 = dir.resolve("renamed.keras");
        Files.copy(TestFiles.fixture("dl4j/mlp/simple_sparse_xent_mlp_keras_2_model.h5"), hdf5);
        assertFileError(hdf5, () -> KerasArchive.read(hdf5), "zip signature");
        Path empty = dir.resolve("empty.keras");
        Files.write(empty, new byte[0]);
        assertFileError(empty, () -> KerasArchive.read(empty), "zip signature");
        Path missing = dir.resolve("missing.keras");
        assertFileError(missing, () -> KerasArchive.read(missing), "no such file");
    }

    @Test
    void truncatedArchivesFailCleanly() throws IOException {
        Path good = dir.resolve("good.keras");
        KerasArchive.write(good, KerasArchiveTest.config(), H5WeightsTest.sampleStore(), "3.16.0");
        byte[] whole = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.keras");
        for (int length = 4; length < whole.length; length += 211) {
            Files.write(cut, Arrays.copyOf(whole, length));
            assertFileError(cut, () -> KerasArchive.read(cut), "truncated or corrupted");
        }
    }

    @Test
    void corruptedEntryDataIsDetected() throws IOException {
        Path file = dir.resolve("crc.keras");
        KerasArchive.write(file, KerasArchiveTest.config(), H5WeightsTest.sampleStore(), "3.16.0");
        ZipFiles.replaceBytes(file, "\"DTypePolicy\"", "\"DTypeP0licy\"");
        assertFileError(file, () -> KerasArchive.read(file), "zip entry 'config.json' is corrupted (CRC mismatch)");
    }

    @Test
    void aDeclaredSizeTooLargeToHoldIsRefusedBeforeAllocation() throws IOException {
        Path file = archiveWith("assets/vocab.txt");
        byte[] zip = Files.readAllBytes(file);
        // Central directory record of config.json: signature PK\1\2, uncompressed size at +24, name at +46.
        byte[] name = "config.json".getBytes(StandardCharsets.US_ASCII);
        int record = -1;
        for (int i = 0; i + 46 + name.length <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                record = i;
            }
        }
        assertTrue(record > 0);
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(record + 24, 0xF000_0000);
        Files.write(file, zip);
        assertFileError(file, () -> KerasArchive.read(file), "zip entry 'config.json' declares 3.8 GiB",
                "larger than 2 GiB");
    }

    @Test
    void manyLargeDeclaredEntriesAreRefusedTogether() throws IOException {
        Path file = dir.resolve("many.keras");
        ZipFiles.write(file, "config.json", ZipFiles.json(KerasArchiveTest.config()),
                "model.weights.h5", ZipFiles.weightsBytes(dir),
                "assets/a", new byte[10], "assets/b", new byte[10], "assets/c", new byte[10]);
        // Each asset now declares 1.75 GiB: under Keras's 4 GiB per-entry floor, 5.3 GiB together.
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer le = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 + 8 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2 && zip[i + 46] == 'a'
                    && zip[i + 47] == 's' && zip[i + 52] == '/') {
                le.putInt(i + 24, 0x7000_0000);
                patched++;
            }
        }
        assertEquals(3, patched);
        Files.write(file, zip);
        assertFileError(file, () -> KerasArchive.read(file), "declare 5.3 GiB in total", "decompression bomb");
    }

    @Test
    void missingMembersAreReported() throws IOException {
        Path noConfig = dir.resolve("no_config.keras");
        ZipFiles.write(noConfig, "model.weights.h5", ZipFiles.weightsBytes(dir));
        assertFileError(noConfig, () -> KerasArchive.read(noConfig), "no config.json");

        Path noWeights = dir.resolve("no_weights.keras");
        ZipFiles.write(noWeights, "config.json", ZipFiles.json(KerasArchiveTest.config()));
        assertFileError(noWeights, () -> KerasArchive.read(noWeights), "Expected a model.weights.h5");

        Path npz = dir.resolve("npz.keras");
        ZipFiles.write(npz, "config.json", ZipFiles.json(KerasArchiveTest.config()), "model.weights.npz", new byte[10]);
        assertFileError(npz, () -> KerasArchive.read(npz), "model.weights.npz", "not supported");
    }

    @Test
    void badWeightsMembersAreReportedWithTheEntryName() throws IOException {
        Path notHdf5 = dir.resolve("text_weights.keras");
        ZipFiles.write(notHdf5, "config.json", ZipFiles.json(KerasArchiveTest.config()),
                "model.weights.h5", "not hdf5".getBytes(StandardCharsets.UTF_8));
        assertFileError(notHdf5, () -> KerasArchive.read(notHdf5), "entry 'model.weights.h5': not an HDF5 file");

        byte[] weights = ZipFiles.weightsBytes(dir);
        Path truncated = dir.resolve("truncated_weights.keras");
        ZipFiles.write(truncated, "config.json", ZipFiles.json(KerasArchiveTest.config()),
                "model.weights.h5", Arrays.copyOf(weights, weights.length - 40));
        assertFileError(truncated, () -> KerasArchive.read(truncated), "entry 'model.weights.h5': ",
                "truncated or corrupted");

        Path scratch = dir.resolve("bomb.weights.h5");
        H5Weights.write(new WeightStore().put("layers/dense/vars/0", TestFiles.random(1, 2, 3, 4)), scratch);
        byte[] bomb = Files.readAllBytes(scratch);
        HostileHdf5Test.patchDataspace(bomb, new long[] {2, 3, 4}, new long[] {100_000, 100_000, 100_000});
        Path bombArchive = dir.resolve("bomb.keras");
        ZipFiles.write(bombArchive, "config.json", ZipFiles.json(KerasArchiveTest.config()), "model.weights.h5", bomb);
        KerasFileException e = assertFileError(bombArchive, () -> KerasArchive.read(bombArchive),
                "entry 'model.weights.h5': HDF5 dataset 'layers/dense/vars/0'", "shape bomb");
        assertEquals(bombArchive, e.path());
    }
}
