package keras4j.utils;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import keras4j.tensor.Shape;

/**
 * The text of Keras's {@code model.summary()}: a model name, one row per layer and the parameter
 * totals, rendered exactly as Keras prints them. Pure formatting: it knows nothing of models.
 *
 * <p>{@link #render()} is Keras 3 ({@code keras/src/utils/summary_utils.py}, a rich table):
 * <pre>
 * Model: "sequential"
 * ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
 * ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
 * ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
 * │ dense (Dense)                   │ (None, 10)             │        16,010 │
 * └─────────────────────────────────┴────────────────────────┴───────────────┘
 *  Total params: 16,010 (62.54 KB)
 *  Trainable params: 16,010 (62.54 KB)
 *  Non-trainable params: 0 (0.00 B)
 * </pre>
 * {@link #renderClassic()} is the Keras 2.0–2.6 layout (65 or 98 columns of {@code _} and {@code =}
 * rules, every column cut at its position). Rows are listed as given: the caller decides which
 * layers appear (Sequential: no InputLayer row; functional: InputLayer rows) and nests rows with
 * {@link Row#depth()} for {@code expand_nested}.
 *
 * <p>Options are fluent setters named after {@code summary()}'s arguments:
 * {@code new SummaryTable(name, rows, totals).sequentialLike(false).showTrainable(true).render()}.
 */
public final class SummaryTable {

    /**
     * One row: {@code "name (ClassName)"}, the formatted output shape ({@code "?"} if unknown), the
     * parameter count ({@code built=false} prints {@code 0 (unbuilt)}), inbound connections such as
     * {@code "conv2d[0][0]"} (functional layout), whether the layer is trainable ({@code null}: it
     * has no weights, printed {@code -}) and its nesting depth (0 for the model's own layers).
     */
    public record Row(String layerAndType, String outputShape, long params, boolean built,
                      List<String> connectedTo, Boolean trainable, int depth) {
        public Row {
            Objects.requireNonNull(layerAndType, "layerAndType");
            Objects.requireNonNull(outputShape, "outputShape");
            connectedTo = connectedTo == null ? List.of() : List.copyOf(connectedTo);
            if (depth < 0) throw new IllegalArgumentException("Argument `depth` should be >= 0. Received: depth=" + depth);
        }

        /** A built layer's row. */
        public static Row of(String layerAndType, String outputShape, long params) {
            return new Row(layerAndType, outputShape, params, true, List.of(), null, 0);
        }

        /** A layer that is not built yet: Keras 3 prints {@code 0 (unbuilt)}. */
        public static Row unbuilt(String layerAndType, String outputShape) {
            return new Row(layerAndType, outputShape, 0, false, List.of(), null, 0);
        }

        public Row withConnectedTo(String... inbound) {
            return new Row(layerAndType, outputShape, params, built, List.of(inbound), trainable, depth);
        }

        public Row withTrainable(Boolean isTrainable) {
            return new Row(layerAndType, outputShape, params, built, connectedTo, isTrainable, depth);
        }

        public Row withDepth(int nesting) {
            return new Row(layerAndType, outputShape, params, built, connectedTo, trainable, nesting);
        }
    }

    /**
     * Parameter counts and their memory in bytes; the optimizer's line appears only when
     * {@code optimizerBuilt}. Keras 3's total is trainable + non-trainable + optimizer.
     */
    public record Totals(long trainable, double trainableBytes, long nonTrainable, double nonTrainableBytes,
                         long optimizer, double optimizerBytes, boolean optimizerBuilt) {
        /** Counts of float32 weights (4 bytes each), no optimizer. */
        public static Totals of(long trainable, long nonTrainable) {
            return of(trainable, 4.0 * trainable, nonTrainable, 4.0 * nonTrainable);
        }

        public static Totals of(long trainable, double trainableBytes, long nonTrainable, double nonTrainableBytes) {
            return new Totals(trainable, trainableBytes, nonTrainable, nonTrainableBytes, 0, 0, false);
        }

        /** Adds the {@code Optimizer params} line (a built optimizer's variables). */
        public Totals withOptimizer(long count, double bytes) {
            return new Totals(trainable, trainableBytes, nonTrainable, nonTrainableBytes, count, bytes, true);
        }

        public long total() {
            return trainable + nonTrainable + optimizer;
        }

        public double totalBytes() {
            return trainableBytes + nonTrainableBytes + optimizerBytes;
        }
    }

    private final String modelName;
    private final List<Row> rows;
    private final Totals totals;
    private boolean sequentialLike = true;
    private int lineLength;
    private double[] positions;
    private boolean showTrainable;
    private int terminalColumns = terminalColumns();

    public SummaryTable(String modelName, List<Row> rows, Totals totals) {
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.rows = List.copyOf(rows);
        this.totals = Objects.requireNonNull(totals, "totals");
    }

    /** {@code true} (default): 3 columns; {@code false}: the functional layout with {@code Connected to}. */
    public SummaryTable sequentialLike(boolean value) {
        this.sequentialLike = value;
        return this;
    }

