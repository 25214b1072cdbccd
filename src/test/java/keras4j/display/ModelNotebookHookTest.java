package keras4j.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;
import keras4j.models.NotebookHook;
import org.junit.jupiter.api.Test;

class ModelNotebookHookTest {
    @Test
    void modelsWakeTheDisplayLayerThroughServiceLoaderWithoutImportingIt() {
        long providers = ServiceLoader.load(NotebookHook.class).stream().filter(p -> p.type() == ModelNotebookHook.class).count();
        assertEquals(1, providers, "META-INF/services/keras4j.models.NotebookHook lists the display hook");
        // Without a running kernel the hook is a harmless no-op, and waking twice runs it once.
        NotebookHook.wake();
        NotebookHook.wake();
        new ModelNotebookHook().enable();
    }
}
