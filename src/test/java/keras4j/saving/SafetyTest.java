package keras4j.saving;

import static keras4j.saving.TestFiles.assertFileError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

class SafetyTest {
    private static final Path ARCHIVE = Path.of("model.keras");

    @Test
    void safeEntryNamesPass() {
        for (String name : new String[] {"config.json", "metadata.json", "model.weights.h5", "assets/",
                "assets/layers/text_vectorization/vocabulary.txt", "assets/a..b/c.txt"}) {
            assertDoesNotThrow(() -> Safety.checkEntryName(ARCHIVE, name), name);
        }
    }

    @Test
    void unsafeEntryNamesAreRefused() {
        String[][] cases = {
            {"../evil", "zip-slip"}, {"assets/../../evil", "zip-slip"}, {"assets/x/..", "zip-slip"},
            {"/etc/passwd", "absolute path"}, {"C:/evil", "absolute path"}, {"c:evil", "absolute path"},
            {"assets\\..\\evil", "backslash"}, {"", "empty"}, {"assets//x", "empty path segment"},
            {"./config.json", "'.' segment"}, {"a\0b", "NUL"},
        };
        for (String[] c : cases) {
            assertFileError(ARCHIVE, () -> Safety.checkEntryName(ARCHIVE, c[0]), "zip entry '" + c[0] + "'", c[1]);
        }
    }

    @Test
    void zipBombRatioFollowsKeras() {
        // Keras: rejected when the member declares more than 4 GiB AND more than 100x its stored size.
        ZipEntry bomb = new ZipEntry("model.weights.h5");
        bomb.setSize(5L << 30);
        bomb.setCompressedSize(1 << 20);
        assertFileError(ARCHIVE, () -> Safety.checkZipEntrySize(ARCHIVE, bomb.getName(), bomb.getSize(),
                bomb.getCompressedSize()), "zip entry 'model.weights.h5' declares 5.0 GiB but only 1.0 MiB are stored",
                "decompression bomb");
        // High ratio but below the 4 GiB floor: Keras accepts it, and so does keras4j.
        assertDoesNotThrow(() -> Safety.checkZipEntrySize(ARCHIVE, "config.json", 100L << 20, 1024));
        // Above the floor at a plausible ratio: not a bomb, but more than one Java array can hold.
        assertFileError(ARCHIVE, () -> Safety.checkZipEntrySize(ARCHIVE, "model.weights.h5", 5L << 30, 4L << 30),
                "declares 5.0 GiB; entries larger than 2 GiB cannot be read");
        assertFileError(ARCHIVE, () -> Safety.checkZipEntrySize(ARCHIVE, "x", -1, 10), "does not declare its size");
        // Compressed sizes so large that 100 x would overflow a long are handled.
        assertFileError(ARCHIVE, () -> Safety.checkZipEntrySize(ARCHIVE, "x", Long.MAX_VALUE, Long.MAX_VALUE / 2),
                "larger than 2 GiB");
    }

    @Test
    void totalDeclaredSizeIsBounded() {
        assertDoesNotThrow(() -> Safety.checkZipTotalSize(ARCHIVE, 200L << 20, 1 << 20), "under the 256 MiB floor");
        assertDoesNotThrow(() -> Safety.checkZipTotalSize(ARCHIVE, 3L << 30, 1L << 30), "a plausible 3x ratio");
        assertFileError(ARCHIVE, () -> Safety.checkZipTotalSize(ARCHIVE, 3L << 30, 10L << 20),
                "declare 3.0 GiB in total but the archive holds only 10.0 MiB");
    }

    @Test
    void sizesAndShapesPrintLikePython() {
        assertEquals("()", keras4j.tensor.Shape.formatInts(new int[0]));
        assertEquals("(3,)", keras4j.tensor.Shape.formatInts(new int[] {3}));
        assertEquals("(2, 3)", keras4j.tensor.Shape.formatInts(new int[] {2, 3}));
        assertEquals("100 bytes", Safety.bytes(100));
        assertEquals("1.5 KiB", Safety.bytes(1536));
        assertEquals("4.0 GiB", Safety.bytes(1L << 32));
    }
}
