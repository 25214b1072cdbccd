package keras4j.layers;

import static keras4j.layers.LayerTestHarness.layerCase;

import java.util.stream.Stream;
import keras4j.layers.LayerTestHarness.Case;
import keras4j.initializers.Constant;
import keras4j.ops.Ops;
import keras4j.regularizers.L1L2;
import keras4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layer of the core, regularization, reshaping and activation families through {@link LayerTestHarness}. */
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
                        .inputMask(Tensor.of(new float[] {1, 0, 1, 1, 1, 0}, 2, 3, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layerPassesTheHarness(Case c) {
        LayerTestHarness.run(c);
    }
}
