package keras4j.display;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import keras4j.callbacks.History;
import keras4j.models.Model;
import tech.tablesaw.api.Table;

/**
 * Teaches whichever Jupyter Java kernel is running (JJava or IJava) to show keras4j values richly: models
 * as their HTML summary, histories as training curves, Tablesaw tables as HTML tables, and anything implementing {@link HasHtml},
 * {@link HasPng} or {@link HasSvg}. Everything goes through reflection and a {@link Proxy} implementing
 * the kernel's {@code RenderFunction}, so this class loads in plain {@code jshell} and in any JVM, and no
 * keras4j class implements a kernel interface. Nothing here ever throws.
 *
 * <p>It is triggered by JJava's extension mechanism ({@link JJavaExtension}), by the static initialisers
 * of the display classes (IJava has no extension hook) and by an explicit {@link #enable()}.
 */
public final class NotebookBridge {
    private static final Set<Object> INSTALLED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final String[] MIME_TYPES = {MimeBundles.HTML, MimeBundles.PNG, MimeBundles.SVG, MimeBundles.TEXT};
    private static final Class<?>[] TYPES = {HasHtml.class, HasPng.class, HasSvg.class, Model.class, History.class, Table.class};

    private NotebookBridge() {}

    /**
     * Registers keras4j's renderers with the running kernel's renderer; {@code false} (and nothing
     * else) when no kernel is running, as in {@code jshell}. Calling it again is harmless.
     */
    public static boolean enable() {
        try {
            Object renderer = kernelRenderer();
            return renderer != null && install(renderer);
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Registers with one kernel {@code Renderer} (JJava's {@code org.dflib.jjava.jupyter.kernel.display.Renderer}
     * or IJava's {@code io.github.spencerpark.jupyter.kernel.display.Renderer}); {@code true} if it is
     * registered, now or before.
     */
    public static boolean install(Object renderer) {
        if (renderer == null) return false;
        synchronized (INSTALLED) {
            if (INSTALLED.contains(renderer)) return true;
            try {
                String pkg = renderer.getClass().getPackageName();
                ClassLoader loader = renderer.getClass().getClassLoader();
                Class<?> renderFunction = Class.forName(pkg + ".RenderFunction", false, loader);
                Object function = Proxy.newProxyInstance(loader, new Class<?>[] {renderFunction}, new RenderHandler());
                Method createRegistration = renderer.getClass().getMethod("createRegistration", Class.class);
                for (Class<?> type : TYPES) {
                    Object registration = createRegistration.invoke(renderer, type);
                    Method supporting = registration.getClass().getMethod("supporting", String[].class);
                    Method preferring = registration.getClass().getMethod("preferring", String[].class);
                    supporting.invoke(registration, (Object) MIME_TYPES);
                    preferring.invoke(registration, (Object) MIME_TYPES);
                    registration.getClass().getMethod("register", renderFunction).invoke(registration, function);
                }
                INSTALLED.add(renderer);
                return true;
            } catch (Throwable t) {
                return false;
            }
        }
    }

    /** The running kernel object (JJava's or IJava's {@code BaseKernel}), or {@code null}. */
    static Object kernel() {
        try {
            Class<?> jjava = load("org.dflib.jjava.jupyter.kernel.BaseKernel");
            if (jjava != null) {
                try {
                    Object k = jjava.getMethod("notebookKernel").invoke(null);
                    if (k != null) return k;
                } catch (Throwable none) {
                    // JJava's accessor throws when no kernel is running.
                }
            }
            Class<?> ijava = load("io.github.spencerpark.ijava.IJava");
            if (ijava != null) return ijava.getMethod("getKernelInstance").invoke(null);
        } catch (Throwable t) {
            return null;
        }
        return null;
    }

    static Object kernelRenderer() {
        Object kernel = kernel();
        if (kernel == null) return null;
        try {
            return kernel.getClass().getMethod("getRenderer").invoke(kernel);
        } catch (Throwable t) {
            return null;
        }
    }

    private static Class<?> load(String name) {
        for (ClassLoader cl : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), NotebookBridge.class.getClassLoader()}) {
            if (cl == null) continue;
            try {
                return Class.forName(name, false, cl);
            } catch (Throwable ignored) {
                // try the next loader
            }
        }
        return null;
    }

    /** Fills a kernel {@code DisplayData} with {@link MimeBundles#of}'s bundle. */
    static void fill(Object displayData, Map<String, String> bundle) throws ReflectiveOperationException {
        Method putData = displayData.getClass().getMethod("putData", String.class, Object.class);
        for (Map.Entry<String, String> e : bundle.entrySet()) putData.invoke(displayData, e.getKey(), e.getValue());
    }

    /** The {@code RenderFunction.render(value, context)} body. */
    private static final class RenderHandler implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "render" -> {
                    try {
                        Object context = args[1];
                        Object output = context.getClass().getMethod("getOutputContainer").invoke(context);
                        fill(output, MimeBundles.of(args[0]));
                    } catch (Throwable t) {
                        // A broken picture must not break the user's cell: the kernel still adds text/plain.
                    }
                    return null;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "keras4j.display.NotebookBridge$RenderFunction";
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
