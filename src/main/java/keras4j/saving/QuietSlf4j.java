package keras4j.saving;

import java.util.ServiceLoader;

/**
 * jhdf logs through SLF4J. When the application has no SLF4J provider (a notebook, jshell, a plain program with the
 * {@code -all} jar), slf4j-api prints three warning lines on stderr the first time a file is read. Before jhdf is
 * first used, this class checks for a provider (an SLF4J 2 {@code SLF4JServiceProvider} service or an SLF4J 1
 * {@code StaticLoggerBinder}); only when there is none, and the application has set neither property, does it
 * select slf4j-api's own no-operation provider ({@code slf4j.provider}) and keep slf4j's internal notices at warning
 * level ({@code slf4j.internal.verbosity}), which is what slf4j would have fallen back to, minus the noise. An
 * application with its own logging is left untouched.
 */
final class QuietSlf4j {
    private QuietSlf4j() {}

    static {
        try {
            ClassLoader loader = Class.forName("org.slf4j.LoggerFactory", false, QuietSlf4j.class.getClassLoader()).getClassLoader();
            boolean provider = ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class, loader).stream().findAny().isPresent()
                    || loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null;
            if (!provider && System.getProperty("slf4j.provider") == null) {
                System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
                if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        } catch (Throwable e) {
            // SLF4J 1 only (no SLF4JServiceProvider), or no SLF4J at all: leave logging as the application has it.
        }
    }

    /** Runs the check above once; called before jhdf is first touched. */
    static void ensure() {
        // the static initializer does the work
    }
}
