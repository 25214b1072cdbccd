package keras4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import keras4j.tensor.Tensor;

/**
 * Reads a numeric CSV file into tensors: features {@code x} of shape (rows, columns) and, when a
 * label column is chosen, labels {@code y} of shape (rows,) (like {@code numpy.loadtxt} followed by
 * splitting off one column).
 *
 * <pre>
 * Csv.Data d = new Csv().header(true).labelColumn(-1).read(Path.of("iris.csv"));
 * </pre>
 * Cells are decimal numbers ({@code 1}, {@code -2.5}, {@code 3e-4}, {@code nan}, {@code inf}),
 * surrounded by optional spaces; blank lines are skipped; a {@code .gz} file is decompressed.
 * A cell that is not a number fails with its line and column (both counted from 1).
 */
public final class Csv {
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|(?i:nan|inf|infinity))");

    /** The parsed file: features, labels ({@code null} without a label column) and the header cells (empty without header). */
    public record Data(Tensor x, Tensor y, List<String> header) {}

    private boolean header;
    private Integer labelColumn;
    private char delimiter = ',';

    /** A reader with no header, no label column and {@code ,} as delimiter. */
    public Csv() {}

    /** Whether the first line is a header (kept as text, not parsed). */
    public Csv header(boolean value) {
        this.header = value;
        return this;
    }

    /** The column holding the label, from 0; negative counts from the end ({@code -1}: the last). */
    public Csv labelColumn(int column) {
        this.labelColumn = column;
        return this;
    }

    /** No label column: every column is a feature (the default). */
    public Csv noLabel() {
        this.labelColumn = null;
        return this;
    }

    public Csv delimiter(char value) {
        if (value == '\n' || value == '\r') throw new IllegalArgumentException("Argument `delimiter` cannot be a line break.");
        this.delimiter = value;
        return this;
    }

    public Data read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream data = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return read(new InputStreamReader(data, StandardCharsets.UTF_8), file.getFileName().toString());
        }
    }

    /** Reads UTF-8 text from a stream (not closed); {@code source} names it in error messages. */
    public Data read(InputStream in, String source) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    /** Parses CSV text held in a string; a malformed cell throws {@link UncheckedIOException} with its line and column. */
    public Data parse(String text) {
        try {
            return read(new StringReader(text), "CSV text");
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public Data read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> headerCells = List.of();
        int columns = -1;
        int label = -1;
        float[] values = new float[1024];
        int size = 0;
        int rows = 0;
        boolean headerPending = header;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (line.isBlank()) continue;
            String[] cells = split(line);
            if (headerPending) {
                List<String> h = new ArrayList<>();
                for (String c : cells) h.add(c.strip());
                headerCells = List.copyOf(h);
                headerPending = false;
                continue;
            }
            if (columns < 0) {
                columns = cells.length;
                label = labelIndex(columns, source);
            } else if (cells.length != columns) {
                throw new IOException(source + " line " + lineNo + ": " + cells.length + " columns, expected " + columns
                        + " (delimiter '" + delimiter + "')");
            }
            if (size + columns > values.length) values = Arrays.copyOf(values, Math.max(values.length * 2, size + columns));
            for (int c = 0; c < columns; c++) values[size++] = number(cells[c], source, lineNo, c + 1);
            rows++;
        }
        if (rows == 0) throw new IOException(source + ": no data rows");
        int features = label < 0 ? columns : columns - 1;
        float[] x = new float[rows * features];
        float[] y = label < 0 ? null : new float[rows];
        for (int r = 0, xi = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                float v = values[r * columns + c];
                if (c == label) y[r] = v;
                else x[xi++] = v;
            }
        }
        return new Data(Tensor.wrap(x, rows, features), y == null ? null : Tensor.wrap(y, rows), headerCells);
    }

    private int labelIndex(int columns, String source) throws IOException {
        if (labelColumn == null) return -1;
        int index = labelColumn < 0 ? columns + labelColumn : labelColumn;
        if (index < 0 || index >= columns) {
            throw new IOException(source + ": label column " + labelColumn + " does not exist in rows of " + columns + " columns");
        }
        return index;
    }

    private String[] split(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        return cells.toArray(new String[0]);
    }

    private static float number(String cell, String source, int line, int column) throws IOException {
        String s = cell.strip();
        if (!NUMBER.matcher(s).matches()) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
            throw new IOException(source + " line " + line + ", column " + column + ": "
                    + (s.isEmpty() ? "empty cell" : "not a number: \"" + shown + "\""));
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) return Float.NaN;
        if (lower.endsWith("inf") || lower.endsWith("infinity")) return lower.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        return (float) Double.parseDouble(s);
    }
}
