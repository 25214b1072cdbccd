package keras4j.display;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * JJava's hook, run when keras4j's jar is added to a notebook ({@code %maven}, {@code %classpath}):
 * registers the renderers and imports keras4j's everyday packages. Listed in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}; only JJava ever loads this class.
 * It catches everything: a failing extension would break the user's {@code %maven} cell.
 */
public final class JJavaExtension implements Extension {
    static final String IMPORTS = String.join("\n",
            "import keras4j.layers.*;",
            "import keras4j.models.*;",
            "import keras4j.callbacks.*;",
            "import keras4j.data.*;",
            "import keras4j.tensor.Tensor;",
            "import keras4j.display.*;");

    @Override
    public void install(BaseKernel kernel) {
        try {
            NotebookBridge.install(kernel.getRenderer());
            kernel.eval(IMPORTS);
        } catch (Throwable t) {
            // Rich display is a convenience; the notebook works without it.
        }
    }
}
