package keras4j.saving;

import static keras4j.saving.TestFiles.assertSameTensor;
import static keras4j.saving.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real Keras 2 file of keras-fixtures/dl4j (MANIFEST.md, Part A) read through {@link LegacyH5}: versions,
 * model configs, and weight names, order and shapes as the MANIFEST table gives them; plus the companion
 * {@code _inputs_and_outputs.h5} files.
 */
class LegacyH5FixturesTest {

    record W(String name, int... shape) {}

    record L(String className, String name, Map<String, Object> config, List<W> weights) {}

    /** One row of the MANIFEST table. */
    record Case(String file, String kerasVersion, List<Object> batchInputShape, List<L> layers, String input,
                int[] inputShape, String output, int[] outputShape, Set<String> ioGroups, List<W> optimizer) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static final Set<String> IO = Set.of("activations", "inputs", "outputs", "predictions");
    private static final Set<String> IO_SCORES = Set.of("activations", "inputs", "outputs", "predictions", "scores");

    static List<Object> shapeList(Integer... dims) {
        return Arrays.asList((Object[]) dims);
    }

    static Map<String, Object> cfg(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Case conv(String name, int k, int s, int d, boolean channelsFirst, String padding, int steps, String prefix) {
        boolean causal = padding.equals("causal");
        String dir = causal ? "causal_conv1d/" : "conv1d/";
        List<Object> batch = channelsFirst ? shapeList(null, 3, 16) : shapeList(null, 16, 3);
        L layer = new L("Conv1D", "conv0", cfg("filters", 4, "kernel_size", List.of(k), "strides", List.of(s),
                "padding", padding, "dilation_rate", List.of(d), "data_format",
                channelsFirst ? "channels_first" : "channels_last", "activation", causal ? "tanh" : "sigmoid",
                "batch_input_shape", batch),
                List.of(new W(prefix + "/kernel:0", k, 3, 4), new W(prefix + "/bias:0", 4)));
        return new Case(dir + name + "_model.h5", "2.3.1", batch, List.of(layer), "conv0_input",
                channelsFirst ? new int[] {2, 3, 16} : new int[] {2, 16, 3}, "conv0",
                channelsFirst ? new int[] {2, 4, steps} : new int[] {2, steps, 4}, causal ? IO_SCORES : IO, List.of());
    }

    static Case activation(String file, String className, String name, Map<String, Object> config) {
        L dense = new L("Dense", "dense", cfg("units", 32, "activation", "linear", "batch_input_shape", shapeList(null, 16)),
                List.of(new W("dense/kernel:0", 16, 32), new W("dense/bias:0", 32)));
        return new Case("activations/" + file + "_model.h5", "2.3.1", shapeList(null, 16),
                List.of(dense, new L(className, name, config, List.of())), "dense_input", new int[] {2, 16}, name,
                new int[] {2, 32}, IO, List.of());
    }

    static List<W> rnnWeights(String layer, int units, int gates) {
        return List.of(new W(layer + "/kernel:0", 1, gates * units), new W(layer + "/recurrent_kernel:0", units, gates * units),
                new W(layer + "/bias:0", gates * units));
    }

    static List<W> rmsprop(int units, int gates) {
        return List.of(new W("training/RMSprop/Variable:0", 1, gates * units),
                new W("training/RMSprop/Variable_1:0", units, gates * units), new W("training/RMSprop/Variable_2:0", gates * units),
                new W("training/RMSprop/Variable_3:0", units, 1), new W("training/RMSprop/Variable_4:0", 1));
    }

    static Stream<Case> cases() {
        L dense1 = new L("Dense", "dense_1", cfg("units", 1, "activation", "linear"),
                List.of(new W("dense_1/kernel:0", 50, 1), new W("dense_1/bias:0", 1)));
        List<Object> rnnBatch = shapeList(25, 1, 1);
        return Stream.of(
                conv("conv1d_k2_s1_d1_cl_same", 2, 1, 1, false, "same", 16, "conv0"),
                conv("conv1d_k2_s1_d2_cf_valid", 2, 1, 2, true, "valid", 14, "conv0"),
                conv("conv1d_k3_s1_d1_cl_same", 3, 1, 1, false, "same", 16, "conv0"),
                conv("conv1d_k3_s1_d1_cl_valid", 3, 1, 1, false, "valid", 14, "conv0"),
                conv("conv1d_k3_s2_d1_cf_same", 3, 2, 1, true, "same", 8, "conv0"),
                conv("conv1d_k3_s2_d1_cl_same", 3, 2, 1, false, "same", 8, "conv0"),
                conv("conv1d_k4_s1_d2_cl_valid", 4, 1, 2, false, "valid", 10, "conv0"),
                conv("conv1d_k4_s2_d1_cl_same", 4, 2, 1, false, "same", 8, "conv0"),
                conv("conv1d_k4_s3_d1_cl_valid", 4, 3, 1, false, "valid", 5, "conv0"),
                // The causal files name their weights after an earlier layer instance (conv0_4/...), so only
                // the weight_names attribute finds them.
                conv("causal_conv1d_k2_s1_d1_cl", 2, 1, 1, false, "causal", 16, "conv0"),
                conv("causal_conv1d_k3_s1_d1_cl", 3, 1, 1, false, "causal", 16, "conv0_4"),
                conv("causal_conv1d_k3_s1_d2_cl", 3, 1, 2, false, "causal", 16, "conv0_5"),
                conv("causal_conv1d_k3_s2_d1_cl", 3, 2, 1, false, "causal", 8, "conv0_6"),
                conv("causal_conv1d_k4_s3_d1_cl", 4, 3, 1, false, "causal", 6, "conv0_11"),
                activation("ELU_0", "ELU", "elu_1", cfg("alpha", 0.699999988079071)),
                activation("LeakyReLU_0", "LeakyReLU", "leaky_re_lu_1", cfg("alpha", 0.5)),
                activation("ReLU_0", "ReLU", "re_lu_1", cfg("max_value", null, "negative_slope", 0.0, "threshold", 0.0)),
                activation("ReLU_1", "ReLU", "re_lu_1", cfg("max_value", 6.0, "negative_slope", 0.0, "threshold", 0.0)),
                activation("Softmax_0", "Softmax", "softmax_1", cfg("axis", -1)),
                activation("ThresholdReLU_0", "ThresholdedReLU", "thresholded_re_lu_1", cfg("theta", 0.699999988079071)),
                new Case("rnn/simple_flatten_lstm_tf_keras_2_model.h5", "2.1.3", rnnBatch, List.of(
                        new L("LSTM", "lstm_1", cfg("units", 50, "activation", "tanh", "recurrent_activation", "hard_sigmoid",
                                "return_sequences", false, "dropout", 0.2, "batch_input_shape", rnnBatch),
                                rnnWeights("lstm_1", 50, 4)), dense1),
                        "lstm_1_input", new int[] {25, 1, 1}, "dense_1", new int[] {25, 1}, IO_SCORES, rmsprop(50, 4)),
                new Case("rnn/simple_flatten_rnn_tf_keras_2_model.h5", "2.1.3", rnnBatch, List.of(
                        new L("SimpleRNN", "simple_rnn_1", cfg("units", 50, "activation", "tanh", "return_sequences", true,
                                "dropout", 0.2, "batch_input_shape", rnnBatch), rnnWeights("simple_rnn_1", 50, 1)),
                        new L("Flatten", "flatten_1", cfg(), List.of()), dense1),
                        "simple_rnn_1_input", new int[] {25, 1, 1}, "dense_1", new int[] {25, 1}, IO_SCORES, rmsprop(50, 1)),
                new Case("rnn/simple_rnn_tf_keras_2_model.h5", "2.1.3", rnnBatch, List.of(
                        new L("SimpleRNN", "simple_rnn_1", cfg("units", 50, "activation", "tanh", "return_sequences", false,
                                "batch_input_shape", rnnBatch), rnnWeights("simple_rnn_1", 50, 1)), dense1),
                        "simple_rnn_1_input", new int[] {25, 1, 1}, "dense_1", new int[] {25, 1}, IO_SCORES, rmsprop(50, 1)),
                new Case("mlp/simple_sparse_xent_mlp_keras_2_model.h5", "2.3.1", shapeList(null, 4), List.of(
                        new L("Dense", "dense_1", cfg("units", 3, "activation", "linear", "batch_input_shape", shapeList(null, 4)),
                                List.of(new W("dense_1/kernel:0", 4, 3), new W("dense_1/bias:0", 3))),
                        new L("Activation", "activation_1", cfg("activation", "softmax"), List.of())),
                        "dense_1_input", new int[] {3, 4}, "activation_1", new int[] {3, 3}, IO_SCORES, List.of()));
    }

    @Test
    void theTableCoversEveryModelFile() {
        Set<String> files = new TreeSet<>();
        Path root = fixture("dl4j");
        for (Path p : TestFiles.fixtures("dl4j", "_model.h5")) files.add(root.relativize(p).toString().replace('\\', '/'));
        Set<String> covered = new TreeSet<>();
        cases().forEach(c -> covered.add(c.file()));
        assertEquals(24, files.size());
        assertEquals(files, covered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void modelFileReadsAsTheManifestSays(Case c) {
        LegacyH5.Contents h5 = LegacyH5.read(fixture("dl4j/" + c.file()));
        assertEquals(c.kerasVersion(), h5.kerasVersion());
        assertEquals("tensorflow", h5.backend());

        Map<String, Object> model = h5.modelConfig();
        assertEquals("Sequential", model.get("class_name"));
        List<Map<String, Object>> layers;
        if (c.kerasVersion().equals("2.1.3")) {
            // Keras <= 2.1: the Sequential config is a bare list of layers.
            layers = assertInstanceOf(List.class, model.get("config"));
        } else {
            Map<String, Object> config = assertInstanceOf(Map.class, model.get("config"));
            assertTrue(((String) config.get("name")).startsWith("sequential_"), String.valueOf(config.get("name")));
            layers = (List<Map<String, Object>>) config.get("layers");
        }
        assertEquals(c.layers().size(), layers.size());
        for (int i = 0; i < layers.size(); i++) {
            L expected = c.layers().get(i);
            Map<String, Object> actual = layers.get(i);
            assertEquals(expected.className(), actual.get("class_name"), "layer " + i);
            Map<String, Object> config = (Map<String, Object>) actual.get("config");
            assertEquals(expected.name(), config.get("name"));
            for (Map.Entry<String, Object> e : expected.config().entrySet()) {
                assertTrue(config.containsKey(e.getKey()), expected.name() + " has " + e.getKey());
                assertEquals(e.getValue(), config.get(e.getKey()), expected.name() + "." + e.getKey());
            }
        }
        assertEquals(c.batchInputShape(), ((Map<String, Object>) layers.get(0).get("config")).get("batch_input_shape"));

        assertNotNull(h5.trainingConfig());
        assertInstanceOf(Map.class, h5.trainingConfig().get("optimizer_config"));

        List<String> layerNames = new ArrayList<>();
        for (L l : c.layers()) layerNames.add(l.name());
        assertEquals(layerNames, new ArrayList<>(h5.weights().keySet()), "layer_names order");
        for (L l : c.layers()) assertWeights(l.weights(), h5.weights().get(l.name()), l.name());
        assertWeights(c.optimizer(), h5.optimizerWeights(), "optimizer_weights");
        assertEquals(List.of(), h5.topLevelWeights());
    }

    private static void assertWeights(List<W> expected, List<NamedTensor> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": weight count " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).name(), actual.get(i).name(), what + " weight " + i);
            assertArrayEquals(expected.get(i).shape(), actual.get(i).value().shape(), actual.get(i).name());
        }
    }

