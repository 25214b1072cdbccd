package keras4j.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import keras4j.layers.Dense;
import keras4j.models.Models;
import keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

/**
 * A plain program that saves and loads a {@code .keras} file (jhdf, which logs through SLF4J) on keras4j's runtime
 * class path alone, with no logging provider, prints nothing on stderr: no "SLF4J: ..." lines. Runs in a child JVM
 * whose class path is Maven's runtime list ({@code target/runtime-dependencies.txt}) plus this class.
 */
class QuietLoggingTest {

    /** The child program: build, save, load, print the loaded model's name. */
    public static void main(String[] args) {
        Sequential model = new Sequential(new Dense(2).inputShape(3));
        Path file = Path.of(args[0]);
        model.save(file);
        System.out.println("loaded " + Models.load(file).layers().size());
    }

    @Test
    void savingAndLoadingPrintsNoSlf4jNoticesWithoutAProvider() throws Exception {
        Path dir = Files.createTempDirectory("quiet-slf4j");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", runtimeClassPath(), QuietLoggingTest.class.getName(), dir.resolve("m.keras").toString()))
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "child failed:\n" + out + err);
        assertTrue(out.contains("loaded 1"), out);
        assertFalse(err.contains("SLF4J"), () -> "SLF4J noise on stderr:\n" + err);
        assertEquals("", err.strip());
    }

    private static String runtimeClassPath() throws IOException {
        List<String> cp = new ArrayList<>();
        cp.add(Path.of("target/classes").toAbsolutePath().toString());
        cp.add(Path.of("target/test-classes").toAbsolutePath().toString());
        cp.addAll(RuntimeDependencies.read().jars());
        return String.join(File.pathSeparator, cp);
    }
}
