package keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import keras4j.utils.SummaryTable.Row;
import keras4j.utils.SummaryTable.Totals;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    static String expected(String name) throws IOException {
        try (InputStream in = SummaryTableTest.class.getResourceAsStream("summary/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Row> mnistRows(boolean keras3) {
        return List.of(
                Row.of("conv2d (Conv2D)", "(None, 26, 26, 32)", 320),
                Row.of("max_pooling2d (MaxPooling2D)", "(None, 13, 13, 32)", 0),
                Row.of("conv2d_1 (Conv2D)", "(None, 11, 11, 64)", 18496),
                Row.of("max_pooling2d_1 (MaxPooling2D)", "(None, 5, 5, 64)", 0),
                Row.of("flatten (Flatten)", "(None, 1600)", 0),
                Row.of("dropout (Dropout)", "(None, 1600)", 0),
                Row.of("dense (Dense)", "(None, 10)", 16010));
    }

    static List<Row> toyResnetRows(boolean keras3) {
        return List.of(
                Row.of("img (InputLayer)", keras3 ? "(None, 32, 32, 3)" : "[(None, 32, 32, 3)]", 0),
                Row.of("conv2d_8 (Conv2D)", "(None, 30, 30, 32)", 896).withConnectedTo("img[0][0]"),
                Row.of("conv2d_9 (Conv2D)", "(None, 28, 28, 64)", 18496).withConnectedTo("conv2d_8[0][0]"),
                Row.of("max_pooling2d_2 (MaxPooling2D)", "(None, 9, 9, 64)", 0).withConnectedTo("conv2d_9[0][0]"),
                Row.of("conv2d_10 (Conv2D)", "(None, 9, 9, 64)", 36928).withConnectedTo("max_pooling2d_2[0][0]"),
                Row.of("conv2d_11 (Conv2D)", "(None, 9, 9, 64)", 36928).withConnectedTo("conv2d_10[0][0]"),
                Row.of("add (Add)", "(None, 9, 9, 64)", 0).withConnectedTo("conv2d_11[0][0]", "max_pooling2d_2[0][0]"),
                Row.of("conv2d_12 (Conv2D)", "(None, 9, 9, 64)", 36928).withConnectedTo("add[0][0]"),
                Row.of("conv2d_13 (Conv2D)", "(None, 9, 9, 64)", 36928).withConnectedTo("conv2d_12[0][0]"),
                Row.of("add_1 (Add)", "(None, 9, 9, 64)", 0).withConnectedTo("conv2d_13[0][0]", "add[0][0]"),
                Row.of("conv2d_14 (Conv2D)", "(None, 7, 7, 64)", 36928).withConnectedTo("add_1[0][0]"),
                Row.of("global_average_pooling2d (GlobalAveragePooling2D)", "(None, 64)", 0).withConnectedTo("conv2d_14[0][0]"),
                Row.of("dense_6 (Dense)", "(None, 256)", 16640).withConnectedTo("global_average_pooling2d[0][0]"),
                Row.of("dropout (Dropout)", "(None, 256)", 0).withConnectedTo("dense_6[0][0]"),
                Row.of("dense_7 (Dense)", "(None, 10)", 2570).withConnectedTo("dropout[0][0]"));
    }

    @Test
    void keras3SequentialMatchesVerbatimMnistTable() throws IOException {
        SummaryTable t = new SummaryTable("sequential", mnistRows(true), Totals.of(34826, 0)).terminalColumns(80);
        assertEquals(expected("keras3_mnist_sequential.txt"), t.render());
    }

    @Test
    void keras3FunctionalMatchesVerbatimToyResnetTable() throws IOException {
        SummaryTable t = new SummaryTable("toy_resnet", toyResnetRows(true), Totals.of(223242, 0))
                .sequentialLike(false).terminalColumns(80);
        assertEquals(expected("keras3_toy_resnet_functional.txt"), t.render());
    }

    @Test
    void classicSequentialMatchesVerbatimMnistTable() throws IOException {
        SummaryTable t = new SummaryTable("sequential", mnistRows(false), Totals.of(34826, 0));
        assertEquals(expected("classic_mnist_sequential.txt"), t.renderClassic());
    }

    @Test
    void classicFunctionalMatchesVerbatimToyResnetTable() throws IOException {
        SummaryTable t = new SummaryTable("toy_resnet", toyResnetRows(false), Totals.of(223242, 0)).sequentialLike(false);
        assertEquals(expected("classic_toy_resnet_functional.txt"), t.renderClassic());
    }

    @Test
    void wrapsLongNamesAndShowsUnbuiltLayers() throws IOException {
        List<Row> rows = List.of(
                Row.of("embedding_for_a_very_long_vocabulary_name (Embedding)", "(None, 100, 64)", 640000),
                Row.unbuilt("my custom block with spaces in its name (CustomBlock)", "(None, 100, 64)"),
                Row.unbuilt(SummaryTable.layerAndType("lstm", "LSTM"), "?"),
                Row.of("heads (MultiOutput)", SummaryTable.formatShapes(List.of(new int[] {-1, 3}, new int[] {-1, 4})), 1234567));
        SummaryTable t = new SummaryTable("wrapping", rows, Totals.of(1874567, 7498268, 0, 0)).terminalColumns(80);
        assertEquals(expected("keras3_wrap.txt"), t.render());
    }

    @Test
    void showTrainableAddsCenteredColumnAndOptimizerLine() throws IOException {
        List<Row> rows = List.of(
                Row.of("input_layer (InputLayer)", "(None, 32)", 0),
                Row.of("dense (Dense)", "(None, 64)", 2112).withTrainable(true),
                Row.of("batch_normalization (BatchNormalization)", "(None, 64)", 256).withTrainable(false),
                Row.of("dropout (Dropout)", "(None, 64)", 0));
        Totals totals = Totals.of(2240, 8960, 128, 512).withOptimizer(4481, 17924);
        SummaryTable t = new SummaryTable("frozen_base", rows, totals).showTrainable(true).terminalColumns(80);
        assertEquals(expected("keras3_trainable.txt"), t.render());
    }

    @Test
    void nestedRowsArePrefixedPerDepth() throws IOException {
        List<Row> rows = List.of(
                Row.of("input_layer (InputLayer)", "(None, 28, 28, 1)", 0),
                Row.of("encoder (Functional)", "(None, 16)", 18672).withConnectedTo("input_layer[0][0]").withTrainable(true),
                Row.of("encoder_input (InputLayer)", "(None, 28, 28, 1)", 0).withDepth(1),
                Row.of("conv2d (Conv2D)", "(None, 26, 26, 16)", 160).withConnectedTo("encoder_input[0][0]").withTrainable(true).withDepth(1),
                Row.of("block (Sequential)", "(None, 16)", 18512).withConnectedTo("conv2d[0][0]").withTrainable(true).withDepth(1),
                Row.of("dense_inside_a_nested_block (Dense)", "(None, 16)", 18512).withTrainable(true).withDepth(2),
                Row.of("head (Dense)", "(None, 10)", 170).withConnectedTo("encoder[0][0]").withTrainable(false));
        SummaryTable t = new SummaryTable("outer", rows, Totals.of(18672, 170))
                .sequentialLike(false).showTrainable(true).terminalColumns(80);
        assertEquals(expected("keras3_nested.txt"), t.render());
    }

    @Test
    void wideTerminalUsesKerasDefaultLength() throws IOException {
        List<Row> rows = List.of(
                Row.of("input_a (InputLayer)", "(None, 128)", 0),
                Row.of("input_b (InputLayer)", "(None, 128)", 0),
                Row.of("concatenate (Concatenate)", "(None, 256)", 0).withConnectedTo("input_a[0][0]", "input_b[0][0]"),
                Row.of("dense (Dense)", SummaryTable.formatShape(-1, 1000000), 257000000L).withConnectedTo("concatenate[0][0]"));
        SummaryTable t = new SummaryTable("wide", rows, Totals.of(257000000L, 0)).sequentialLike(false).terminalColumns(120);
        assertEquals(expected("keras3_wide.txt"), t.render());
    }

    @Test
    void linesWiderThanTheConsoleAreCroppedAndLongNamesFold() throws IOException {
        String name = "a_model_with_an_extremely_long_name_that_does_not_fit_on_one_line_of_an_eighty_column_console";
        SummaryTable t = new SummaryTable(name, List.of(Row.of("dense (Dense)", "(None, 10)", 110)), Totals.of(110, 0))
                .lineLength(100).terminalColumns(80);
        assertEquals(expected("keras3_cropped.txt"), t.render());
    }

    @Test
    void emptyModel() throws IOException {
        SummaryTable t = new SummaryTable("empty", List.of(), Totals.of(0, 0)).terminalColumns(80);
        assertEquals(expected("keras3_empty.txt"), t.render());
    }

    @Test
    void printWritesTheRenderedText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable t = new SummaryTable("sequential", mnistRows(true), Totals.of(34826, 0)).terminalColumns(80);
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(t.render(), bytes.toString(StandardCharsets.UTF_8));
        assertEquals(t.render(), t.toString());
    }

    @Test
    void tooNarrowIsKerasError() {
        SummaryTable t = new SummaryTable("m", List.of(), Totals.of(0, 0)).lineLength(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, t::render);
        assertEquals("Insufficient console width to print summary.", e.getMessage());
    }

    @Test
    void memorySizes() {
        assertEquals("0.00 B", SummaryTable.readableMemorySize(0));
        assertEquals("512.00 B", SummaryTable.readableMemorySize(512));
        assertEquals("1023.00 B", SummaryTable.readableMemorySize(1023));
        assertEquals("1.00 KB", SummaryTable.readableMemorySize(1024));
        assertEquals("136.04 KB", SummaryTable.readableMemorySize(34826 * 4));
        assertEquals("872.04 KB", SummaryTable.readableMemorySize(223242 * 4));
        assertEquals("980.38 MB", SummaryTable.readableMemorySize(1028000000));
        assertEquals("1.50 GB", SummaryTable.readableMemorySize(1.5 * 1024 * 1024 * 1024));
        // Python rounds the binary value half to even: 0.125 -> 0.12, 1.005 (really 1.00499...) -> 1.00.
        assertEquals("0.12 B", SummaryTable.readableMemorySize(0.125));
        assertEquals("1.00 B", SummaryTable.readableMemorySize(1.005));
        // Keras divides once more after its last unit.
        assertEquals("1.00 PB", SummaryTable.readableMemorySize(Math.pow(1024, 5)));
        assertEquals("1.00 PB", SummaryTable.readableMemorySize(Math.pow(1024, 6)));
        assertEquals("0.00 Byte", SummaryTable.readableMemorySizeTfKeras(0));
        assertEquals("136.04 KB", SummaryTable.readableMemorySizeTfKeras(34826 * 4));
    }

    @Test
    void shapes() {
        assertEquals("(None, 26, 26, 32)", SummaryTable.formatShape(-1, 26, 26, 32));
        assertEquals("(None, 1600)", SummaryTable.formatShape(-1, 1600));
        assertEquals("()", SummaryTable.formatShape());
        assertEquals("(None)", SummaryTable.formatShape(-1));
        assertEquals("[(None, 3), (None, 4)]", SummaryTable.formatShapes(List.of(new int[] {-1, 3}, new int[] {-1, 4})));
        assertEquals("(None,)", SummaryTable.formatShapeClassic(-1));
        assertEquals("(None, 10)", SummaryTable.formatShapeClassic(-1, 10));
        assertEquals("()", SummaryTable.formatShapeClassic());
        assertEquals("[(None, 784)]", SummaryTable.formatShapesClassic(List.of(new int[] {-1, 784})));
        assertEquals("dense (Dense)", SummaryTable.layerAndType("dense", "Dense"));
    }

    @Test
    void rowValidation() {
        assertThrows(NullPointerException.class, () -> Row.of(null, "()", 0));
        assertThrows(IllegalArgumentException.class, () -> Row.of("a (A)", "()", 0).withDepth(-1));
        Row r = Row.of("a (A)", "()", 3).withConnectedTo("x[0][0]").withTrainable(false).withDepth(2);
        assertEquals(List.of("x[0][0]"), r.connectedTo());
        assertEquals(2, r.depth());
        assertTrue(r.built());
        assertEquals(0, Totals.of(0, 0).withOptimizer(5, 20).nonTrainable());
        assertEquals(5, Totals.of(0, 0).withOptimizer(5, 20).total());
    }

    @Test
    void terminalColumnsDefaultsToEighty() {
        String env = System.getenv("COLUMNS");
        int expectedColumns = 80;
        if (env != null && env.trim().matches("[0-9]+") && Integer.parseInt(env.trim()) > 0) expectedColumns = Integer.parseInt(env.trim());
        assertEquals(expectedColumns, SummaryTable.terminalColumns());
    }
}
