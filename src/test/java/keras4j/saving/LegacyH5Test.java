package keras4j.saving;

import static keras4j.saving.TestFiles.assertFileError;
import static keras4j.saving.TestFiles.assertSameTensor;
import static keras4j.saving.TestFiles.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyH5Test {
    @TempDir
    Path dir;

    static Map<String, Object> modelConfig() {
        Map<String, Object> dense = new LinkedHashMap<>();
        dense.put("name", "dense_1");
        dense.put("trainable", true);
        dense.put("batch_input_shape", Arrays.asList(null, 4));
        dense.put("units", 3);
        dense.put("activation", "relu");
        dense.put("kernel_initializer", Map.of("class_name", "VarianceScaling",
                "config", Map.of("scale", 1.0, "mode", "fan_avg", "distribution", "uniform", "seed", 7)));
        dense.put("bias_regularizer", null);
        dense.put("l2", 1e-7);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "sequential_1");
        config.put("layers", List.of(Map.of("class_name", "Dense", "config", dense),
                Map.of("class_name", "Dropout", "config", Map.of("name", "dropout_1", "rate", 0.5))));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("class_name", "Sequential");
        model.put("config", config);
        return model;
    }

    static LinkedHashMap<String, List<NamedTensor>> weights() {
        LinkedHashMap<String, List<NamedTensor>> w = new LinkedHashMap<>();
        // Not alphabetical, with nested weight names as tf.keras writes them.
        w.put("lstm", List.of(new NamedTensor("lstm/lstm_cell/kernel:0", random(1, 4, 8)),
                new NamedTensor("lstm/lstm_cell/recurrent_kernel:0", random(2, 2, 8)),
                new NamedTensor("lstm/lstm_cell/bias:0", random(3, 8))));
        w.put("dropout_1", List.of());
        w.put("bidirectional", List.of(new NamedTensor("bidirectional/forward_lstm/kernel:0", random(4, 2, 4)),
                new NamedTensor("bidirectional/backward_lstm/kernel:0", random(5, 2, 4))));
        w.put("dense_1", List.of(new NamedTensor("dense_1/kernel:0", random(6, 2, 3)),
                new NamedTensor("dense_1/bias:0", random(7, 3))));
        w.put("batch_normalization", List.of(new NamedTensor("gamma", random(8, 3)), new NamedTensor("beta", random(9, 3)),
                new NamedTensor("moving_mean", random(10, 3)), new NamedTensor("moving_variance", random(11, 3))));
        w.put("scalar_layer", List.of(new NamedTensor("scalar_layer/alpha:0", Tensor.scalar(0.25f))));
        return w;
    }

    static void assertSameWeights(Map<String, List<NamedTensor>> expected, Map<String, List<NamedTensor>> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), "layer order");
        for (String layer : expected.keySet()) {
            List<NamedTensor> e = expected.get(layer), a = actual.get(layer);
            assertEquals(e.stream().map(NamedTensor::name).toList(), a.stream().map(NamedTensor::name).toList(), layer);
            for (int i = 0; i < e.size(); i++) assertSameTensor(e.get(i).value(), a.get(i).value(), e.get(i).name());
        }
    }

    @Test
    void fullModelRoundTrip() {
        Path file = dir.resolve("model.h5");
        Map<String, Object> training = Map.of("loss", "mse", "optimizer_config",
                Map.of("class_name", "Adam", "config", Map.of("learning_rate", 0.001)));
        LegacyH5.write(file, modelConfig(), training, weights(), "2.3.1");
        LegacyH5.Contents c = LegacyH5.read(file);
        assertEquals("2.3.1", c.kerasVersion());
        assertEquals("tensorflow", c.backend());
        assertEquals(modelConfig(), c.modelConfig());
        assertEquals(training, c.trainingConfig());
        assertSameWeights(weights(), c.weights());
        assertEquals(0, c.weights().get("scalar_layer").get(0).value().rank());
        assertEquals(List.of(), c.optimizerWeights());
        assertEquals(List.of(), c.topLevelWeights());
    }

    @Test
    void fullModelLayoutIsKeras2() throws Exception {
        Path file = dir.resolve("model.h5");
        LegacyH5.write(file, modelConfig(), null, weights(), "2.3.1");
        try (HdfFile h5 = new HdfFile(file)) {
            for (String attr : List.of("keras_version", "backend", "model_config")) {
                assertTrue(h5.getAttribute(attr).getDataType() instanceof StringData, attr + " is fixed-length bytes");
            }
            assertNull(h5.getAttribute("training_config"));
            String json = (String) h5.getAttribute("model_config").getData();
            assertTrue(json.startsWith("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", "), json);
            assertTrue(json.contains("\"l2\": 1e-07"), json);
            var mw = h5.getByPath("model_weights");
            assertArrayEquals(new String[] {"lstm", "dropout_1", "bidirectional", "dense_1", "batch_normalization",
                    "scalar_layer"}, (String[]) mw.getAttribute("layer_names").getData());
            assertEquals("2.3.1", mw.getAttribute("keras_version").getData());
            assertEquals("tensorflow", mw.getAttribute("backend").getData());
            assertArrayEquals(new int[] {2, 3}, h5.getDatasetByPath("model_weights/dense_1/dense_1/kernel:0").getDimensions());
            assertArrayEquals(new int[] {2, 4},
                    h5.getDatasetByPath("model_weights/bidirectional/bidirectional/backward_lstm/kernel:0").getDimensions());
            assertNull(h5.getByPath("model_weights/dropout_1").getAttribute("weight_names"),
                    "an empty weight list writes no attribute, which Keras reads as []");
        }
        // The fixtures store the same attributes as variable-length strings; both encodings are read.
        try (HdfFile h5 = new HdfFile(TestFiles.fixture("dl4j/mlp/simple_sparse_xent_mlp_keras_2_model.h5"))) {
            assertTrue(h5.getAttribute("model_config").getDataType() instanceof VariableLength);
        }
    }

    @Test
    void weightsOnlyRoundTrip() throws Exception {
        Path file = dir.resolve("weights.h5");
        LegacyH5.write(file, null, null, weights(), "2.2.4-tf");
        LegacyH5.Contents c = LegacyH5.read(file);
        assertNull(c.modelConfig());
        assertNull(c.trainingConfig());
        assertEquals("2.2.4-tf", c.kerasVersion());
        assertSameWeights(weights(), c.weights());
        try (HdfFile h5 = new HdfFile(file)) {
            assertFalse(h5.getChildren().containsKey("model_weights"));
            assertEquals(6, ((String[]) h5.getAttribute("layer_names").getData()).length);
            assertTrue(h5.getChildren().containsKey("dense_1"));
        }
    }

    @Test
    void longLayerNameListsAreChunkedLikeKeras() throws Exception {
        LinkedHashMap<String, List<NamedTensor>> w = new LinkedHashMap<>();
        for (int i = 0; i < 2500; i++) w.put(String.format("layer_with_a_fairly_long_name_%05d", i), List.of());
        w.put("dense", List.of(new NamedTensor("dense/kernel:0", random(1, 2, 2))));
        Path file = dir.resolve("many.h5");
        LegacyH5.write(file, Map.of("class_name", "Sequential", "config", Map.of()), null, w, "2.3.1");
        try (HdfFile h5 = new HdfFile(file)) {
            var mw = h5.getByPath("model_weights");
            assertNull(mw.getAttribute("layer_names"));
            String[] first = (String[]) mw.getAttribute("layer_names0").getData();
            String[] second = (String[]) mw.getAttribute("layer_names1").getData();
            assertNull(mw.getAttribute("layer_names2"));
            // numpy.array_split: 2501 names in two chunks of 1251 and 1250, each under 64512 bytes.
            assertEquals(1251, first.length);
            assertEquals(1250, second.length);
        }
        LegacyH5.Contents c = LegacyH5.read(file);
        assertEquals(new ArrayList<>(w.keySet()), new ArrayList<>(c.weights().keySet()));
        assertSameTensor(w.get("dense").get(0).value(), c.weights().get("dense").get(0).value(), "dense kernel");
    }

    @Test
    void largeModelConfigJustUnderTheAttributeLimitRoundTrips() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("class_name", "Functional");
        model.put("config", Map.of("name", "x".repeat(64000)));
        Path file = dir.resolve("big_config.h5");
        LegacyH5.write(file, model, null, weights(), "2.3.1");
        assertEquals(model, LegacyH5.read(file).modelConfig());
    }

    @Test
    void modelConfigAboveTheHdf5AttributeLimitIsRefused() {
        Map<String, Object> model = Map.of("class_name", "Functional", "config", Map.of("name", "x".repeat(70000)));
        Path file = dir.resolve("too_big.h5");
        assertFileError(file, () -> LegacyH5.write(file, model, null, weights(), "2.3.1"), "model_config", "64512");
        assertEquals(List.of(), TestFiles.listing(dir));
    }

    @Test
    void invalidNamesAreRefused() {
        Path file = dir.resolve("bad.h5");
        LinkedHashMap<String, List<NamedTensor>> slash = new LinkedHashMap<>();
        slash.put("a/b", List.of());
        assertFileError(file, () -> LegacyH5.write(file, null, null, slash, "2.3.1"), "layer name", "a/b");

        LinkedHashMap<String, List<NamedTensor>> duplicate = new LinkedHashMap<>();
        duplicate.put("d", List.of(new NamedTensor("d/k:0", Tensor.zeros(1)), new NamedTensor("d/k:0", Tensor.zeros(1))));
        assertFileError(file, () -> LegacyH5.write(file, null, null, duplicate, "2.3.1"), "d/d/k:0", "twice");

        LinkedHashMap<String, List<NamedTensor>> clash = new LinkedHashMap<>();
        clash.put("c", List.of(new NamedTensor("w", Tensor.zeros(1)), new NamedTensor("w/x", Tensor.zeros(1))));
        assertFileError(file, () -> LegacyH5.write(file, null, null, clash, "2.3.1"), "both a weight and a group");

        LinkedHashMap<String, List<NamedTensor>> dots = new LinkedHashMap<>();
        dots.put("e", List.of(new NamedTensor("../w", Tensor.zeros(1))));
        assertFileError(file, () -> LegacyH5.write(file, null, null, dots, "2.3.1"), "weight name", "'..'");
        assertEquals(List.of(), TestFiles.listing(dir));
    }

    @Test
    void argumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LegacyH5.write(dir.resolve("m.keras"), modelConfig(), null, weights(), "2.3.1"));
        assertTrue(e.getMessage().contains("`.h5` or `.hdf5`"), e.getMessage());
        LegacyH5.write(dir.resolve("m.hdf5"), modelConfig(), null, weights(), "2.3.1");
        assertThrows(IllegalArgumentException.class,
                () -> LegacyH5.write(dir.resolve("w.h5"), null, Map.of("loss", "mse"), weights(), "2.3.1"));
    }

    @Test
    void aKeras3WeightsFileIsNotALegacyFile() {
        Path file = dir.resolve("model.weights.h5");
        H5Weights.write(new WeightStore().putVars("layers/dense", List.of(Tensor.zeros(2, 2))), file);
        assertFileError(file, () -> LegacyH5.read(file), "neither a 'model_weights' group nor a 'layer_names'",
                "H5Weights.read");
    }

    @Test
    void layersAndWeightsListedButMissingAreReported() throws Exception {
        Hdf5Writer w = new Hdf5Writer();
        Hdf5Writer.putStrings(w.root(), "layer_names", List.of("dense", "ghost"));
        WritableGroup dense = w.root().putGroup("dense");
        Hdf5Writer.putStrings(dense, "weight_names", List.of("dense/kernel:0"));
        Hdf5Writer.putTensor(Hdf5Writer.group(dense, "dense"), "kernel:0", Tensor.zeros(1), "k");
        Path ghostLayer = dir.resolve("ghost_layer.h5");
        w.writeTo(ghostLayer);
        assertFileError(ghostLayer, () -> LegacyH5.read(ghostLayer), "layer 'ghost'", "no group");

        Hdf5Writer w2 = new Hdf5Writer();
        Hdf5Writer.putStrings(w2.root(), "layer_names", List.of("dense"));
        Hdf5Writer.putStrings(w2.root().putGroup("dense"), "weight_names", List.of("dense/kernel:0", "dense/bias:0"));
        Path ghostWeight = dir.resolve("ghost_weight.h5");
        w2.writeTo(ghostWeight);
        assertFileError(ghostWeight, () -> LegacyH5.read(ghostWeight), "weight 'dense/kernel:0'", "missing");
    }

    @Test
    void theSameDatasetCannotBeReadTwice() throws Exception {
        Hdf5Writer w = new Hdf5Writer();
        Hdf5Writer.putStrings(w.root(), "layer_names", List.of("dense", "dense"));
        Hdf5Writer.putStrings(w.root().putGroup("dense"), "weight_names", List.of());
        Path file = dir.resolve("twice.h5");
        w.writeTo(file);
        assertFileError(file, () -> LegacyH5.read(file), "listed twice");
    }
}