    @Test
    void valuesMatchThoseReadIndependentlyWithH5py() {
        // Reference numbers printed by h5py 3.7 / libhdf5 1.10.8 from the same files.
        LegacyH5.Contents lstm = LegacyH5.read(fixture("dl4j/rnn/simple_flatten_lstm_tf_keras_2_model.h5"));
        List<NamedTensor> w = lstm.weights().get("lstm_1");
        Tensor recurrent = w.get(1).value();
        assertEquals(0.031415894627571106f, recurrent.get(0, 0));
        assertEquals(0.16143284738063812f, recurrent.get(1, 1));
        assertEquals(-0.011757572181522846f, recurrent.get(49, 199));
        assertEquals(0.5273354053497314f, w.get(2).value().get(0));
        assertEquals(0.4178707003593445f, w.get(2).value().get(199));
        assertEquals(0.016164474189281464f, lstm.optimizerWeights().get(4).value().get(0));

        Tensor causal = LegacyH5.read(fixture("dl4j/causal_conv1d/causal_conv1d_k4_s3_d1_cl_model.h5"))
                .weights().get("conv0").get(0).value();
        assertEquals(-0.20179837942123413f, causal.get(0, 0, 0));
        assertEquals(0.023798972368240356f, causal.get(1, 1, 1));
        assertEquals(0.03625348210334778f, causal.get(3, 2, 3));
    }

