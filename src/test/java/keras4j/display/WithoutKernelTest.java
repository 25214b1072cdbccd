package keras4j.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.junit.jupiter.api.Test;

/** keras4j's display layer must load and work where no kernel classes exist (plain jshell, any JVM). */
class WithoutKernelTest {

    @Test
    void displayWorksOnAClassPathWithoutKernelJars() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.contains("jjava") || entry.contains("jupyter-jvm-basekernel") || entry.contains("test-classes")) continue;
            urls.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader plain = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.dflib.jjava.jupyter.kernel.display.Renderer", false, plain));
            Class<?> display = Class.forName("keras4j.display.Display", true, plain);
            assertEquals(false, display.getMethod("enable").invoke(null));
            Class<?> sequential = Class.forName("keras4j.models.Sequential", true, plain);
            Object model = sequential.getConstructor().newInstance();
            Class<?> dense = Class.forName("keras4j.layers.Dense", true, plain);
            Object layer = dense.getConstructor(int.class).newInstance(3);
            layer = dense.getMethod("inputShape", int[].class).invoke(layer, (Object) new int[] {2});
            sequential.getMethod("add", Class.forName("keras4j.layers.Layer", false, plain)).invoke(model, layer);
            Object html = display.getMethod("summaryHtml", Class.forName("keras4j.models.Model", false, plain)).invoke(null, model);
            String text = (String) html.getClass().getMethod("toHtml").invoke(html);
            assertTrue(text.contains("Total params: 9"), text);
            Object svg = display.getMethod("plotModel", Class.forName("keras4j.models.Model", false, plain)).invoke(null, model);
            assertTrue(((String) svg.getClass().getMethod("toSvg").invoke(svg)).startsWith("<svg"));
        }
    }

    @Test
    void theJJavaExtensionIsAServiceThatNeverThrows() {
        List<Extension> found = new ArrayList<>();
        ServiceLoader.load(Extension.class).forEach(found::add);
        assertEquals(1, found.size());
        assertTrue(found.get(0) instanceof JJavaExtension);
        // No kernel at all: the extension swallows the failure instead of breaking the %maven cell.
        found.get(0).install(null);
        assertFalse(NotebookBridge.enable());
    }
}
