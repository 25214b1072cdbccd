package keras4j.display;

import keras4j.models.NotebookHook;

/** Registers keras4j's renderers with the running kernel (IJava or JJava) when the first model is created. */
public final class ModelNotebookHook implements NotebookHook {
    @Override
    public void enable() {
        NotebookBridge.enable();
    }
}
