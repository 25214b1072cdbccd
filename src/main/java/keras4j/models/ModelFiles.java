package keras4j.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.layers.Layer;
import keras4j.layers.LayerOptions;
import keras4j.layers.Layers;
import keras4j.layers.InputLayer;
import keras4j.saving.H5Weights;
import keras4j.saving.KerasArchive;
import keras4j.saving.KerasFileException;
import keras4j.saving.LegacyH5;
import keras4j.saving.NamedTensor;
import keras4j.saving.WeightStore;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Connects models to the file formats of {@code keras4j.saving}: the Keras 3 {@code .keras} archive,
 * {@code .weights.h5}, and legacy Keras 2 {@code .h5} files. Variables are addressed the way Keras 3
 * addresses them: {@code layers/<snake_case class name, de-duplicated>/vars/<index>}.
 */
final class ModelFiles {
    private ModelFiles() {}

    /** The Keras version whose format and semantics keras4j writes. */
    static final String KERAS_VERSION = "3.16.0";

    static void save(Model model, Path path) {
        String file = path.getFileName().toString();
        if (!file.endsWith(".keras")) {
            throw new IllegalArgumentException("Invalid filepath extension for saving: " + path
                    + ". Please add a `.keras` extension for the native Keras format (use saveWeights with `.weights.h5` to save only the weights).");
        }
        Map<String, Object> config = model.serialize();
        if (model.compiled()) config.put("compile_config", model.trainer().compileConfig());
        WeightStore store = weightStore(model);
        KerasArchive.write(path, config, store, KERAS_VERSION);
    }

    static void saveWeights(Model model, Path path) {
        if (!path.getFileName().toString().endsWith(".weights.h5")) {
            throw new IllegalArgumentException("The filename must end in `.weights.h5`. Received: filepath=" + path);
        }
        H5Weights.write(weightStore(model), path);
    }

    static void loadWeights(Model model, Path path) {
        if (!Files.isRegularFile(path)) throw new KerasFileException(path, "no such file");
        String file = path.getFileName().toString();
        if (file.endsWith(".weights.h5")) {
            assign(model, H5Weights.read(path), path);
        } else if (file.endsWith(".keras")) {
            assign(model, KerasArchive.read(path).weights(), path);
        } else if (file.endsWith(".h5") || file.endsWith(".hdf5")) {
            assignLegacy(model, LegacyH5.read(path), path, false);
        } else {
            throw new IllegalArgumentException("Cannot load weights from " + path + ": expected a `.weights.h5`, `.keras` or legacy `.h5` file");
        }
    }

    /** Loads a whole model: {@code .keras} (Keras 3) or a legacy Keras 2 {@code .h5} with its model_config. */
    static Model load(Path path, boolean compile) {
        if (!Files.isRegularFile(path)) throw new KerasFileException(path, "no such file");
        String file = path.getFileName().toString();
        if (file.endsWith(".keras")) {
            KerasArchive.Contents contents = KerasArchive.read(path);
            Object version = contents.metadata().get("keras_version");
            Model model = LayerOptions.loadingKerasVersion(version instanceof String v ? v : null, () -> fromConfig(contents.config(), path));
            assign(model, contents.weights(), path);
            Object compileConfig = contents.config().get("compile_config");
            if (compile && compileConfig instanceof Map<?, ?> cc) Trainer.compileFromConfig(model, cast(cc));
            return model;
        }
        if (file.endsWith(".h5") || file.endsWith(".hdf5")) {
            LegacyH5.Contents contents = LegacyH5.read(path);
            if (contents.modelConfig() == null) {
                throw new KerasFileException(path, "this is a weights-only file (no model_config); build the model and call loadWeights instead");
            }
            Model model = LayerOptions.loadingKerasVersion(contents.kerasVersion(), () -> fromConfig(contents.modelConfig(), path));
            assignLegacy(model, contents, path, true);
            if (compile && contents.trainingConfig() != null) Trainer.compileFromLegacy(model, contents.trainingConfig());
            return model;
        }
        throw new IllegalArgumentException("Cannot load " + path + ": expected a `.keras` file or a legacy `.h5` file");
    }

