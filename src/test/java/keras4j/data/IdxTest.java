package keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    /** A hand-made MNIST-style file: 2 images of 2x3 ubyte pixels. */
    static byte[] tinyImages() {
        return new byte[] {
            0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3,
            0, 1, 2, 3, 4, (byte) 255,
            10, 20, 30, 40, 50, (byte) 128,
        };
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsHandMadeUbyteFilePlainAndGzipped() throws IOException {
        Path plain = Files.write(dir.resolve("images-idx3-ubyte"), tinyImages());
        Path gz = Files.write(dir.resolve("images-idx3-ubyte.gz"), gzip(tinyImages()));
        for (Path p : new Path[] {plain, gz}) {
            Tensor t = Idx.read(p);
            assertArrayEquals(new int[] {2, 2, 3}, t.shape());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 255, 10, 20, 30, 40, 50, 128}, t.toFloatArray());
        }
        Tensor fromStream = Idx.read(new ByteArrayInputStream(gzip(tinyImages())));
        assertEquals(255f, fromStream.get(0, 1, 2));
    }

    @Test
    void roundTripsEveryType() throws IOException {
        Tensor ints = Tensor.of(new float[] {-3, 0, 7, 100, -128, 127}, 2, 3);
        Tensor reals = Tensor.of(new float[] {-1.5f, 0.25f, 3.1415927f, 1e-20f, 6e7f, -0f}, 3, 2);
        int[][] cases = {{Idx.BYTE, 0}, {Idx.SHORT, 0}, {Idx.INT, 0}, {Idx.FLOAT, 1}, {Idx.DOUBLE, 1}};
        for (int[] c : cases) {
            Tensor t = c[1] == 0 ? ints : reals;
            for (boolean gz : new boolean[] {false, true}) {
                Path p = dir.resolve("t" + c[0] + (gz ? ".gz" : ""));
                Idx.write(p, t, c[0], gz);
                Tensor back = Idx.read(p);
                assertArrayEquals(t.shape(), back.shape(), "type " + c[0]);
                assertArrayEquals(t.toFloatArray(), back.toFloatArray(), "type " + c[0]);
            }
        }
        Tensor labels = Tensor.vector(9, 0, 3);
        Path p = dir.resolve("labels-idx1-ubyte.gz");
        Idx.write(p, labels, Idx.UBYTE, true);
        Tensor back = Idx.read(p);
        assertArrayEquals(new int[] {3}, back.shape());
        assertArrayEquals(new float[] {9, 0, 3}, back.toFloatArray());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Idx.write(raw, labels, Idx.UBYTE);
        assertArrayEquals(new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 9, 0, 3}, raw.toByteArray());
    }

    @Test
    void scalarAndEmptyTensors() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Idx.write(out, Tensor.scalar(2.5f), Idx.FLOAT);
        Tensor s = Idx.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(0, s.rank());
        assertEquals(2.5f, s.item());
        out.reset();
        Idx.write(out, Tensor.zeros(0, 4), Idx.UBYTE);
        assertArrayEquals(new int[] {0, 4}, Idx.read(new ByteArrayInputStream(out.toByteArray())).shape());
    }

    @Test
    void badMagicIsRejected() {
        byte[] b = tinyImages();
        b[0] = 0x12;
        IOException e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(b)));
        assertTrue(e.getMessage().contains("not an IDX file: magic number 0x12000803"), e.getMessage());
        byte[] badType = tinyImages();
        badType[2] = 0x0A;
        e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(badType)));
        assertTrue(e.getMessage().contains("magic number 0x00000A03"), e.getMessage());
    }

    @Test
    void truncatedFilesNameBothSizes() throws IOException {
        byte[] cut = Arrays.copyOf(tinyImages(), tinyImages().length - 5);
        Path p = Files.write(dir.resolve("cut-idx3-ubyte"), cut);
        IOException e = assertThrows(IOException.class, () -> Idx.read(p));
        assertEquals(p + ": truncated: shape (2, 2, 3) of ubyte needs 12 bytes of data but only 7 follow the header", e.getMessage());

        Path gz = Files.write(dir.resolve("cut.gz"), gzip(cut));
        e = assertThrows(IOException.class, () -> Idx.read(gz));
        assertTrue(e.getMessage().contains("needs 12 bytes of data but only 7 follow"), e.getMessage());

        byte[] gzCut = gzip(tinyImages());
        Path brokenGz = Files.write(dir.resolve("broken.gz"), Arrays.copyOf(gzCut, gzCut.length - 12));
        e = assertThrows(IOException.class, () -> Idx.read(brokenGz));
        assertTrue(e.getMessage().contains("corrupt or truncated gzip data"), e.getMessage());

        e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(new byte[] {0, 0, 8, 3, 0, 0})));
        assertTrue(e.getMessage().contains("truncated header: ends inside the 3 dimensions"), e.getMessage());

        byte[] huge = {0, 0, 0x0D, 2, 0x7F, 0, 0, 0, 0x7F, 0, 0, 0, 1, 2, 3};
        e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(huge)));
        assertTrue(e.getMessage().contains("too large for one tensor"), e.getMessage());

        byte[] extra = Arrays.copyOf(tinyImages(), tinyImages().length + 1);
        e = assertThrows(IOException.class, () -> Idx.read(new ByteArrayInputStream(extra)));
        assertTrue(e.getMessage().contains("more data follows the 12 bytes"), e.getMessage());
    }

    @Test
    void writeRejectsValuesOutsideTheType() {
        assertThrows(IllegalArgumentException.class, () -> Idx.write(new ByteArrayOutputStream(), Tensor.vector(256), Idx.UBYTE));
        assertThrows(IllegalArgumentException.class, () -> Idx.write(new ByteArrayOutputStream(), Tensor.vector(0.5f), Idx.INT));
        assertThrows(IllegalArgumentException.class, () -> Idx.write(new ByteArrayOutputStream(), Tensor.vector(1), 0x07));
    }
}
