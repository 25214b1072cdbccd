package keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void headerAndLabelColumn() {
        Csv.Data d = new Csv().header(true).labelColumn(1).parse("a,label,b\n1,0,2.5\n\n-3e2, 1 ,.5\n");
        assertEquals(List.of("a", "label", "b"), d.header());
        assertArrayEquals(new int[] {2, 2}, d.x().shape());
        assertArrayEquals(new float[] {1, 2.5f, -300, 0.5f}, d.x().toFloatArray());
        assertArrayEquals(new float[] {0, 1}, d.y().toFloatArray());
    }

    @Test
    void noLabelDelimiterAndSpecialValues() {
        Csv.Data d = new Csv().delimiter(';').parse("\uFEFF1;nan;-inf\n+4;5.;Infinity\n");
        assertNull(d.y());
        assertEquals(List.of(), d.header());
        float[] x = d.x().toFloatArray();
        assertEquals(1f, x[0]);
        assertTrue(Float.isNaN(x[1]));
        assertEquals(Float.NEGATIVE_INFINITY, x[2]);
        assertEquals(Float.POSITIVE_INFINITY, x[5]);
        Csv.Data last = new Csv().labelColumn(-1).parse("1,2,3\n4,5,6");
        assertArrayEquals(new float[] {3, 6}, last.y().toFloatArray());
        assertArrayEquals(new float[] {1, 2, 4, 5}, last.x().toFloatArray());
    }

    @Test
    void errorsNameLineAndColumn() {
        UncheckedIOException u = assertThrows(UncheckedIOException.class, () -> new Csv().header(true).parse("x,y\n1,2\n3,abc\n"));
        assertEquals("CSV text line 3, column 2: not a number: \"abc\"", u.getCause().getMessage());
        u = assertThrows(UncheckedIOException.class, () -> new Csv().parse("1,2\n3,,4\n"));
        assertEquals("CSV text line 2: 3 columns, expected 2 (delimiter ',')", u.getCause().getMessage());
        u = assertThrows(UncheckedIOException.class, () -> new Csv().parse("1,2\n3,\n"));
        assertEquals("CSV text line 2, column 2: empty cell", u.getCause().getMessage());
        u = assertThrows(UncheckedIOException.class, () -> new Csv().labelColumn(5).parse("1,2\n"));
        assertEquals("CSV text: label column 5 does not exist in rows of 2 columns", u.getCause().getMessage());
        u = assertThrows(UncheckedIOException.class, () -> new Csv().header(true).parse("a,b\n"));
        assertEquals("CSV text: no data rows", u.getCause().getMessage());
        u = assertThrows(UncheckedIOException.class, () -> new Csv().parse("1.5f,2\n"));
        assertEquals("CSV text line 1, column 1: not a number: \"1.5f\"", u.getCause().getMessage());
    }

    @Test
    void readsFilesAndNamesThemInErrors() throws IOException {
        Path p = Files.writeString(dir.resolve("bad.csv"), "1,2\n3,x\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> new Csv().read(p));
        assertEquals("bad.csv line 2, column 2: not a number: \"x\"", e.getMessage());
        Path ok = Files.writeString(dir.resolve("ok.csv"), "1,2\n3,4\n", StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {2, 2}, new Csv().read(ok).x().shape());
    }
}
