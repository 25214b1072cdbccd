package keras4j.saving;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The legacy Keras 1/2 HDF5 format: files written by {@code model.save("x.h5")} and
 * {@code model.save_weights("x.h5")} in Keras 2.x and tf.keras (Keras 3:
 * {@code keras/src/legacy/saving/legacy_h5_format.py}).
 *
 * <p>A full model file has root attributes {@code keras_version}, {@code backend}, {@code model_config} (JSON)
 * and, when compiled, {@code training_config}; its weights are in the group {@code model_weights}, whose
 * attribute {@code layer_names} lists the layers and whose per-layer groups list their weights in the attribute
 * {@code weight_names}, each a dataset path below the layer group ({@code dense_1/kernel:0}). A weights-only file
 * has the same layer groups and attributes at the root. Attributes too large for an HDF5 object header are
 * split into {@code layer_names0}, {@code layer_names1}, …
 */
public final class LegacyH5 {
    static {
        QuietSlf4j.ensure();
    }

    private LegacyH5() {}

    /** The {@code backend} attribute keras4j writes: its weight layouts are TensorFlow's (no Theano kernel flips). */
    public static final String BACKEND = "tensorflow";

    /**
     * The contents of a legacy {@code .h5} file.
     *
     * @param kerasVersion the {@code keras_version} attribute ({@code "2.3.1"}, {@code "2.2.4-tf"}); {@code "1"}
     *     when absent, as Keras assumes
     * @param backend the {@code backend} attribute ({@code "tensorflow"}, {@code "theano"}), or null when absent
     * @param modelConfig the parsed {@code model_config} ({@code {"class_name": ..., "config": ...}}; in Keras ≤ 2.1
     *     Sequential files {@code config} is a bare list of layers), or null for a weights-only file
     * @param trainingConfig the parsed {@code training_config}, or null when the model was not compiled
     * @param weights every layer of {@code layer_names}, in that order, with its weights in {@code weight_names}
     *     order (trainable then non-trainable); layers without weights map to an empty list
     * @param topLevelWeights Keras 3's {@code top_level_model_weights} (weights owned by the model itself), or empty
     * @param optimizerWeights the {@code optimizer_weights} group in {@code weight_names} order, or empty
     */
    public record Contents(String kerasVersion, String backend, Map<String, Object> modelConfig,
                           Map<String, Object> trainingConfig, Map<String, List<NamedTensor>> weights,
                           List<NamedTensor> topLevelWeights, List<NamedTensor> optimizerWeights) {}

    /**
     * Reads a Keras 1/2 {@code .h5} model or weights file. Weights come in the order recorded by the
     * {@code layer_names} and {@code weight_names} attributes, not HDF5's alphabetical order; those attributes are
     * read as fixed-length bytes or variable-length strings, whole or chunked; {@code model_config} may be stored
     * as bytes or as a string. Numeric weights of any type are converted to float32.
     *
     * @throws KerasFileException if the file is missing, not HDF5, not a Keras file, truncated, corrupted or
     *     unsafe, or if an attribute lists a layer or weight that the file does not contain
     */
    public static Contents read(Path path) {
        return Hdf5Reader.read(Hdf5Reader.open(path), LegacyH5::read);
    }

    private static Contents read(Hdf5Reader r) {
        Group root = r.root();
        Map<String, Object> modelConfig = json(r, root, "model_config");
        Map<String, Object> trainingConfig = json(r, root, "training_config");

        Group weightsGroup;
        String prefix;
        Node modelWeights = r.child(root, "model_weights", "model_weights");
        if (modelWeights instanceof Group g) {
            weightsGroup = g;
            prefix = "model_weights/";
        } else if (modelWeights != null) {
            throw r.fail("'model_weights' is a dataset, not a group");
        } else if (root.getAttributes().containsKey("layer_names") || root.getAttributes().containsKey("layer_names0")) {
            weightsGroup = root;
            prefix = "";
        } else {
            String hint = root.getChildren().containsKey("layers") || root.getChildren().containsKey("vars")
                    ? " (it looks like a Keras 3 .weights.h5 file: read it with H5Weights.read)" : "";
            throw r.fail("not a Keras 1/2 HDF5 file: it has neither a 'model_weights' group nor a 'layer_names'"
                    + " attribute" + hint);
        }

        String kerasVersion = firstNonNull(r.stringAttribute(root, "keras_version"),
                r.stringAttribute(weightsGroup, "keras_version"), "1");
        String backend = firstNonNull(r.stringAttribute(root, "backend"), r.stringAttribute(weightsGroup, "backend"), null);

        Map<String, List<NamedTensor>> weights = new LinkedHashMap<>();
        for (String layer : r.stringListAttribute(weightsGroup, "layer_names")) {
            if (weights.containsKey(layer)) throw r.fail("layer '" + layer + "' is listed twice in layer_names");
            Node node = r.node(weightsGroup, layer, prefix.isEmpty() ? "" : "model_weights");
            if (!(node instanceof Group layerGroup)) {
                throw r.fail("layer '" + layer + "' is listed in layer_names but has no group '" + prefix + layer + "'");
            }
            weights.put(layer, subset(r, layerGroup, prefix + layer));
        }

        List<NamedTensor> topLevel = List.of();
        if (r.child(weightsGroup, "top_level_model_weights", prefix + "top_level_model_weights") instanceof Group g) {
            topLevel = subset(r, g, prefix + "top_level_model_weights");
        }
        List<NamedTensor> optimizer = List.of();
        if (weightsGroup != root && r.child(root, "optimizer_weights", "optimizer_weights") instanceof Group g) {
            optimizer = subset(r, g, "optimizer_weights");
        }
        return new Contents(kerasVersion, backend, modelConfig, trainingConfig, Collections.unmodifiableMap(weights),
                topLevel, optimizer);
    }

