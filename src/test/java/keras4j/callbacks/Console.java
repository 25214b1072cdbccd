package keras4j.callbacks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what callbacks print on standard output and standard error while a test action runs. */
final class Console {
    final String out;
    final String err;

    private Console(String out, String err) {
        this.out = out;
        this.err = err;
    }

    static Console capture(Runnable action) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            action.run();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Console(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
