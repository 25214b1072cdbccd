package keras4j.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code keras4j.Shell}, the main class of the {@code -all} jar ({@code java -jar}), started as a user would with
 * keras4j on its class path: JShell comes up with keras4j's imports and the Vector API, and no incubator warning.
 */
class ShellTest {

    @Test
    void startsJShellWithKerasImportsAndSimd() throws Exception {
        Path dir = Files.createTempDirectory("keras4j-shell");
        Path in = dir.resolve("in.jsh");
        Files.writeString(in, "new Dense(3).activation(\"relu\").name()\n"
                + "new Sequential(new Conv2D(4, 3).inputShape(8, 8, 1), new MaxPooling2D(2), new Flatten(), new Dense(2)).outputShape()\n"
                + "/exit\n");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "keras4j.Shell"))
                .redirectInput(in.toFile()).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the shell did not exit");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> out + err);
        assertTrue(out.contains("keras4j ready") && out.contains("SIMD on"), out);
        assertTrue(out.contains("\"dense"), out);
        assertTrue(out.contains("(None, 2)"), out);
        assertFalse(err.contains("incubator"), err);
        assertFalse(out.contains("cannot find symbol"), out);
    }
}
