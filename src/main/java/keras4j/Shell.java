package keras4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A ready JShell from the jar alone: {@code java -jar keras4j-VERSION-all.jar} starts JShell with every keras4j
 * import of the notebooks ({@code keras4j.layers.*}, {@code keras4j.models.*}, ...), the Vector API (the SIMD GEMM
 * and convolution kernels) and no incubator warning. Arguments are passed on to JShell (for example a script file).
 *
 * <p>How: the launcher JVM starts a second one, {@code java --add-modules jdk.incubator.vector}, with the same class
 * path, that runs JShell through the JDK's {@code jdk.jshell.tool} API with local execution (snippets run in that
 * JVM, which has the module) and keras4j's startup script ({@code keras4j/jshell/keras4j.jsh} in the jar) after
 * JShell's default one. The child's standard input and output are the terminal's; its standard error is copied
 * without the JDK's "Using incubator modules" line.
 */
public final class Shell {
    private Shell() {}

    private static final String INNER = "--keras4j-inner";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(INNER)) {
            runJShell(List.of(args).subList(1, args.length));
            return;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Shell.class.getName(), INNER));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        Thread errors = new Thread(() -> copyWithoutIncubatorWarning(child.getErrorStream(), System.err), "keras4j-shell-stderr");
        errors.setDaemon(true);
        errors.start();
        int code = child.waitFor();
        errors.join(1000);
        System.exit(code);
    }

    private static void copyWithoutIncubatorWarning(InputStream in, PrintStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("WARNING: Using incubator modules")) out.println(line);
            }
        } catch (IOException e) {
            // the child has gone: nothing more to copy
        }
    }

    private static void runJShell(List<String> userArgs) throws Exception {
        Path startup = Files.createTempFile("keras4j", ".jsh");
        startup.toFile().deleteOnExit();
        try (InputStream script = Shell.class.getResourceAsStream("/keras4j/jshell/keras4j.jsh")) {
            if (script == null) throw new IllegalStateException("keras4j/jshell/keras4j.jsh is missing from the class path");
            Files.copy(script, startup, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> options = new ArrayList<>(List.of("--execution", "local", "--class-path", System.getProperty("java.class.path"),
                "--startup", "DEFAULT", "--startup", startup.toString()));
        options.addAll(userArgs);
        jdk.jshell.tool.JavaShellToolBuilder.builder().start(options.toArray(new String[0]));
    }
}
