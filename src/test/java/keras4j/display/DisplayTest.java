package keras4j.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import keras4j.callbacks.History;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.models.SummaryStyle;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tech.tablesaw.api.Table;

class DisplayTest {

    @Test
    void summaryHtmlHasTheTextSummarysRowsAndTotals() {
        Sequential model = Models.mlp();
        Html html = Display.summaryHtml(model);
        String h = html.toHtml();
        assertTrue(h.contains("<th>Layer (type)</th><th>Output Shape</th><th>Param #</th>"), h);
        assertFalse(h.contains("Connected to"));
        assertTrue(h.contains("dense (Dense)") || h.contains("(Dense)"), h);
        assertTrue(h.contains("(None, 8)") && h.contains("(None, 3)"), h);
        assertTrue(h.contains(">40<") && h.contains(">27<"), h);
        assertTrue(h.contains("Total params: 67 (268.00 B)"), h);
        assertTrue(h.contains("Trainable params: 67 (268.00 B)"), h);
        assertTrue(h.contains("Non-trainable params: 0 (0.00 B)"), h);
        assertEquals(model.summaryString(SummaryStyle.KERAS3), html.toString());
    }

    @Test
    void functionalSummaryHtmlHasConnectedTo() {
        String h = Display.summaryHtml(Models.twoTowers()).toHtml();
        assertTrue(h.contains("<th>Connected to</th>"), h);
        assertTrue(h.contains("left (InputLayer)") && h.contains("concat (Concatenate)"), h);
        assertTrue(h.contains("shared[0][0], shared[1][0]"), h);
    }

    @Test
    void summaryHtmlEscapesNames() {
        Sequential model = new Sequential("a<b>&\"c\"");
        model.add(new keras4j.layers.Dense(2).inputShape(2));
        String h = Display.summaryHtml(model).toHtml();
        assertTrue(h.contains("a&lt;b&gt;&amp;&quot;c&quot;"), h);
        assertFalse(h.contains("a<b>"));
    }

    @Test
    void shapeTableOfSequential() {
        Table t = Display.shapeTable(Models.mlp());
        assertEquals(List.of("layer", "type", "input shape", "output shape", "params", "trainable", "connected to"), t.columnNames());
        assertEquals(2, t.rowCount());
        assertEquals("Dense", t.stringColumn("type").get(0));
        assertEquals("(None, 4)", t.stringColumn("input shape").get(0));
        assertEquals("(None, 8)", t.stringColumn("output shape").get(0));
        assertEquals("(None, 8)", t.stringColumn("input shape").get(1));
        assertEquals("(None, 3)", t.stringColumn("output shape").get(1));
        assertEquals(40L, t.longColumn("params").get(0));
        assertEquals(27L, t.longColumn("params").get(1));
        assertTrue(t.booleanColumn("trainable").get(0));
        assertEquals(t.stringColumn("layer").get(0), t.stringColumn("connected to").get(1));
    }

    @Test
    void shapeTableOfFunctionalWithSharedLayer() {
        Table t = Display.shapeTable(Models.twoTowers());
        List<String> layers = t.stringColumn("layer").asList();
        assertEquals(List.of("left", "right", "shared", "concat", "out"), layers);
        int shared = layers.indexOf("shared");
        assertEquals("(None, 4); (None, 4)", t.stringColumn("input shape").get(shared));
        assertEquals("(None, 5); (None, 5)", t.stringColumn("output shape").get(shared));
        assertEquals("left, right", t.stringColumn("connected to").get(shared));
        int concat = layers.indexOf("concat");
        assertEquals("[(None, 5), (None, 5)]", t.stringColumn("input shape").get(concat));
        assertEquals("(None, 10)", t.stringColumn("output shape").get(concat));
        assertEquals("shared", t.stringColumn("connected to").get(concat));
        assertEquals(25L, t.longColumn("params").get(shared));
        assertEquals("(None, 4)", t.stringColumn("input shape").get(0));
    }

    @Test
    void trainingCurvesHaveOnePanelPerMetricWithValidation() throws IOException {
        History h = Models.history(3);
        TrainingCurves curves = Display.trainingCurves(h);
        assertEquals(List.of("loss", "accuracy"), curves.metrics());
        assertEquals(2, curves.charts().size());
        assertEquals(2, curves.charts().get(0).getSeriesMap().size(), "train and validation");
        assertTrue(curves.charts().get(0).getSeriesMap().containsKey("validation"));
        byte[] png = curves.toPng();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(960, img.getWidth());
        assertEquals(340, img.getHeight());
        assertNotBlank(img);
    }

