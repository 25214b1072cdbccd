package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the saving tests. */
final class TestFiles {
    private TestFiles() {}

    /** A file under src/test/resources/keras-fixtures/, e.g. {@code dl4j/conv1d/x_model.h5}. */
    static Path fixture(String relative) {
        URL url = TestFiles.class.getResource("/keras-fixtures/" + relative);
        if (url == null) throw new IllegalArgumentException("missing test fixture " + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All files under a fixture directory whose name ends with {@code suffix}, sorted. */
    static List<Path> fixtures(String dir, String suffix) {
        try (Stream<Path> s = Files.walk(fixture(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Tensor random(long seed, int... shape) {
        return Tensor.randomUniform(seed, -1f, 1f, shape);
    }

    /** Same shape and bit-identical values. */
    static void assertSameTensor(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = Internal.array(expected), a = Internal.array(actual);
        assertEquals(e.length, a.length, what + ": size");
        for (int i = 0; i < e.length; i++) {
            assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), what + ": element " + i);
        }
    }

    /** Asserts that {@code body} throws a {@link KerasFileException} for {@code file} whose reason contains all parts. */
    static KerasFileException assertFileError(Path file, Executable body, String... reasonParts) {
        KerasFileException e = assertThrows(KerasFileException.class, body);
        assertEquals(file, e.path(), "the exception names the file");
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        for (String part : reasonParts) {
            assertTrue(e.reason().contains(part), "reason should contain '" + part + "': " + e.reason());
        }
        return e;
    }

    /** The names of the files in a directory (to check that no temporary file is left behind). */
    static List<String> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] shape(int... dims) {
        return Arrays.copyOf(dims, dims.length);
    }
}