    /** Total width; 0 (default) means Keras's default for the layout and the terminal. */
    public SummaryTable lineLength(int value) {
        if (value < 0) throw new IllegalArgumentException("Argument `line_length` should be >= 0. Received: line_length=" + value);
        this.lineLength = value;
        return this;
    }

    /** Relative end positions of the columns (Keras 3); absolute or relative in the classic layout. */
    public SummaryTable positions(double... value) {
        this.positions = value == null || value.length == 0 ? null : value.clone();
        return this;
    }

    /** Adds the {@code Trainable} column ({@code Y}, {@code N} or {@code -}). Keras 3 only. */
    public SummaryTable showTrainable(boolean value) {
        this.showTrainable = value;
        return this;
    }

    /** The console width Keras sees (default {@link #terminalColumns()}): it bounds the default width and crops lines. */
    public SummaryTable terminalColumns(int value) {
        if (value < 1) throw new IllegalArgumentException("Argument `terminal_columns` should be >= 1. Received: " + value);
        this.terminalColumns = value;
        return this;
    }

    public String modelName() {
        return modelName;
    }

    public List<Row> rows() {
        return rows;
    }

    public Totals totals() {
        return totals;
    }

    /** Keras 3's summary text, each line ending in {@code \n}. */
    public String render() {
        double[] pos = positions != null ? positions.clone()
                : sequentialLike ? new double[] {0.45, 0.80, 1.0} : new double[] {0.3, 0.56, 0.74, 1.0};
        int defaultLength = sequentialLike ? 88 : 108;
        List<String> headers = new ArrayList<>(sequentialLike
                ? List.of("Layer (type)", "Output Shape", "Param #")
                : List.of("Layer (type)", "Output Shape", "Param #", "Connected to"));
        List<RichTable.Justify> justify = new ArrayList<>(List.of(RichTable.Justify.LEFT, RichTable.Justify.LEFT,
                RichTable.Justify.RIGHT, RichTable.Justify.LEFT).subList(0, headers.size()));
        if (showTrainable) {
            defaultLength += 12;
            pos = Arrays.copyOf(pos, pos.length + 1);
            for (int i = 0; i < pos.length - 1; i++) pos[i] = pos[i] * 0.90;
            pos[pos.length - 1] = 1.0;
            headers.add("Trainable");
            justify.add(RichTable.Justify.CENTER);
        }
        defaultLength = Math.min(defaultLength, terminalColumns - 4);
        int length = lineLength != 0 ? lineLength : defaultLength;
        if (pos.length != headers.size()) {
            throw new IllegalArgumentException("Argument `positions` should have " + (showTrainable ? headers.size() - 1 : headers.size())
                    + " entries for this layout. Received: positions=" + Arrays.toString(positions));
        }
        List<RichTable.Column> columns = new ArrayList<>();
        int current = 0;
        for (int i = 0; i < pos.length; i++) {
            int width = (int) (pos[i] * length) - current;
            if (width < 4) throw new IllegalArgumentException("Insufficient console width to print summary.");
            columns.add(new RichTable.Column(headers.get(i), justify.get(i), width));
            current += width;
        }

        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>();
            c.add((r.depth() > 0 ? "   ".repeat(r.depth()) + "└ " : "") + r.layerAndType());
            c.add(r.outputShape());
            c.add(r.built() ? PyFormat.grouped(r.params()) : "0 (unbuilt)");
            if (!sequentialLike) c.add(r.connectedTo().isEmpty() ? "-" : String.join(", ", r.connectedTo()));
            if (showTrainable) c.add(r.trainable() == null ? "-" : r.trainable() ? "Y" : "N");
            cells.add(c);
        }

