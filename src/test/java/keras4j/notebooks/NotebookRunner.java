package keras4j.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import keras4j.display.NotebookBridge;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Runs a Jupyter notebook's Java code cells the way the JJava/IJava kernels do, without a kernel: every
 * cell's snippets go through the JDK's {@code jdk.jshell} API (local execution, in this JVM, on this
 * class path), and the value of a cell ending in an expression is rendered through JJava's real
 * {@code Renderer} with keras4j's bridge installed. {@code %maven}/{@code %jars}/{@code %classpath}
 * lines are class-path directives: keras4j is already on the class path, so they are skipped.
 *
 * <p>{@code main} rewrites the notebooks' stored outputs:
 * {@code mvn -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.mainClass=keras4j.notebooks.NotebookRunner}.
 */
public final class NotebookRunner implements AutoCloseable {
    /** The imports both kernels start with (jshell's DEFAULT startup). */
    static final List<String> KERNEL_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
            "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.regex.*", "java.util.stream.*");
    static final String[] MIME_TYPES = {"text/html", "image/png", "image/svg+xml", "text/plain"};

    /** Where the cell's value is handed from the jshell snippet to the runner (same class loader). */
    public static volatile Object lastValue;

    /** One executed cell: its printed output and its rendered value (MIME type to data), if any. */
    public record CellResult(int index, String source, String stdout, Map<String, String> bundle) {}

    private final JShell shell;
    private final Renderer renderer = new Renderer();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public NotebookRunner() {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(classPath());
        NotebookBridge.install(renderer);
        for (String p : KERNEL_IMPORTS) eval("import " + p + ";", -1);
    }

    /** The test class path; under surefire the JVM's own may be a manifest-only jar. */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Runs every code cell in order; throws {@link AssertionError} naming the cell on any failure. */
    public List<CellResult> run(JsonNode notebook) {
        List<CellResult> results = new ArrayList<>();
        int index = 0;
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) results.add(runCell(index, source(cell)));
            index++;
        }
        return results;
    }

    static String source(JsonNode cell) {
        JsonNode src = cell.get("source");
        if (src.isArray()) {
            StringBuilder b = new StringBuilder();
            src.forEach(line -> b.append(line.asText()));
            return b.toString();
        }
        return src.asText();
    }

    CellResult runCell(int index, String source) {
        String code = source.lines().filter(l -> !isDirective(l)).collect(Collectors.joining("\n"));
        PrintStream oldOut = System.out;
        captured.reset();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(out);
        Map<String, String> bundle = Map.of();
        try {
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = code;
            Snippet last = null;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (!info.completeness().isComplete()) {
                    throw new AssertionError("cell " + index + ": incomplete code: " + remaining.strip());
                }
                last = eval(info.source(), index);
                remaining = info.remaining();
            }
            if (last != null && isValue(last)) {
                lastValue = null;
                // By name ($7 or the variable): evaluating the expression again would repeat its effects.
                String name = last instanceof VarSnippet v ? v.name() : ((ExpressionSnippet) last).name();
                eval("keras4j.notebooks.NotebookRunner.lastValue = " + name + ";", index);
                bundle = render(lastValue);
            }
        } finally {
            out.flush();
            System.setOut(oldOut);
        }
        return new CellResult(index, source, captured.toString(StandardCharsets.UTF_8), bundle);
    }

    static boolean isDirective(String line) {
        String l = line.strip();
        return l.startsWith("%maven") || l.startsWith("%jars") || l.startsWith("%classpath") || l.startsWith("%%loadFromPOM");
    }

    /** An expression (or a variable alone): what the kernel would show as the cell's result. */
    private static boolean isValue(Snippet s) {
        if (s.kind() == Snippet.Kind.EXPRESSION) return true;
        return s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private Snippet eval(String snippet, int cell) {
        List<SnippetEvent> events = shell.eval(snippet);
        Snippet result = null;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue;
            result = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                throw new AssertionError("cell " + cell + ": does not compile: " + snippet.strip() + "\n  " + diags);
            }
            if (e.exception() != null) {
                Throwable t = e.exception();
                String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                AssertionError err = new AssertionError("cell " + cell + ": " + name + ": " + t.getMessage() + "\n  in: " + snippet.strip());
                err.setStackTrace(t.getStackTrace());
                throw err;
            }
        }
        for (SnippetEvent e : events) {
            if (e.snippet() != null && shell.diagnostics(e.snippet()).anyMatch(Diag::isError)) {
                throw new AssertionError("cell " + cell + ": compile error in " + snippet.strip());
            }
        }
        if (result instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) return v;
        return result;
    }

    /** The bundle a kernel would publish for the value (JJava's Renderer with keras4j's bridge). */
    Map<String, String> render(Object value) {
        if (value == null) return Map.of("text/plain", "null");
        DisplayData d = renderer.render(value);
        Map<String, String> bundle = new LinkedHashMap<>();
        for (String mime : MIME_TYPES) {
            Object data = d.getData(MIMEType.parse(mime));
            if (data != null) bundle.put(mime, data.toString());
        }
        return bundle;
    }

    @Override
    public void close() {
        shell.close();
    }

    // ------------------------------------------------------------------ files

    static final Path DIR = Path.of("notebooks");

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Stores the results as the notebook's outputs, as Jupyter writes them. */
    static void writeOutputs(ObjectNode notebook, List<CellResult> results) {
        ObjectMapper json = new ObjectMapper();
        int count = 0;
        Map<Integer, CellResult> byIndex = new LinkedHashMap<>();
        for (CellResult r : results) byIndex.put(r.index(), r);
        ArrayNode cells = (ArrayNode) notebook.get("cells");
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = (ObjectNode) cells.get(i);
            CellResult r = byIndex.get(i);
            if (r == null) continue;
            count++;
            cell.put("execution_count", count);
            ArrayNode outputs = json.createArrayNode();
            if (!r.stdout().isEmpty()) {
                ObjectNode stream = outputs.addObject();
                stream.put("name", "stdout");
                stream.put("output_type", "stream");
                stream.set("text", lines(json, r.stdout()));
            }
            if (!r.bundle().isEmpty()) {
                ObjectNode result = outputs.addObject();
                ObjectNode data = result.putObject("data");
                r.bundle().forEach((mime, value) -> {
                    if (mime.startsWith("image/png")) data.put(mime, value);
                    else data.set(mime, lines(json, value));
                });
                result.put("execution_count", count);
                result.putObject("metadata");
                result.put("output_type", "execute_result");
            }
            cell.set("outputs", outputs);
        }
    }

    private static ArrayNode lines(ObjectMapper json, String text) {
        ArrayNode a = json.createArrayNode();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                a.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) a.add(text.substring(start));
        return a;
    }

    /** Re-executes every notebook and rewrites its stored outputs (run from the project directory). */
    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files = args.length > 0 ? Stream.of(args).map(Path::of).toList() : notebooks();
        for (Path file : files) {
            ObjectNode notebook = (ObjectNode) json.readTree(file.toFile());
            List<CellResult> results;
            try (NotebookRunner runner = new NotebookRunner()) {
                results = runner.run(notebook);
            }
            writeOutputs(notebook, results);
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(notebook).replace("\r\n", "\n");
            Files.writeString(file, text + "\n");
            System.out.println("wrote " + file + " (" + results.size() + " code cells)");
        }
    }
}
