package keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import keras4j.layers.KerasTensor;
import keras4j.layers.Dense;
import keras4j.layers.Input;
import keras4j.layers.Lambda;
import keras4j.layers.Concatenate;
import keras4j.layers.Dropout;
import keras4j.saving.Dl4jInputsAndOutputs;
import keras4j.saving.KerasArchive;
import keras4j.saving.KerasFileException;
import keras4j.tensor.Tensor;
import keras4j.utils.Names;
import keras4j.utils.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keras files end to end: Keras-written legacy .h5 models reproduce Keras's predictions; .keras round trips. */
class KerasFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void freshSession() {
        Names.clearSession();
        Seeds.setRandomSeed(5);
    }

    private static Path fixture(String relative) throws URISyntaxException {
        return Path.of(KerasFilesTest.class.getResource("/keras-fixtures/dl4j/" + relative).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp/simple_sparse_xent_mlp_keras_2", "activations/ELU_0", "activations/LeakyReLU_0", "activations/ReLU_0",
            "activations/ReLU_1", "activations/Softmax_0", "activations/ThresholdReLU_0",
            "conv1d/conv1d_k2_s1_d1_cl_same",
            "conv1d/conv1d_k2_s1_d2_cf_valid",
            "conv1d/conv1d_k3_s1_d1_cl_same",
            "conv1d/conv1d_k3_s1_d1_cl_valid",
            "conv1d/conv1d_k3_s2_d1_cf_same",
            "conv1d/conv1d_k3_s2_d1_cl_same",
            "conv1d/conv1d_k4_s1_d2_cl_valid",
            "conv1d/conv1d_k4_s2_d1_cl_same",
            "conv1d/conv1d_k4_s3_d1_cl_valid",
            "causal_conv1d/causal_conv1d_k2_s1_d1_cl",
            "causal_conv1d/causal_conv1d_k3_s1_d1_cl",
            "causal_conv1d/causal_conv1d_k3_s1_d2_cl",
            "causal_conv1d/causal_conv1d_k3_s2_d1_cl",
            "causal_conv1d/causal_conv1d_k4_s3_d1_cl"})
    void keras2ModelsReproduceKerasPredictions(String name) throws Exception {
        Path modelFile = fixture(name + "_model.h5");
        Dl4jInputsAndOutputs io = Dl4jInputsAndOutputs.read(Dl4jInputsAndOutputs.companionOf(modelFile));
        Model model = Models.load(modelFile);
        io.assertPredicts(model, name);
        Tensor x = io.inputs().get(io.inputNames().get(0));
        // Per-layer activations, where the file stores them (Sequential models: run the layers one by one).
        if (model instanceof Sequential seq && !io.activations().isEmpty()) {
            Tensor h = x;
            int checked = 0;
            for (keras4j.layers.Layer layer : seq.layers()) {
                h = layer.apply(h);
                Tensor stored = io.activations().get(layer.name());
                if (stored == null) continue;
                assertTrue(h.allClose(stored.reshape(h.shape()), 1e-5f, 1e-5f), name + ": activations of layer " + layer.name() + " differ from Keras's");
                checked++;
            }
            assertTrue(checked > 0, name + ": no stored activation matched a layer name " + io.activations().keySet());
        }
    }

    @Test
    void weightsOnlyLegacyFileLoadsIntoASeparatelyBuiltModel() throws Exception {
        Path weights = fixture("weights_only/conv1d_k3_s1_d1_cl_same_weights.h5");
        String json = Files.readString(fixture("weights_only/conv1d_k3_s1_d1_cl_same_config.json"));
        Model model = Models.fromJson(json);
        model.loadWeights(weights.toString());
        Dl4jInputsAndOutputs io = Dl4jInputsAndOutputs.read(fixture("conv1d/conv1d_k3_s1_d1_cl_same_inputs_and_outputs.h5"));
        Tensor got = model.predict(io.inputs().get(io.inputNames().get(0)));
        assertTrue(got.allClose(io.predictions().get(io.outputNames().get(0)), 1e-5f, 1e-5f));
    }

    @Test
    void kerasArchiveRoundTripKeepsConfigWeightsAndPredictions() {
        KerasTensor a = Input.of(4), b = Input.of(3);
        KerasTensor h = new Concatenate().apply(new Dense(5).activation("relu").apply(a), b);
        Model model = new Model(List.of(a, b), List.of(new Dense(2).activation("softmax").apply(h)), "two_inputs");
        model.compile("adam", "categorical_crossentropy", "accuracy");
        List<Tensor> xs = List.of(Tensor.randomNormal(1, 0, 1, 6, 4), Tensor.randomNormal(2, 0, 1, 6, 3));
        model.fit(xs, List.of(Tensor.of(new float[] {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1}, 6, 2)), new FitOptions().epochs(1).verbose(0));
        Path file = dir.resolve("m.keras");
        model.save(file.toString());
        KerasArchive.Contents contents = KerasArchive.read(file);
        assertEquals("Functional", contents.config().get("class_name"));
        assertTrue(contents.config().containsKey("compile_config"));
        assertTrue(contents.weights().paths().contains("layers/dense/vars/0"));
        assertTrue(contents.weights().paths().contains("layers/dense_1/vars/1"));
        Model loaded = Models.load(file);
        assertEquals(model.getConfig(), loaded.getConfig());
        assertTrue(loaded.compiled());
        assertTrue(model.predict(xs, 32, 0).get(0).allClose(loaded.predict(xs, 32, 0).get(0), 0, 0));
    }

    @Test
    void weightsFilesRoundTripAndSavesAreAtomic() throws Exception {
        Sequential model = new Sequential(new Dense(3).inputShape(2), new Dropout(0.1), new Dense(1));
        Path file = dir.resolve("w.weights.h5");
        model.saveWeights(file.toString());
        byte[] first = Files.readAllBytes(file);
        Sequential other = new Sequential(new Dense(3).inputShape(2), new Dropout(0.1), new Dense(1));
        other.loadWeights(file.toString());
        for (int i = 0; i < 4; i++) assertTrue(model.getWeights().get(i).allClose(other.getWeights().get(i), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> model.saveWeights(dir.resolve("w.h5").toString()));
        assertThrows(IllegalArgumentException.class, () -> model.save(dir.resolve("m.h5").toString()));
        // A model whose weights do not fit the file fails before touching anything.
        Sequential wrong = new Sequential(new Dense(4).inputShape(2), new Dense(1));
        Tensor before = wrong.getWeights().get(0);
        KerasFileException e = assertThrows(KerasFileException.class, () -> wrong.loadWeights(file.toString()));
        assertTrue(e.getMessage().contains("layers/dense/vars/0"), e.getMessage());
        assertTrue(wrong.getWeights().get(0).allClose(before, 0, 0));
        assertArrayEquals(first, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().contains("tmp")), "no temporary files left behind");
        }
    }

    @Test
    void lambdaLayersLoadOnlyFromRegisteredFunctions() {
        Lambda.register("double_it", x -> keras4j.ops.Ops.multiply(x, 2f));
        Sequential model = new Sequential(new Dense(2).inputShape(2), new Lambda("double_it"));
        Path file = dir.resolve("lambda.keras");
        model.save(file);
        Model loaded = Models.load(file);
        Tensor x = Tensor.ones(1, 2);
        assertTrue(model.predict(x).allClose(loaded.predict(x), 0, 0));
        Sequential anonymous = new Sequential(new Dense(2).inputShape(2), new Lambda(t -> t));
        Path file2 = dir.resolve("anon.keras");
        anonymous.save(file2);
        KerasFileException e = assertThrows(KerasFileException.class, () -> Models.load(file2));
        assertTrue(e.getMessage().contains("Lambda") && e.getMessage().contains("never executes code"), e.getMessage());
    }

    @Test
    void unknownLayerClassesAreNamed() throws Exception {
        Path file = dir.resolve("unknown.keras");
        Sequential model = new Sequential(new Dense(1).inputShape(1));
        Map<String, Object> config = model.serialize();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) ((Map<String, Object>) config.get("config")).get("layers");
        layers.get(1).put("class_name", "FancyLayer");
        KerasArchive.write(file, config, ModelFiles.weightStore(model), ModelFiles.KERAS_VERSION);
        KerasFileException e = assertThrows(KerasFileException.class, () -> Models.load(file));
        assertTrue(e.getMessage().contains("FancyLayer") && e.getMessage().contains("Dense"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFilesKerasVersionDecidesWhichHardSigmoidAConfigMeans() throws Exception {
        Sequential model = new Sequential(new Dense(1).inputShape(1).activation("hard_sigmoid"));
        model.setWeights(List.of(Tensor.of(new float[] {1f}, 1, 1), Tensor.of(new float[] {0f}, 1)));
        Path saved = dir.resolve("hs.keras");
        model.save(saved);
        KerasArchive.Contents contents = KerasArchive.read(saved);
        // Keras 3.0-3.3 and 2.13-2.15 both write a plain-string dtype: only the file's keras_version tells them apart.
        List<Map<String, Object>> layers = (List<Map<String, Object>>) ((Map<String, Object>) contents.config().get("config")).get("layers");
        for (Map<String, Object> layer : layers) ((Map<String, Object>) layer.get("config")).put("dtype", "float32");
        Tensor x = Tensor.of(new float[] {1f}, 1, 1);
        Path keras3 = dir.resolve("k3.keras"), keras2 = dir.resolve("k2.keras");
        KerasArchive.write(keras3, contents.config(), contents.weights(), "3.3.3");
        KerasArchive.write(keras2, contents.config(), contents.weights(), "2.15.0");
        // Keras 3: relu6(x + 3) / 6 = 4/6; Keras 2: 0.2·x + 0.5 = 0.7.
        assertEquals(4f / 6f, Models.load(keras3).predict(x).item(), 1e-6f);
        assertEquals(0.7f, Models.load(keras2).predict(x).item(), 1e-6f);
        assertEquals(4f / 6f, model.predict(x).item(), 1e-6f);
    }
}
