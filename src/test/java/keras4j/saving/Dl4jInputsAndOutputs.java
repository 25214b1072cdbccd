package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.models.Model;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;

/**
 * Reads a DL4J {@code <case>_inputs_and_outputs.h5} companion file (see keras-fixtures/MANIFEST.md, Part A) with
 * plain jHDF. These are not a Keras format: root attributes {@code inputs} / {@code outputs} are JSON naming the
 * input datasets and output layers; groups {@code inputs}, {@code predictions} (the Keras {@code model.predict}
 * result to compare against), {@code activations} (per-layer outputs), {@code outputs} and {@code scores} hold
 * float32 datasets with the batch dimension ({@code scores} also holds empty groups, which are skipped).
 *
 * @param inputNames the model inputs, in order ({@code inputs/<name>})
 * @param outputNames the model outputs, in order ({@code predictions/<name>})
 */
public record Dl4jInputsAndOutputs(List<String> inputNames, List<String> outputNames, Map<String, Tensor> inputs,
                                   Map<String, Tensor> predictions, Map<String, Tensor> activations,
                                   Map<String, Tensor> outputs, Map<String, Tensor> scores) {

    /** Reads a companion file; groups absent from it read as empty maps. */
    public static Dl4jInputsAndOutputs read(Path file) {
        try (HdfFile h5 = new HdfFile(file)) {
            return new Dl4jInputsAndOutputs(names(h5, "inputs"), names(h5, "outputs"), group(h5, "inputs"),
                    group(h5, "predictions"), group(h5, "activations"), group(h5, "outputs"), group(h5, "scores"));
        }
    }

    /**
     * Asserts that {@code model} predicts Keras's stored prediction of the first output from the first input: the same
     * shape, and values within 1e-5 (absolute and relative); {@code name} names the case on failure.
     */
    public void assertPredicts(Model model, String name) {
        Tensor x = inputs.get(inputNames.get(0));
        Tensor expected = predictions.get(outputNames.get(0));
        Tensor got = model.predict(x);
        assertArrayEquals(expected.shape(), got.shape());
        assertTrue(got.allClose(expected, 1e-5f, 1e-5f), name + ": predictions differ from Keras's");
    }

    /** The companion of a {@code <case>_model.h5} file. */
    public static Path companionOf(Path modelFile) {
        String name = modelFile.getFileName().toString();
        if (!name.endsWith("_model.h5")) throw new IllegalArgumentException("not a <case>_model.h5 file: " + modelFile);
        return modelFile.resolveSibling(name.substring(0, name.length() - "_model.h5".length()) + "_inputs_and_outputs.h5");
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(HdfFile h5, String attribute) {
        Map<String, Object> json = Json.readObject((String) h5.getAttribute(attribute).getData());
        return List.copyOf((List<String>) json.get(attribute));
    }

    private static Map<String, Tensor> group(HdfFile h5, String name) {
        Node node = h5.getChildren().get(name);
        if (!(node instanceof Group g)) return Map.of();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Node child : g) {
            // scores/ also holds empty groups named after the outputs; only datasets carry values.
            if (child instanceof Dataset ds) {
                out.put(child.getName(), Tensor.wrap((float[]) ds.getDataFlat(), ds.getDimensions()));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
