package keras4j.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md compiles against keras4j as it is: the blocks run in order in one JShell
 * (as a reader pastes them into {@code java -jar keras4j-all.jar}), after the startup imports of that shell, the Spark
 * ML imports the cluster section assumes, and declarations of the data the README leaves to the reader
 * ({@code x, y, xTest, yTest, t}: tensors; {@code df}: a DataFrame), all null. A snippet that does not compile (an
 * API that does not exist, a wrong argument type) fails the test with the compiler's message; a snippet that
 * compiles may throw when it runs on the null data, which is not what this test checks.
 */
class ReadmeSnippetsTest {

    private static final List<String> PREAMBLE = List.of(
            "import java.util.*;",
            "import org.apache.spark.ml.Pipeline;",
            "import org.apache.spark.ml.PipelineModel;",
            "import org.apache.spark.ml.PipelineStage;",
            "import org.apache.spark.ml.feature.StringIndexer;",
            "import org.apache.spark.ml.feature.VectorAssembler;",
            "import org.apache.spark.sql.Row;",
            "import keras4j.spark.*;",
            "keras4j.tensor.Tensor x = null, y = null, xTest = null, yTest = null, t = null;",
            "org.apache.spark.sql.Dataset<Row> df = null;");

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        assertTrue(blocks.size() >= 3, "README.md has " + blocks.size() + " java blocks");
        List<String> errors = new ArrayList<>();
        // The snippets run (JShell has no compile-only mode): files they save in the working directory are removed.
        java.util.Set<Path> before;
        try (var files = Files.list(Path.of(""))) {
            before = files.collect(Collectors.toSet());
        }
        try (JShell shell = newShell()) {
            String startup = new String(ReadmeSnippetsTest.class.getResourceAsStream("/keras4j/jshell/keras4j.jsh").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : startup.split("\\R")) if (line.startsWith("import ")) run(shell, line, "startup", errors);
            for (String line : PREAMBLE) run(shell, line, "preamble", errors);
            assertEquals(List.of(), errors, "the preamble must compile");
            for (int b = 0; b < blocks.size(); b++) {
                String rest = blocks.get(b);
                while (!rest.isBlank()) {
                    SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                    if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
                    run(shell, info.source() != null ? info.source() : rest, "block " + (b + 1), errors);
                    rest = info.remaining();
                }
            }
        } finally {
            try (var files = Files.list(Path.of(""))) {
                for (Path p : files.collect(Collectors.toList())) if (!before.contains(p) && Files.isRegularFile(p)) Files.delete(p);
            }
        }
        assertEquals(List.of(), errors, "README java blocks that do not compile");
    }

    /** Inline code that constructs something ({@code `new Dense(64).activation("relu")`}) compiles as an expression too. */
    @Test
    void everyInlineConstructorExpressionCompiles() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("`(new [A-Z][A-Za-z0-9]*\\([^`]*\\))`").matcher(readme);
        List<String> errors = new ArrayList<>();
        int count = 0;
        try (JShell shell = newShell()) {
            for (String p : List.of("keras4j.layers.*", "keras4j.models.*", "keras4j.optimizers.*", "keras4j.callbacks.*",
                    "keras4j.initializers.*", "keras4j.display.*", "keras4j.losses.*", "keras4j.metrics.*")) run(shell, "import " + p + ";", "imports", errors);
            while (m.find()) {
                count++;
                run(shell, "Object o" + count + " = " + m.group(1) + ";", "inline", errors);
            }
        }
        assertTrue(count >= 3, "found " + count + " inline constructor expressions");
        assertEquals(List.of(), errors, "README inline expressions that do not compile");
    }

    /** A JShell running snippets in this JVM (local execution) on the test class path, its output discarded. */
    private static JShell newShell() {
        java.io.PrintStream nowhere = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        JShell shell = JShell.builder().executionEngine("local").out(nowhere).err(nowhere).build();
        String cp = System.getProperty("surefire.test.class.path");
        shell.addToClasspath(cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"));
        return shell;
    }

    private static void run(JShell shell, String source, String where, List<String> errors) {
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).map(d -> d.replace('\n', ' ')).collect(Collectors.joining("; "));
                errors.add(where + ": " + e.snippet().source().strip() + " -> " + diags);
            }
        }
    }
}
