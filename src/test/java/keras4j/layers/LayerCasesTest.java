package keras4j.layers;

import static keras4j.layers.LayerTestHarness.layerCase;
import static keras4j.layers.LayerTestHarness.mergeCase;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import keras4j.layers.LayerTestHarness.Case;
import keras4j.initializers.Constant;
import keras4j.models.Model;
import keras4j.models.Sequential;
import keras4j.ops.Ops;
import keras4j.regularizers.L1L2;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered layer through {@link LayerTestHarness} (shape, gradient check, config round trip, training step, masks);
 * {@link #everyRegisteredLayerHasACase} fails, naming it, when a layer of the library has no case here.
 */
class LayerCasesTest {

    static {
        Lambda.register("harness_affine", x -> Ops.add(Ops.multiply(x, 2f), 1f));
        Lambda.register("harness_pairs", x -> Ops.reshape(x, x.dim(0), -1, 2));
    }

    /** Input (2, 3, 2) whose timestep 1 of sample 0 and timestep 2 of sample 1 are all zeros. */
    private static Tensor zeroTimesteps() {
        return Tensor.of(new float[] {0.5f, -0.3f, 0f, 0f, 0.2f, 0f, -0.7f, 0.1f, 0.4f, 0.9f, 0f, 0f}, 2, 3, 2);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // core
                layerCase("Dense(3)", () -> new Dense(3), 2, 4).outputShape(2, 3).weights(2, 0).supportsMasking(),
                layerCase("Dense(5, tanh) on rank 3", () -> new Dense(5).activation("tanh"), 2, 3, 4).outputShape(2, 3, 5).weights(2, 0)
                        .supportsMasking(),
                layerCase("Dense(2, use_bias=False) on rank 4", () -> new Dense(2).useBias(false).kernelInitializer("he_normal"), 2, 2, 3, 4)
                        .outputShape(2, 2, 3, 2).weights(1, 0).supportsMasking(),
                layerCase("Dense(4) regularized and constrained", () -> new Dense(4).activation("sigmoid").kernelRegularizer("l2")
                        .biasRegularizer(new L1L2(0.01, 0.0)).activityRegularizer("l1").kernelConstraint("max_norm").biasConstraint("non_neg")
                        .biasInitializer(new Constant(0.1)), 3, 5).weights(2, 0).supportsMasking()
                        .check(l -> org.junit.jupiter.api.Assertions.assertEquals(3, l.losses().size(), "kernel, bias and activity penalties")),
                layerCase("Activation(tanh)", () -> new Activation("tanh"), 2, 3, 4).supportsMasking(),
                layerCase("Activation(relu)", () -> new Activation("relu"), 2, 5).supportsMasking(),
                layerCase("Activation(softmax)", () -> new Activation("softmax"), 2, 3, 4).supportsMasking(),
                layerCase("Lambda(registered, inferred shape)", () -> new Lambda("harness_affine"), 2, 3, 4),
                layerCase("Lambda(output_shape)", () -> new Lambda("harness_pairs").outputShape(6, 2), 2, 3, 4).outputShape(2, 6, 2),
                layerCase("Masking()", Masking::new, 2, 3, 2).supportsMasking()
                        .maskInput(zeroTimesteps())
                        .outputMask(x -> Tensor.of(new float[] {1, 0, 1, 1, 1, 0}, 2, 3)),
                layerCase("Masking(0.5)", () -> new Masking(0.5), 2, 4, 3).supportsMasking()
                        .outputMask(x -> Tensor.ones(2, 4)),
                // regularization
                layerCase("Dropout(0.5)", () -> new Dropout(0.5), 2, 3, 4).supportsMasking(),
                layerCase("Dropout(0.3, noise_shape, seed)", () -> new Dropout(0.3).noiseShape(-1, 1, -1).seed(7), 2, 3, 4).supportsMasking(),
                layerCase("ActivityRegularization(0.01, 0.02)", () -> new ActivityRegularization(0.01, 0.02), 2, 6).supportsMasking()
                        .kinks(),
                // reshaping
                layerCase("Flatten()", Flatten::new, 2, 3, 4).outputShape(2, 12),
                layerCase("Flatten() rank 2", Flatten::new, 3, 5).outputShape(3, 5),
                layerCase("Flatten(channels_first)", () -> new Flatten("channels_first"), 2, 3, 2, 2).outputShape(2, 12),
                layerCase("Reshape(2, -1)", () -> new Reshape(2, -1), 2, 3, 4).outputShape(2, 2, 6),
                layerCase("Reshape(12)", () -> new Reshape(12), 2, 3, 4).outputShape(2, 12),
                layerCase("Permute(2, 1)", () -> new Permute(2, 1), 2, 3, 4).outputShape(2, 4, 3),
                layerCase("Permute(3, 1, 2)", () -> new Permute(3, 1, 2), 2, 2, 3, 4).outputShape(2, 4, 2, 3),
                layerCase("RepeatVector(3)", () -> new RepeatVector(3), 2, 4).outputShape(2, 3, 4),
                // activations
                layerCase("ReLU()", ReLU::new, 2, 3, 4).supportsMasking(),
                layerCase("ReLU(max_value=0.5, negative_slope=0.1, threshold=0.2)", () -> new ReLU(0.5, 0.1, 0.2), 2, 3, 4).supportsMasking()
                        .kinks(0.2f, 0.5f),
                layerCase("LeakyReLU()", LeakyReLU::new, 2, 5).supportsMasking(),
                layerCase("LeakyReLU(0.1)", () -> new LeakyReLU(0.1), 2, 3, 4).supportsMasking(),
                layerCase("PReLU()", PReLU::new, 2, 3, 4).weights(1, 0).supportsMasking()
                        .afterBuild(l -> l.setWeights(java.util.List.of(Tensor.full(0.25f, 3, 4)))),
                layerCase("PReLU(shared_axes=(1,), alpha=0.1)", () -> new PReLU().sharedAxes(1).alphaInitializer(new Constant(0.1)), 2, 3, 4)
                        .weights(1, 0).supportsMasking()
                        .check(l -> org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 4}, l.weights().get(0).shape())),
                layerCase("ELU(0.7)", () -> new ELU(0.7), 2, 3, 4).supportsMasking(),
                layerCase("ThresholdedReLU(0.5)", () -> new ThresholdedReLU(0.5), 2, 3, 4).supportsMasking().kinks(0.5f),
                layerCase("Softmax()", Softmax::new, 2, 3, 4).supportsMasking().kinks()
                        .inputMask(Tensor.of(new float[] {1, 1, 0, 1, 0, 1, 1, 1}, 2, 1, 4)),
                layerCase("Softmax(axis=(1, 2))", () -> new Softmax(1, 2), 2, 3, 4).supportsMasking().kinks()
                        .inputMask(Tensor.of(new float[] {1, 0, 1, 1, 1, 0}, 2, 3, 1)),
                // merging
                mergeCase("Add()", Add::new, new int[] {2, 3, 4}, new int[] {2, 3, 4}).supportsMasking(),
                mergeCase("Subtract()", Subtract::new, new int[] {2, 3, 4}, new int[] {2, 3, 4}).supportsMasking(),
                mergeCase("Multiply()", Multiply::new, new int[] {2, 3, 4}, new int[] {2, 3, 4}).supportsMasking(),
                mergeCase("Average()", Average::new, new int[] {2, 3, 4}, new int[] {2, 3, 4}).supportsMasking(),
                mergeCase("Maximum()", Maximum::new, new int[] {2, 3, 4}, new int[] {2, 3, 4}).supportsMasking(),
                mergeCase("Minimum()", Minimum::new, new int[] {2, 3, 4}, new int[] {2, 3, 4}).supportsMasking(),
                mergeCase("Concatenate()", Concatenate::new, new int[] {2, 3, 4}, new int[] {2, 3, 2}).outputShape(2, 3, 6).supportsMasking(),
                mergeCase("Dot(1)", () -> new Dot(1), new int[] {2, 4}, new int[] {2, 4}).outputShape(2, 1).supportsMasking().outputMask(x -> null),
                // convolution
                layerCase("Conv1D(3, 3)", () -> new Conv1D(3, 3), 2, 7, 2).outputShape(2, 5, 3).weights(2, 0),
                layerCase("Conv2D(3, 2x2)", () -> new Conv2D(3, 2, 2), 2, 5, 5, 2).outputShape(2, 4, 4, 3).weights(2, 0),
                layerCase("Conv3D(2, 2x2x2)", () -> new Conv3D(2, 2, 2, 2), 2, 3, 4, 4, 2).outputShape(2, 2, 3, 3, 2).weights(2, 0),
                layerCase("Conv1DTranspose(3, 3)", () -> new Conv1DTranspose(3, 3), 2, 5, 2).outputShape(2, 7, 3).weights(2, 0),
                layerCase("Conv2DTranspose(2, 2x2)", () -> new Conv2DTranspose(2, 2, 2), 2, 4, 4, 2).outputShape(2, 5, 5, 2).weights(2, 0),
                layerCase("Conv3DTranspose(2, 2x2x2)", () -> new Conv3DTranspose(2, 2, 2, 2), 2, 3, 3, 3, 2).outputShape(2, 4, 4, 4, 2).weights(2, 0),
                layerCase("SeparableConv1D(3, 3)", () -> new SeparableConv1D(3, 3), 2, 7, 2).outputShape(2, 5, 3).weights(3, 0),
                layerCase("SeparableConv2D(3, 2x2)", () -> new SeparableConv2D(3, 2, 2), 2, 5, 5, 2).outputShape(2, 4, 4, 3).weights(3, 0),
                layerCase("DepthwiseConv1D(3)", () -> new DepthwiseConv1D(3), 2, 7, 2).outputShape(2, 5, 2).weights(2, 0),
                layerCase("DepthwiseConv2D(2x2)", () -> new DepthwiseConv2D(2, 2), 2, 5, 5, 2).outputShape(2, 4, 4, 2).weights(2, 0),
                // pooling
                layerCase("MaxPooling1D(2)", () -> new MaxPooling1D(2), 2, 6, 3).outputShape(2, 3, 3),
                layerCase("MaxPooling2D(2x2)", () -> new MaxPooling2D(2, 2), 2, 4, 4, 2).outputShape(2, 2, 2, 2),
                layerCase("MaxPooling3D(2x2x2)", () -> new MaxPooling3D(2, 2, 2), 2, 4, 4, 4, 1).outputShape(2, 2, 2, 2, 1),
                layerCase("AveragePooling1D(2)", () -> new AveragePooling1D(2), 2, 6, 3).outputShape(2, 3, 3),
                layerCase("AveragePooling2D(2x2)", () -> new AveragePooling2D(2, 2), 2, 4, 4, 2).outputShape(2, 2, 2, 2),
                layerCase("AveragePooling3D(2x2x2)", () -> new AveragePooling3D(2, 2, 2), 2, 4, 4, 4, 1).outputShape(2, 2, 2, 2, 1),
                layerCase("GlobalMaxPooling1D()", GlobalMaxPooling1D::new, 2, 5, 3).outputShape(2, 3),
                layerCase("GlobalMaxPooling2D()", GlobalMaxPooling2D::new, 2, 3, 3, 2).outputShape(2, 2),
                layerCase("GlobalMaxPooling3D()", GlobalMaxPooling3D::new, 2, 2, 3, 3, 2).outputShape(2, 2),
                layerCase("GlobalAveragePooling1D()", GlobalAveragePooling1D::new, 2, 5, 3).outputShape(2, 3).supportsMasking().outputMask(x -> null),
                layerCase("GlobalAveragePooling2D()", GlobalAveragePooling2D::new, 2, 3, 3, 2).outputShape(2, 2),
                layerCase("GlobalAveragePooling3D()", GlobalAveragePooling3D::new, 2, 2, 3, 3, 2).outputShape(2, 2),
                // normalization
                layerCase("BatchNormalization()", BatchNormalization::new, 2, 3, 4).weights(2, 2).supportsMasking(),
                layerCase("LayerNormalization()", LayerNormalization::new, 2, 3, 4).weights(2, 0).supportsMasking(),
                // resizing, padding, cropping
                layerCase("UpSampling1D(2)", () -> new UpSampling1D(2), 2, 3, 2).outputShape(2, 6, 2),
                layerCase("UpSampling2D(2x2)", () -> new UpSampling2D(2, 2), 2, 2, 3, 2).outputShape(2, 4, 6, 2),
                layerCase("UpSampling3D(2x2x2)", () -> new UpSampling3D(2, 2, 2), 2, 2, 2, 2, 1).outputShape(2, 4, 4, 4, 1),
                layerCase("ZeroPadding1D(1)", () -> new ZeroPadding1D(1), 2, 3, 2).outputShape(2, 5, 2),
                layerCase("ZeroPadding2D(1)", () -> new ZeroPadding2D(1), 2, 2, 3, 2).outputShape(2, 4, 5, 2),
                layerCase("ZeroPadding3D(1)", () -> new ZeroPadding3D(1), 2, 2, 2, 2, 1).outputShape(2, 4, 4, 4, 1),
                layerCase("Cropping1D(1)", () -> new Cropping1D(1), 2, 5, 2).outputShape(2, 3, 2),
                layerCase("Cropping2D(1)", () -> new Cropping2D(1), 2, 4, 4, 2).outputShape(2, 2, 2, 2),
                layerCase("Cropping3D(1)", () -> new Cropping3D(1), 2, 4, 4, 4, 1).outputShape(2, 2, 2, 2, 1),
                layerCase("SpatialDropout1D(0.5)", () -> new SpatialDropout1D(0.5), 2, 3, 4),
                layerCase("SpatialDropout2D(0.5)", () -> new SpatialDropout2D(0.5), 2, 3, 3, 2),
                layerCase("SpatialDropout3D(0.5)", () -> new SpatialDropout3D(0.5), 2, 2, 2, 2, 2),
                // embedding and recurrent
                layerCase("Embedding(5, 3)", () -> new Embedding(5, 3), 2, 4).integerInputs(5).outputShape(2, 4, 3).weights(1, 0).outputMask(x -> null),
                layerCase("SimpleRNN(3)", () -> new SimpleRNN(3), 2, 4, 2).outputShape(2, 3).weights(3, 0).supportsMasking().outputMask(x -> null),
                layerCase("LSTM(2)", () -> new LSTM(2), 2, 4, 2).outputShape(2, 2).weights(3, 0).supportsMasking().outputMask(x -> null),
                layerCase("GRU(2)", () -> new GRU(2), 2, 4, 2).outputShape(2, 2).weights(3, 0).supportsMasking().outputMask(x -> null),
                layerCase("Bidirectional(LSTM(2))", () -> new Bidirectional(new LSTM(2)), 2, 4, 2).outputShape(2, 4).weights(6, 0).supportsMasking()
                        .outputMask(x -> null),
                layerCase("TimeDistributed(Dense(3))", () -> new TimeDistributed(new Dense(3)), 2, 4, 2).outputShape(2, 4, 3).weights(2, 0)
                        .supportsMasking(),
                // models are layers too
                layerCase("Sequential(Dense(3), tanh)", () -> new Sequential(new Dense(3).activation("tanh")), 2, 4).outputShape(2, 3).weights(2, 0),
                layerCase("Functional(Dense(3))", () -> {
                    KerasTensor in = Input.of(4);
                    return new Model(in, new Dense(3).apply(in));
                }, 2, 4).outputShape(2, 3).weights(2, 0));
    }

    /**
     * Registered names that need no case of their own, each with the reason: a second name of a covered class, or a
     * layer that is never called on tensors.
     */
    private static final Map<String, String> WITHOUT_CASE = Map.of(
            "Model", "Keras 2's class name of a functional model: it rebuilds a Functional, whose case covers it",
            "InputLayer", "the graph's entry, never called on tensors: every symbolic call of the harness goes through one");

    /** The library's own registered layers: top-level classes of keras4j.layers and the LayerProviders' (the models). */
    private static Set<String> libraryLayers() {
        Set<String> names = new TreeSet<>();
        for (LayerProvider p : ServiceLoader.load(LayerProvider.class)) names.addAll(p.layers().keySet());
        for (String n : Layers.registeredNames()) {
            try {
                if (Layer.class.isAssignableFrom(Class.forName("keras4j.layers." + n))) names.add(n);
            } catch (ClassNotFoundException e) {
                // a custom layer registered by some test, not the library's
            }
        }
        return names;
    }

    /** Every layer of the library has a harness case: a new layer's test is one line in {@link #cases()}. */
    @Test
    void everyRegisteredLayerHasACase() {
        Set<String> covered = cases().map(c -> c.factory.get().className()).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = libraryLayers().stream().filter(n -> !covered.contains(n) && !WITHOUT_CASE.containsKey(n)).toList();
        assertTrue(missing.isEmpty(), () -> "Layers.registeredNames() has layers without a harness case: " + missing
                + ". Add one line per layer to LayerCasesTest.cases(), e.g. layerCase(\"" + missing.get(0) + "(...)\", () -> new " + missing.get(0)
                + "(...), 2, 3, 4) with the batch in the input shape, then .outputShape(...), .weights(trainable, nonTrainable), .supportsMasking()"
                + " as Keras declares them (mergeCase(...) for layers of several inputs).");
        assertTrue(Layers.registeredNames().containsAll(WITHOUT_CASE.keySet()), "the exemptions name registered layers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layerPassesTheHarness(Case c) {
        LayerTestHarness.run(c);
    }
}