    @Test
    void trainingCurvesSvgIsWellFormed() throws Exception {
        String svg = Display.trainingCurves(Models.history(2)).toSvg();
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals("960", doc.getDocumentElement().getAttribute("width"));
        assertEquals(2, doc.getDocumentElement().getElementsByTagName("svg").getLength());
    }

    @Test
    void trainingCurvesOfHistoryWithoutValidation() {
        History h = new History();
        h.onEpochEnd(0, java.util.Map.of("loss", 1.0));
        h.onEpochEnd(1, java.util.Map.of("loss", 0.5));
        TrainingCurves c = Display.trainingCurves(h);
        assertEquals(List.of("loss"), c.metrics());
        assertEquals(1, c.charts().get(0).getSeriesMap().size());
        assertTrue(c.toPng().length > 100);
        assertTrue(Display.trainingCurves(new History()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Display.trainingCurves(h, 10, 10));
    }

    @Test
    void plotModelDrawsEveryLayerAndEdge() throws Exception {
        Model m = Models.twoTowers();
        Svg svg = Display.plotModel(m);
        Document doc = parse(svg.toSvg());
        assertEquals(5, doc.getElementsByTagName("rect").getLength() - 1, "one box per layer plus the background");
        assertEquals(4, doc.getElementsByTagName("line").getLength(), "left->shared, right->shared, shared->concat (both calls), concat->out");
        assertTrue(svg.toSvg().contains("concat (Concatenate)"));
        assertTrue(svg.toSvg().contains("out: (None, 10)"));
        assertTrue(svg.toString().contains("out (Dense) (None, 10) -> (None, 2)"), svg.toString());
    }

    @Test
    void plotModelOfSequentialIsAChain() throws Exception {
        Document doc = parse(Display.plotModel(Models.mlp()).toSvg());
        assertEquals(2, doc.getElementsByTagName("line").getLength() + 1);
    }

    @Test
    void tensorHtmlIsAHeatmapFor2d() {
        Html h = Display.tensor(Tensor.of(new float[][] {{0, 1}, {2, 3}}));
        assertTrue(h.toHtml().contains("shape=(2, 2)"), h.toHtml());
        assertEquals(4, count(h.toHtml(), "<td style=\"background:rgb("));
        assertTrue(h.toHtml().contains("rgb(247,251,255)"), "the smallest value is white");
        assertTrue(h.toHtml().contains("rgb(8,48,107)"), "the largest value is dark blue");
        Html big = Display.tensor(Tensor.zeros(100, 3));
        assertTrue(big.toHtml().contains("60 more rows"));
        assertTrue(Display.tensor(Tensor.zeros(2, 5, 6)).toHtml().contains("more)"));
    }

    @Test
    void confusionMatrixCountsPairs() {
        Tensor yTrue = Tensor.vector(0, 1, 1, 2);
        Tensor scores = Tensor.of(new float[][] {{0.9f, 0.1f, 0}, {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0, 0, 1}});
        Html cm = Display.confusionMatrix(yTrue, scores, List.of("a", "b", "c"));
        assertTrue(cm.toHtml().contains("accuracy 0.7500"), cm.toHtml());
        assertTrue(cm.toString().contains("     1     0     0\n     1     1     0\n     0     0     1"), cm.toString());
        assertThrows(IllegalArgumentException.class, () -> Display.confusionMatrix(yTrue, Tensor.zeros(3), null));
    }

    @Test
    void imageGridDrawsEveryImage() throws IOException {
        Tensor images = Tensor.zeros(5, 8, 8);
        Internal.array(images)[0] = 16;
        ImageGrid grid = Display.imageGrid(images, 3, 4, List.of("0", "1", "2", "3", "4"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(grid.toPng()));
        assertEquals(4 + 3 * (32 + 4), img.getWidth());
        assertEquals(4 + 2 * (32 + 4 + 16), img.getHeight());
        assertEquals(0x000000, img.getRGB(4, 4) & 0xffffff, "the bright pixel is dark ink");
        assertThrows(IllegalArgumentException.class, () -> Display.imageGrid(Tensor.zeros(2, 3), 1, 1, null));
    }

    @Test
    void tensorValuesArePrintedCompactly() {
        assertEquals("0", TensorHtml.fmt(0f));
        assertEquals("10", TensorHtml.fmt(10f));
        assertEquals("0.1235", TensorHtml.fmt(0.12345f));
        assertEquals("-2.5", TensorHtml.fmt(-2.5f));
        assertEquals("1.5e+06", TensorHtml.fmt(1.5e6f));
        assertEquals("NaN", TensorHtml.fmt(Float.NaN));
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    static void assertNotBlank(BufferedImage img) {
        int first = img.getRGB(0, 0);
        int different = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) if (img.getRGB(x, y) != first) different++;
        }
        assertTrue(different > 200, "the picture has lines and text, not one colour: " + different);
    }
}
