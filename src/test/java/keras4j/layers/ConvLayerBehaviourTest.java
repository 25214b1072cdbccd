package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import keras4j.testing.GradientChecker;
import keras4j.autograd.GradientTape;
import keras4j.autograd.Variable;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Gradients through the layers, data formats, causality, weights, losses, constraints and a training step. */
class ConvLayerBehaviourTest {

    /** Smooth layers (tanh or linear), so central differences are exact enough. */
    static Map<String, Supplier<Layer>> smoothLayers() {
        Map<String, Supplier<Layer>> m = new LinkedHashMap<>();
        m.put("Conv1D causal", () -> new Conv1D(3, 3).padding("causal").dilationRate(2).activation("tanh"));
        m.put("Conv2D same strided groups", () -> new Conv2D(4, 3).strides(2).padding("same").groups(2));
        m.put("Conv3D channels_first", () -> new Conv3D(2, 2).dataFormat("channels_first").activation("tanh"));
        m.put("Conv1DTranspose", () -> new Conv1DTranspose(2, 3).strides(2).outputPadding(1));
        m.put("Conv2DTranspose same", () -> new Conv2DTranspose(2, 3).strides(2).padding("same").activation("tanh"));
        m.put("Conv3DTranspose", () -> new Conv3DTranspose(2, 2).dilationRate(2));
        m.put("DepthwiseConv1D", () -> new DepthwiseConv1D(3).depthMultiplier(2).padding("same"));
        m.put("DepthwiseConv2D channels_first", () -> new DepthwiseConv2D(2).strides(2).dataFormat("channels_first").activation("tanh"));
        m.put("SeparableConv1D", () -> new SeparableConv1D(3, 3).depthMultiplier(2));
        m.put("SeparableConv2D", () -> new SeparableConv2D(3, 2).padding("same").activation("tanh"));
        return m;
    }

    static int[] inputFor(String name) {
        if (name.startsWith("Conv1D") || name.startsWith("DepthwiseConv1D") || name.startsWith("SeparableConv1D")) return new int[] {2, 7, 4};
        if (name.startsWith("Conv3D")) return new int[] {1, 2, 3, 4, 3};
        return new int[] {1, 5, 5, 4};
    }

    @Test
    void gradientsWithRespectToInputsAndWeightsAgreeWithCentralDifferences() {
        for (Map.Entry<String, Supplier<Layer>> e : smoothLayers().entrySet()) {
            assertGradientsAgree(e.getKey(), e.getValue().get(), Tensor.randomUniform(5, -1f, 1f, inputFor(e.getKey())));
        }
    }

    /** Central differences against the tape for the input and every weight (set to small random values). */
    private static void assertGradientsAgree(String name, Layer layer, Tensor x) {
        layer.ensureBuilt(List.of(x.shape()));
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        for (Variable v : layer.trainableWeights()) {
            v.assign(Tensor.randomUniform(v.name().hashCode(), -0.5f, 0.5f, v.shape()));
            inputs.add(v.peek());
        }
        GradientChecker.Result r = GradientChecker.check(t -> layer.apply(t[0]), 1e-2, inputs.toArray(new Tensor[0]));
        assertTrue(r.maxError() < 5e-3, () -> name + ": " + r);
    }

    /**
     * Lines long enough for the direct kernels (with the Vector API): a causal Conv1D in register rows with unstaged
     * edges, a Conv3D on position vectors; both add their bias inside the convolution and get its gradient with the
     * kernel's.
     */
    @Test
    void gradientsThroughTheDirectKernelsAgreeWithCentralDifferences() {
        assertGradientsAgree("Conv1D causal, 100 steps", new Conv1D(12, 3).padding("causal").activation("tanh"),
                Tensor.randomUniform(6, -1f, 1f, 1, 100, 3));
        assertGradientsAgree("Conv3D same, width 34", new Conv3D(8, 3).padding("same").activation("tanh"),
                Tensor.randomUniform(6, -1f, 1f, 1, 2, 2, 34, 2));
    }

    @Test
    void channelsFirstGivesTheTransposedChannelsLastResult() {
        Tensor x = Tensor.randomUniform(8, -1f, 1f, 2, 6, 7, 3);
        List<Layer[]> pairs = List.of(
                new Layer[] {new Conv2D(4, 3).strides(2).padding("same"), new Conv2D(4, 3).strides(2).padding("same").dataFormat("channels_first")},
                new Layer[] {new Conv2DTranspose(2, 3).strides(2), new Conv2DTranspose(2, 3).strides(2).dataFormat("channels_first")},
                new Layer[] {new DepthwiseConv2D(3).depthMultiplier(2), new DepthwiseConv2D(3).depthMultiplier(2).dataFormat("channels_first")},
                new Layer[] {new SeparableConv2D(5, 2), new SeparableConv2D(5, 2).dataFormat("channels_first")});
        for (Layer[] p : pairs) {
            Tensor last = p[0].apply(x);
            p[1].ensureBuilt(List.of(x.permute(0, 3, 1, 2).shape()));
            List<Tensor> weights = new ArrayList<>();
            for (Tensor w : p[0].getWeights()) weights.add(Tensor.randomUniform(w.size(), -1f, 1f, w.shape()));
            p[0].setWeights(weights);
            p[1].setWeights(weights);
            last = p[0].apply(x);
            Tensor first = p[1].apply(x.permute(0, 3, 1, 2));
            assertArrayEquals(Internal.array(last.permute(0, 3, 1, 2)), Internal.array(first), 1e-5f, p[0].className());
        }
    }