    private static Model fromConfig(Map<String, Object> config, Path path) {
        Layer layer;
        try {
            // Keras <= 2.1 wrote a Sequential's "config" as a bare list of layers.
            layer = "Sequential".equals(config.get("class_name")) && config.get("config") instanceof List<?> bare
                    ? Sequential.fromConfig(bare) : Layers.deserialize(config);
        } catch (RuntimeException e) {
            throw new KerasFileException(path, "cannot rebuild the model from its config: " + e.getMessage(), e);
        }
        if (!(layer instanceof Model m)) throw new KerasFileException(path, "the config describes a " + layer.className() + ", not a model");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    // ------------------------------------------------------------------ Keras 3 paths

    static WeightStore weightStore(Model model) {
        WeightStore store = new WeightStore();
        Map<String, Variable> vars = new LinkedHashMap<>();
        walk(model.layers(), "layers", vars);
        vars.forEach((path, v) -> store.put(path, v.peek().copy()));
        if (model.compiled() && model.optimizer() != null && model.optimizer().built()) {
            List<Variable> ov = model.optimizer().variables();
            for (int i = 0; i < ov.size(); i++) store.put("optimizer/vars/" + i, ov.get(i).peek().copy());
        }
        return store;
    }

    /** Keras's {@code _save_container_state}: children are named by snake_case class name with _1, _2 … suffixes. */
    private static void walk(List<Layer> layers, String prefix, Map<String, Variable> out) {
        Map<String, Integer> used = new HashMap<>();
        for (Layer l : layers) {
            String name = Config.snakeCase(l.className());
            Integer n = used.get(name);
            used.put(name, n == null ? 0 : n + 1);
            if (n != null) name = name + "_" + (n + 1);
            String path = prefix + "/" + name;
            walkLayer(l, path, out);
        }
    }

    private static void walkLayer(Layer l, String path, Map<String, Variable> out) {
        if (l instanceof Model m) {
            walk(m.layers(), path + "/layers", out);
            return;
        }
        List<Variable> own = l.ownVariables();
        for (int i = 0; i < own.size(); i++) out.put(path + "/vars/" + i, own.get(i));
        for (Map.Entry<String, Layer> child : l.saveableChildren().entrySet()) walkLayer(child.getValue(), path + "/" + child.getKey(), out);
    }

    private static void assign(Model model, WeightStore store, Path path) {
        Map<String, Variable> vars = new LinkedHashMap<>();
        walk(model.layers(), "layers", vars);
        // Check everything before assigning anything, so a bad file leaves the model untouched.
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Variable> e : vars.entrySet()) {
            Tensor t = store.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
            } else if (!java.util.Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new KerasFileException(path, "variable " + e.getKey() + " has shape " + Layer.formatShape(t.shape())
                        + " in the file but " + Layer.formatShape(e.getValue().shape()) + " in the model");
            }
        }
        if (!missing.isEmpty()) throw new KerasFileException(path, "the file has no values for " + missing);
        for (String p : store.paths()) {
            if (p.startsWith("layers/") && !vars.containsKey(p)) {
                throw new KerasFileException(path, "the file has a variable " + p + " that the model does not have");
            }
        }
        vars.forEach((p, v) -> v.assign(store.get(p)));
    }

    // ------------------------------------------------------------------ legacy Keras 2 .h5

    /** Assigns legacy weights by layer name (full models) or in topological order of layers with weights. */
    private static void assignLegacy(Model model, LegacyH5.Contents contents, Path path, boolean byName) {
        Map<String, List<NamedTensor>> file = contents.weights();
        List<Layer> withWeights = new ArrayList<>();
        for (Layer l : allLayers(model)) if (!l.weights().isEmpty()) withWeights.add(l);
        List<String> fileLayers = new ArrayList<>();
        for (Map.Entry<String, List<NamedTensor>> e : file.entrySet()) if (!e.getValue().isEmpty()) fileLayers.add(e.getKey());
        if (fileLayers.size() != withWeights.size()) {
            throw new KerasFileException(path, "the file holds weights for " + fileLayers.size() + " layers " + fileLayers + " but the model has "
                    + withWeights.size() + " layers with weights");
        }
        List<List<Tensor>> values = new ArrayList<>();
        for (int i = 0; i < withWeights.size(); i++) {
            Layer layer = withWeights.get(i);
            String key = byName ? layer.name() : fileLayers.get(i);
            List<NamedTensor> ws = file.get(key);
            if (ws == null) throw new KerasFileException(path, "the file has no weights for layer \"" + layer.name() + "\"; it has " + fileLayers);
            List<Tensor> ts = new ArrayList<>();
            for (NamedTensor nt : ws) ts.add(nt.value());
            List<Variable> target = layer.weights();
            if (ts.size() != target.size()) {
                throw new KerasFileException(path, "layer \"" + layer.name() + "\" expects " + target.size() + " weights, the file has " + ts.size());
            }
            for (int j = 0; j < ts.size(); j++) {
                if (!java.util.Arrays.equals(ts.get(j).shape(), target.get(j).shape())) {
                    throw new KerasFileException(path, "weight " + ws.get(j).name() + " of layer \"" + layer.name() + "\" has shape "
                            + Layer.formatShape(ts.get(j).shape()) + " in the file but " + Layer.formatShape(target.get(j).shape()) + " in the model");
                }
            }
            values.add(ts);
        }
        for (int i = 0; i < withWeights.size(); i++) withWeights.get(i).setWeights(values.get(i));
    }

    private static List<Layer> allLayers(Model model) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (l instanceof InputLayer) continue;
            out.add(l);
        }
        return out;
    }
}
