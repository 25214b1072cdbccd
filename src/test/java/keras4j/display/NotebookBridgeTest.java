package keras4j.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import keras4j.callbacks.History;
import keras4j.models.Model;
import keras4j.models.SummaryStyle;
import org.junit.jupiter.api.Test;

/**
 * Renders keras4j values through both kernels' real {@code Renderer} classes (JJava 1.0-a6 and IJava's
 * basekernel 2.3.0, test scope) and checks the MIME bundles a notebook would receive.
 */
class NotebookBridgeTest {

    /** One kernel's renderer, seen through its own API: value to MIME type to data. */
    interface Kernel {
        Object renderer();

        Function<String, Object> render(Object value);
    }

    static Kernel jjava() {
        org.dflib.jjava.jupyter.kernel.display.Renderer r = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        return new Kernel() {
            public Object renderer() {
                return r;
            }

            public Function<String, Object> render(Object value) {
                org.dflib.jjava.jupyter.kernel.display.DisplayData d = r.render(value);
                return mime -> d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(mime));
            }
        };
    }

    static Kernel ijava() {
        io.github.spencerpark.jupyter.kernel.display.Renderer r = new io.github.spencerpark.jupyter.kernel.display.Renderer();
        return new Kernel() {
            public Object renderer() {
                return r;
            }

            public Function<String, Object> render(Object value) {
                io.github.spencerpark.jupyter.kernel.display.DisplayData d = r.render(value);
                return mime -> d.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(mime));
            }
        };
    }

    static Kernel[] kernels() {
        return new Kernel[] {jjava(), ijava()};
    }

    @Test
    void withoutAKernelNothingHappens() {
        assertNull(NotebookBridge.kernel());
        assertFalse(NotebookBridge.enable());
        assertFalse(Display.enable());
        assertFalse(NotebookBridge.install(null));
        assertFalse(NotebookBridge.install(new Object()), "not a renderer");
    }

    @Test
    void installIsIdempotent() {
        for (Kernel k : kernels()) {
            assertTrue(NotebookBridge.install(k.renderer()));
            assertTrue(NotebookBridge.install(k.renderer()));
            Function<String, Object> bundle = k.render(new Html("<b>x</b>", "x"));
            assertEquals("<b>x</b>", bundle.apply("text/html"));
        }
    }

    @Test
    void modelRendersAsHtmlSummaryAndTextSummary() {
        Model model = Models.twoTowers();
        for (Kernel k : kernels()) {
            NotebookBridge.install(k.renderer());
            Function<String, Object> bundle = k.render(model);
            String html = (String) bundle.apply("text/html");
            assertTrue(html.contains("<table class=\"k4j-summary\">") && html.contains("Total params:"), html);
            assertEquals(model.summaryString(SummaryStyle.KERAS3), bundle.apply("text/plain"));
        }
    }

    @Test
    void historyRendersAsPngCurves() {
        History history = Models.history(2);
        for (Kernel k : kernels()) {
            NotebookBridge.install(k.renderer());
            Function<String, Object> bundle = k.render(history);
            byte[] png = Base64.getDecoder().decode((String) bundle.apply("image/png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
            assertEquals("TrainingCurves[loss, accuracy]", bundle.apply("text/plain"));
        }
    }

    @Test
    void displayObjectsRenderTheirMimeTypes() {
        for (Kernel k : kernels()) {
            NotebookBridge.install(k.renderer());
            Svg plot = Display.plotModel(Models.mlp());
            Function<String, Object> svg = k.render(plot);
            assertEquals(plot.toSvg(), svg.apply("image/svg+xml"));
            assertEquals(plot.toString(), svg.apply("text/plain"));
            assertNull(svg.apply("text/html"));

            TrainingCurves curves = Display.trainingCurves(Models.history(1));
            Function<String, Object> both = k.render(curves);
            assertNull(both.apply("image/svg+xml"), "curves travel as PNG only: their SVG is ten times larger");
            assertTrue(Base64.getDecoder().decode((String) both.apply("image/png")).length > 1000);

            Html table = Display.summaryHtml(Models.mlp());
            Function<String, Object> html = k.render(table);
            assertEquals(table.toHtml(), html.apply("text/html"));
            assertEquals(table.toString(), html.apply("text/plain"));
        }
    }

    @Test
    void tablesawTablesRenderAsHtml() {
        tech.tablesaw.api.Table table = Display.shapeTable(Models.twoTowers());
        for (Kernel k : kernels()) {
            NotebookBridge.install(k.renderer());
            Function<String, Object> bundle = k.render(table);
            String html = (String) bundle.apply("text/html");
            assertTrue(html.contains("<th>input shape</th>") && html.contains("<td>(None, 4); (None, 4)</td>"), html);
            assertTrue(html.contains("<td class=\"num\">25</td>"), html);
            assertEquals(table.print(100), bundle.apply("text/plain"));
        }
    }

    @Test
    void otherValuesAreLeftToTheKernel() {
        for (Kernel k : kernels()) {
            NotebookBridge.install(k.renderer());
            Function<String, Object> bundle = k.render("plain string");
            assertEquals("plain string", bundle.apply("text/plain"));
            assertNull(bundle.apply("text/html"));
        }
    }

    @Test
    void mimeBundleOfUnknownValuesIsEmpty() {
        assertTrue(MimeBundles.of(42).isEmpty());
        assertFalse(MimeBundles.supports(42));
        Map<String, String> b = MimeBundles.of(new History());
        assertEquals(Map.of("text/plain", "History{}"), b);
    }
}