    @Test
    void causalOutputsDependOnlyOnThePast() {
        for (int stride : new int[] {1, 2, 3}) {
            Conv1D conv = new Conv1D(2, 3).padding("causal").strides(stride).dilationRate(stride == 1 ? 2 : 1);
            Tensor x = Tensor.randomUniform(4, -1f, 1f, 1, 12, 2);
            Tensor y = conv.apply(x);
            for (int t = 0; t < 12; t++) {
                Tensor changed = x.copy();
                Internal.array(changed)[t * 2] += 5f;
                Tensor y2 = conv.apply(changed);
                for (int o = 0; o < y.dim(1); o++) {
                    boolean past = o * stride < t;
                    for (int f = 0; f < 2; f++) {
                        if (past) assertEquals(y.get(0, o, f), y2.get(0, o, f), 0f, "stride " + stride + ": output " + o + " changed with input " + t);
                    }
                }
            }
        }
    }

    @Test
    void weightsHaveKerasNamesShapesAndOrder() {
        Conv2D conv = new Conv2D(6, 3).groups(3);
        conv.ensureBuilt(List.of(new int[] {-1, 8, 8, 9}));
        assertEquals(List.of("kernel", "bias"), conv.weights().stream().map(Variable::name).toList());
        assertArrayEquals(new int[] {3, 3, 3, 6}, conv.kernel().shape());
        Conv3DTranspose up = new Conv3DTranspose(4, 2).useBias(false);
        up.ensureBuilt(List.of(new int[] {-1, 3, 3, 3, 7}));
        assertArrayEquals(new int[] {2, 2, 2, 4, 7}, up.kernel().shape());
        assertNull(up.bias());
        DepthwiseConv1D dw = new DepthwiseConv1D(5).depthMultiplier(3);
        dw.ensureBuilt(List.of(new int[] {-1, 20, 4}));
        assertArrayEquals(new int[] {5, 4, 3}, dw.kernel().shape());
        assertArrayEquals(new int[] {12}, dw.bias().shape());
        SeparableConv2D sep = new SeparableConv2D(8, 3).depthMultiplier(2);
        sep.ensureBuilt(List.of(new int[] {-1, 9, 9, 3}));
        assertEquals(List.of("depthwise_kernel", "pointwise_kernel", "bias"), sep.weights().stream().map(Variable::name).toList());
        assertArrayEquals(new int[] {1, 1, 6, 8}, sep.pointwiseKernel().shape());
        Conv2D mnist1 = new Conv2D(32, 3), mnist2 = new Conv2D(64, 3);
        mnist1.ensureBuilt(List.of(new int[] {-1, 28, 28, 1}));
        mnist2.ensureBuilt(List.of(new int[] {-1, 13, 13, 32}));
        assertEquals(320, mnist1.countParams());
        assertEquals(18496, mnist2.countParams());
    }

    @Test
    void regularizersAddLossesAndConstraintsAttachToWeights() {
        Conv1D conv = new Conv1D(2, 3).kernelRegularizer("l2").biasRegularizer("l1").activityRegularizer("l2").kernelConstraint("non_neg");
        Tensor x = Tensor.randomUniform(6, -1f, 1f, 4, 6, 2);
        conv.biasInitializer("ones");
        Tensor y = conv.apply(x);
        List<Tensor> losses = conv.losses();
        assertEquals(3, losses.size());
        float kernelSquares = conv.kernel().peek().square().sum().item();
        assertEquals(0.01f * kernelSquares, losses.get(0).item(), 1e-6f);
        assertEquals(0.01f * 2, losses.get(1).item(), 1e-6f);
        assertEquals(0.01f * y.square().sum().item() / 4, losses.get(2).item(), 1e-5f);
        assertNotNull(conv.kernel().constraint());
        assertNull(conv.bias().constraint());
    }

    @Test
    void aTrainingStepLowersTheLoss() {
        Tensor x = Tensor.randomUniform(9, -1f, 1f, 4, 8, 8, 3);
        Tensor target = Tensor.randomUniform(10, -1f, 1f, 4, 8, 8, 5);
        Conv2D conv = new Conv2D(5, 3).padding("same").activation("tanh");
        conv.ensureBuilt(List.of(x.shape()));
        float before = 0, after = 0;
        for (int step = 0; step < 2; step++) {
            List<Variable> ws = conv.trainableWeights();
            List<Tensor> grads;
            try (GradientTape tape = new GradientTape()) {
                Tensor loss = Ops.mean(Ops.square(Ops.subtract(conv.apply(x, true), target)));
                if (step == 0) before = loss.item();
                else after = loss.item();
                grads = tape.gradient(loss, ws.stream().map(Variable::value).toList());
            }
            for (int i = 0; i < ws.size(); i++) ws.get(i).assign(ws.get(i).peek().sub(grads.get(i).mul(0.5f)));
        }
        assertTrue(after < before, "loss " + before + " -> " + after);
    }
}