    /** Keras's {@code load_subset_weights_from_hdf5_group}: the datasets named by {@code weight_names}, in order. */
    private static List<NamedTensor> subset(Hdf5Reader r, Group group, String groupPath) {
        List<NamedTensor> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : r.stringListAttribute(group, "weight_names")) {
            String path = groupPath + "/" + name;
            if (!seen.add(name)) throw r.fail("weight '" + name + "' is listed twice in weight_names of '" + groupPath + "'");
            Node node = name.isEmpty() ? null : r.node(group, name, groupPath);
            if (!(node instanceof Dataset ds)) {
                throw r.fail("weight '" + name + "' is listed in weight_names of '" + groupPath + "' but '" + path
                        + "' is " + (node == null ? "missing" : "not a dataset"));
            }
            out.add(new NamedTensor(name, r.tensor(ds, path)));
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> json(Hdf5Reader r, Node root, String attribute) {
        String text = r.stringAttribute(root, attribute);
        return text == null ? null : KerasJson.readObject(text, r.origin, "attribute '" + attribute + "'");
    }

    private static String firstNonNull(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    /**
     * Writes a Keras 2 {@code model.save()} file ({@code model_config} and {@code model_weights}), or, when
     * {@code modelConfig} is null, a {@code save_weights()} file (layer groups at the root), atomically.
     * {@code keras_version} is {@code kerasVersion} and {@code backend} is {@link #BACKEND}; JSON is written as
     * Python's {@code json.dumps} writes it. Weight names containing {@code /} become nested groups, as in h5py.
     *
     * @param modelConfig {@code {"class_name": ..., "config": ...}}, or null for a weights-only file
     * @param trainingConfig the compile settings, or null when the model is not compiled
     * @param weights layer name → weights in {@code weight_names} order; the map order is {@code layer_names}
     * @throws IllegalArgumentException if the file name does not end in {@code .h5} or {@code .hdf5}, or a
     *     training config is given without a model config
     * @throws KerasFileException if the content cannot be stored (invalid or duplicate names, zero-size tensors,
     *     a JSON attribute above 64512 bytes, which Keras's h5py writer also rejects) or the I/O fails; a previous
     *     file at {@code path} is then left unchanged
     */
    public static void write(Path path, Map<String, Object> modelConfig, Map<String, Object> trainingConfig,
                             LinkedHashMap<String, List<NamedTensor>> weights, String kerasVersion) {
        String fileName = path.getFileName().toString();
        if (!fileName.endsWith(".h5") && !fileName.endsWith(".hdf5")) {
            throw new IllegalArgumentException("The filename must end in `.h5` or `.hdf5` for the legacy HDF5 format."
                    + " Received: filepath=" + path);
        }
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(kerasVersion, "kerasVersion");
        if (modelConfig == null && trainingConfig != null) {
            throw new IllegalArgumentException("A training config needs a model config. Received: modelConfig=null");
        }
        Safety.writeAtomically(path, temp -> build(modelConfig, trainingConfig, weights, kerasVersion).writeTo(temp));
    }

    private static Hdf5Writer build(Map<String, Object> modelConfig, Map<String, Object> trainingConfig,
                                    Map<String, List<NamedTensor>> weights, String kerasVersion) {
        Hdf5Writer writer = new Hdf5Writer();
        WritableGroup root = writer.root();
        WritableGroup weightsGroup = root;
        if (modelConfig != null) {
            Hdf5Writer.putString(root, "keras_version", kerasVersion);
            Hdf5Writer.putString(root, "backend", BACKEND);
            Hdf5Writer.putString(root, "model_config", KerasJson.write(modelConfig));
            if (trainingConfig != null) Hdf5Writer.putString(root, "training_config", KerasJson.write(trainingConfig));
            weightsGroup = root.putGroup("model_weights");
        }
        Hdf5Writer.putStrings(weightsGroup, "layer_names", new ArrayList<>(weights.keySet()));
        Hdf5Writer.putString(weightsGroup, "backend", BACKEND);
        Hdf5Writer.putString(weightsGroup, "keras_version", kerasVersion);
        for (Map.Entry<String, List<NamedTensor>> layer : weights.entrySet()) {
            String layerName = layer.getKey();
            checkName(layerName, "layer name", false);
            WritableGroup layerGroup = weightsGroup.putGroup(layerName);
            List<String> names = new ArrayList<>();
            for (NamedTensor w : layer.getValue()) names.add(w.name());
            Hdf5Writer.putStrings(layerGroup, "weight_names", names);
            for (NamedTensor w : layer.getValue()) {
                checkName(w.name(), "weight name", true);
                WritableGroup parent = Hdf5Writer.groupPath(layerGroup, WeightStore.parentOf(w.name()));
                Hdf5Writer.putTensor(parent, WeightStore.nameOf(w.name()), w.value(), layerName + "/" + w.name());
            }
        }
        return writer;
    }

    private static void checkName(String name, String what, boolean slashes) {
        if (!slashes && name.contains("/")) {
            throw new IllegalArgumentException("Invalid " + what + ": it contains '/'. Received: '" + name + "'");
        }
        try {
            WeightStore.checkPath(name, what);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + what + " '" + name + "': " + e.getMessage(), e);
        }
    }
}
