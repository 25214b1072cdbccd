package keras4j.callbacks;

import java.util.HashSet;
import java.util.Set;

/**
 * Where callbacks talk: {@link #print} is Keras's {@code io_utils.print_msg} (a line on standard output, read at
 * call time so a notebook's redirection applies), and an instance is a per-callback {@code warnings.warn} that,
 * like Python's default filter, shows each distinct message once.
 */
final class Messages {
    private final Set<String> shown = new HashSet<>();

    /** Writes {@code message} and a newline to {@code System.out}, as Keras's {@code print_msg}. */
    static void print(String message) {
        System.out.print(message + "\n");
        System.out.flush();
    }

    /** Python's {@code warnings.warn(message)}: {@code UserWarning: message} on standard error, once per message. */
    void warn(String message) {
        if (shown.add(message)) {
            System.err.print("UserWarning: " + message + "\n");
            System.err.flush();
        }
    }
}