        StringBuilder out = new StringBuilder();
        for (String l : RichTable.consoleLines("Model: \"" + modelName + "\"", terminalColumns)) out.append(l).append('\n');
        for (String l : RichTable.render(columns, cells, length)) {
            out.append(RichTable.cellLen(l) > terminalColumns ? RichTable.setCellSize(l, terminalColumns) : l).append('\n');
        }
        totalLine(out, " Total params: ", totals.total(), totals.totalBytes());
        totalLine(out, " Trainable params: ", totals.trainable(), totals.trainableBytes());
        totalLine(out, " Non-trainable params: ", totals.nonTrainable(), totals.nonTrainableBytes());
        if (totals.optimizerBuilt()) totalLine(out, " Optimizer params: ", totals.optimizer(), totals.optimizerBytes());
        return out.toString();
    }

    private void totalLine(StringBuilder out, String label, long count, double bytes) {
        String text = label + PyFormat.grouped(count) + " (" + readableMemorySize(bytes) + ")";
        for (String l : RichTable.consoleLines(text, terminalColumns)) out.append(l).append('\n');
    }

    /**
     * The Keras 2.0–2.6 summary (standalone Keras ≥ 2.3 and tf.keras ≤ 2.6), each line ending in
     * {@code \n}: every field cut at its column's end and padded to it, so lines keep trailing
     * spaces. Nesting depth and trainability are not shown in this layout.
     */
    public String renderClassic() {
        int length = lineLength != 0 ? lineLength : sequentialLike ? 65 : 98;
        double[] pos = positions != null ? positions.clone()
                : sequentialLike ? new double[] {0.45, 0.85, 1.0} : new double[] {0.33, 0.55, 0.67, 1.0};
        int columns = sequentialLike ? 3 : 4;
        if (pos.length != columns) {
            throw new IllegalArgumentException("Argument `positions` should have " + columns
                    + " entries for this layout. Received: positions=" + Arrays.toString(positions));
        }
        int[] ends = new int[columns];
        boolean relative = pos[columns - 1] <= 1;
        for (int i = 0; i < columns; i++) ends[i] = relative ? (int) (length * pos[i]) : (int) pos[i];

        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(modelName).append("\"\n");
        out.append("_".repeat(length)).append('\n');
        classicRow(out, ends, sequentialLike ? List.of("Layer (type)", "Output Shape", "Param #")
                : List.of("Layer (type)", "Output Shape", "Param #", "Connected to"));
        out.append("=".repeat(length)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            List<String> fields = new ArrayList<>(List.of(r.layerAndType(), r.outputShape(), Long.toString(r.params())));
            if (!sequentialLike) fields.add(r.connectedTo().isEmpty() ? "" : r.connectedTo().get(0));
            classicRow(out, ends, fields);
            for (int c = 1; !sequentialLike && c < r.connectedTo().size(); c++) {
                classicRow(out, ends, List.of("", "", "", r.connectedTo().get(c)));
            }
            out.append((i == rows.size() - 1 ? "=" : "_").repeat(length)).append('\n');
        }
        out.append("Total params: ").append(PyFormat.grouped(totals.trainable() + totals.nonTrainable())).append('\n');
        out.append("Trainable params: ").append(PyFormat.grouped(totals.trainable())).append('\n');
        out.append("Non-trainable params: ").append(PyFormat.grouped(totals.nonTrainable())).append('\n');
        out.append("_".repeat(length)).append('\n');
        return out.toString();
    }

    /** Keras 2's {@code print_row}: append each field after the previous one, cut and pad it to its end. */
    private static void classicRow(StringBuilder out, int[] ends, List<String> fields) {
        String line = "";
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) line = line.substring(0, Math.max(0, line.length() - 1)) + " ";
            line += fields.get(i);
            line = line.substring(0, Math.max(0, Math.min(line.length(), ends[i])));
            line += " ".repeat(Math.max(0, ends[i] - line.length()));
        }
        out.append(line).append('\n');
    }

    /** Prints {@link #render()} to {@code out}. */
    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    /** Prints {@link #render()} to {@code System.out}. */
    public void print() {
        print(System.out);
    }

    @Override
    public String toString() {
        return render();
    }

    // ------------------------------------------------------------------ formatting helpers

    /** {@code "name (ClassName)"}, the first column of a row. */
    public static String layerAndType(String name, String className) {
        return name + " (" + className + ")";
    }

    /**
     * Keras 3's shape text: {@code (None, 26, 26, 32)}, {@code ()}; a dimension of -1 prints
     * {@code None}. Keras 3 joins the entries without Python's tuple comma, so a 1-tuple prints
     * {@code (None)}.
     */
    public static String formatShape(int... shape) {
        return Shape.formatSummary(shape);
    }

    /** Keras 3's text for a layer with several outputs (a list): {@code [(None, 3), (None, 4)]}. */
    public static String formatShapes(List<int[]> shapes) {
        return Shape.formatSummaryList(shapes);
    }

    /** Python's tuple repr as Keras 2 prints it: {@code (None, 10)}, {@code (None,)}, {@code ()}. */
    public static String formatShapeClassic(int... shape) {
        return Shape.format(shape);
    }

    /** Python's list-of-tuples repr, as Keras 2 prints InputLayer and multi-output shapes: {@code [(None, 784)]}. */
    public static String formatShapesClassic(List<int[]> shapes) {
        return Shape.formatList(shapes);
    }

    /** Keras 3's {@code readable_memory_size}: {@code 0.00 B}, {@code 136.04 KB}, {@code 1.50 MB}. */
    public static String readableMemorySize(double bytes) {
        return memorySize(bytes, "B");
    }

    /** tf.keras 2.13+ / tf-keras's variant, whose smallest unit is {@code Byte}: {@code 0.00 Byte}. */
    public static String readableMemorySizeTfKeras(double bytes) {
        return memorySize(bytes, "Byte");
    }

    private static String memorySize(double size, String byteUnit) {
        String[] units = {byteUnit, "KB", "MB", "GB", "TB", "PB"};
        for (String unit : units) {
            if (size / 1024 < 1) return PyFormat.fixed(size, 2) + " " + unit;
            size /= 1024;
        }
        return PyFormat.fixed(size, 2) + " " + units[units.length - 1];
    }

    /**
     * The terminal width Keras's {@code shutil.get_terminal_size()} reports when output is not a
     * terminal (logs, notebooks): {@code $COLUMNS} if set to a positive number, else 80.
     */
    public static int terminalColumns() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                int c = Integer.parseInt(columns.trim());
                if (c > 0) return c;
            } catch (NumberFormatException ignored) {
                // Python falls back the same way when COLUMNS is not a number.
            }
        }
        return 80;
    }
}