    @Test
    void weightsOnlyFileReadsTheSameWeightsAsItsFullModelTwin() throws Exception {
        LegacyH5.Contents weightsOnly = LegacyH5.read(fixture("dl4j/weights_only/conv1d_k3_s1_d1_cl_same_weights.h5"));
        LegacyH5.Contents full = LegacyH5.read(fixture("dl4j/conv1d/conv1d_k3_s1_d1_cl_same_model.h5"));
        assertNull(weightsOnly.modelConfig());
        assertNull(weightsOnly.trainingConfig());
        assertEquals("2.3.1", weightsOnly.kerasVersion());
        assertEquals("tensorflow", weightsOnly.backend());
        assertEquals(List.of("conv0"), new ArrayList<>(weightsOnly.weights().keySet()));
        List<NamedTensor> a = weightsOnly.weights().get("conv0"), b = full.weights().get("conv0");
        assertEquals(List.of("conv0/kernel:0", "conv0/bias:0"), a.stream().map(NamedTensor::name).toList());
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).name(), a.get(i).name());
            assertSameTensor(b.get(i).value(), a.get(i).value(), a.get(i).name());
        }
        assertEquals(-0.10842055082321167f, a.get(0).value().get(0, 0, 0));

        // model.to_json() of the same model, saved beside it, is the full file's model_config.
        Map<String, Object> toJson = Json.readObject(
                Files.readString(fixture("dl4j/weights_only/conv1d_k3_s1_d1_cl_same_config.json")));
        assertEquals(full.modelConfig().get("class_name"), toJson.get("class_name"));
        assertEquals(full.modelConfig().get("config"), toJson.get("config"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void companionInputsAndOutputsAreReadable(Case c) {
        Path model = fixture("dl4j/" + c.file());
        Dl4jInputsAndOutputs io = Dl4jInputsAndOutputs.read(Dl4jInputsAndOutputs.companionOf(model));
        assertEquals(List.of(c.input()), io.inputNames());
        assertEquals(List.of(c.output()), io.outputNames());
        assertArrayEquals(c.inputShape(), io.inputs().get(c.input()).shape());
        assertArrayEquals(c.outputShape(), io.predictions().get(c.output()).shape());
        Set<String> groups = new TreeSet<>();
        if (!io.inputs().isEmpty()) groups.add("inputs");
        if (!io.predictions().isEmpty()) groups.add("predictions");
        if (!io.activations().isEmpty()) groups.add("activations");
        if (!io.outputs().isEmpty()) groups.add("outputs");
        if (!io.scores().isEmpty()) groups.add("scores");
        assertEquals(new TreeSet<>(c.ioGroups()), groups);
        for (L layer : c.layers()) {
            assertTrue(io.activations().containsKey(layer.name()), "activations of " + layer.name());
        }
    }

    @Test
    void companionValuesMatchH5py() {
        Dl4jInputsAndOutputs io = Dl4jInputsAndOutputs.read(
                fixture("dl4j/rnn/simple_flatten_lstm_tf_keras_2_inputs_and_outputs.h5"));
        Tensor predictions = io.predictions().get("dense_1");
        assertEquals(3.680832862854004f, predictions.get(0, 0));
        assertEquals(7.055971145629883f, predictions.get(1, 0));
        assertEquals(-6.8625688552856445f, predictions.get(2, 0));
        assertEquals(4.865972995758057f, io.inputs().get("lstm_1_input").get(0, 0, 0));
        assertEquals(-32.15660858154297f, io.inputs().get("lstm_1_input").get(2, 0, 0));
    }
}
