package keras4j.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import keras4j.notebooks.NotebookRunner.CellResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every {@code notebooks/*.ipynb} code cell in order through {@code jdk.jshell}, renders each
 * cell's value through JJava's real {@code Renderer}, and checks the rich outputs readers rely on.
 */
class NotebookRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyNotebookRuns() throws IOException {
        List<Path> files = NotebookRunner.notebooks();
        assertTrue(files.size() >= 2, "notebooks/ holds the tutorials: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode nb = JSON.readTree(file.toFile());
            checkMetadata(nb);
            List<CellResult> results;
            try (NotebookRunner runner = new NotebookRunner()) {
                results = runner.run(nb);
            }
            assertFalse(results.isEmpty());
            checkExpectations(file, nb, results);
        }));
    }

    private static void checkMetadata(JsonNode nb) {
        JsonNode spec = nb.path("metadata").path("kernelspec");
        assertEquals("java", spec.path("name").asText());
        assertEquals("Java", spec.path("display_name").asText());
        assertEquals("java", spec.path("language").asText());
        assertEquals(4, nb.path("nbformat").asInt());
    }

    /**
     * Rich outputs the notebook must produce: an HTML model summary and PNG curves in every notebook,
     * an SVG plot in the functional one; stored outputs must carry the same kinds (the committed
     * notebook was rewritten after its last edit).
     */
    private static void checkExpectations(Path file, JsonNode nb, List<CellResult> results) {
        List<String> mimes = new ArrayList<>();
        for (CellResult r : results) mimes.addAll(r.bundle().keySet());
        boolean html = results.stream().anyMatch(r -> r.bundle().getOrDefault("text/html", "").contains("k4j-summary"));
        assertTrue(html, file + ": an HTML model summary");
        assertTrue(mimes.contains("image/png"), file + ": PNG training curves");
        if (file.getFileName().toString().contains("functional")) {
            assertTrue(mimes.contains("image/svg+xml"), file + ": the plotModel SVG");
        }
        int index = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                final int i = index;
                CellResult r = results.stream().filter(c -> c.index() == i).findFirst().orElseThrow();
                List<String> stored = new ArrayList<>();
                for (JsonNode out : cell.path("outputs")) out.path("data").fieldNames().forEachRemaining(stored::add);
                assertEquals(new ArrayList<>(r.bundle().keySet()), stored,
                        file + " cell " + i + ": stored outputs are stale; rerun the NotebookRunner main (see README)");
            }
            index++;
        }
    }

    @Test
    void failuresNameTheCell() {
        try (NotebookRunner runner = new NotebookRunner()) {
            AssertionError compile = assertThrows(AssertionError.class, () -> runner.runCell(3, "int x = \"no\";"));
            assertTrue(compile.getMessage().startsWith("cell 3: does not compile"), compile.getMessage());
            AssertionError thrown = assertThrows(AssertionError.class, () -> runner.runCell(4, "Object o = null;\no.hashCode();"));
            assertTrue(thrown.getMessage().contains("cell 4: java.lang.NullPointerException"), thrown.getMessage());
        }
    }

    @Test
    void cellsShareStateSkipDirectivesAndRenderTheirLastExpression() {
        try (NotebookRunner runner = new NotebookRunner()) {
            assertEquals("", runner.runCell(0, "%maven io.github.keras4j:keras4j:0.1.0-SNAPSHOT\nint n = 2;").stdout());
            CellResult r = runner.runCell(1, "System.out.println(\"hi\");\nList.of(n, n)");
            assertEquals("hi\n", r.stdout());
            assertEquals("[2, 2]", r.bundle().get("text/plain"));
            CellResult model = runner.runCell(2, "var m = new keras4j.models.Sequential();\n"
                    + "m.add(new keras4j.layers.Dense(2).inputShape(3));\nm");
            assertTrue(model.bundle().get("text/html").contains("k4j-summary"));
            assertTrue(runner.runCell(3, "int k = 1;").bundle().isEmpty(), "a declaration shows nothing");
            CellResult once = runner.runCell(4, "int[] c = {0};\nc[0]++");
            assertEquals("0", once.bundle().get("text/plain"));
            assertEquals("1", runner.runCell(5, "c[0]").bundle().get("text/plain"), "the value was not evaluated twice");
        }
    }
}
