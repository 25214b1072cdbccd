package keras4j.models;

import java.util.ServiceLoader;

/**
 * A hook that lets the notebook layer ({@code keras4j.display}) render models and histories in kernels without an
 * extension mechanism (IJava): when the first model is created, every provider of this interface listed in
 * {@code META-INF/services/keras4j.models.NotebookHook} is asked to enable itself. Models never import the display
 * layer; a failing provider is ignored, so nothing here can break a model.
 */
public interface NotebookHook {
    /** Called once per JVM when the first model is created. Must not throw. */
    void enable();

    /** Runs every provider once. */
    static void wake() {
        Holder.WOKEN.hashCode();
    }

    /** Lazily runs the providers exactly once (class initialisation is thread-safe). */
    final class Holder {
        private Holder() {}

        static final Object WOKEN = run();

        private static Object run() {
            try {
                for (NotebookHook hook : ServiceLoader.load(NotebookHook.class, NotebookHook.class.getClassLoader())) {
                    try {
                        hook.enable();
                    } catch (Throwable ignored) {
                        // A display problem must never break model code.
                    }
                }
            } catch (Throwable ignored) {
                // Same: a broken service file is not the model's concern.
            }
            return Boolean.TRUE;
        }
    }
}
