package keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import keras4j.autograd.GradientChecker;
import keras4j.autograd.GradientTape;
import keras4j.autograd.Variable;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;

/**
 * A generic layer test in the spirit of Keras's {@code run_layer_test}: a layer declares a {@link Case} (a factory,
 * an input shape with the batch axis, and what to expect) and {@link #run} checks
 * <ol>
 *   <li>shapes: a real call's output shape equals {@code computeOutputShape}, with a concrete batch, with an unknown
 *       (-1) batch, and through a symbolic call;</li>
 *   <li>gradients: central differences ({@link GradientChecker}) agree with the tape for the output with respect to
 *       the input and every trainable weight;</li>
 *   <li>config: {@code Layers.deserialize(serialize())}, also through JSON text, gives the same config, and with the
 *       weights copied the same outputs;</li>
 *   <li>training: for layers with trainable weights, one SGD step ({@code w -= 0.1·grad} of
 *       {@code mean(square(output))} + the layer's losses) changes the weights and lowers that loss;</li>
 *   <li>masking: {@code supportsMasking} is as declared, and the output mask for a given input mask is the declared one
 *       (by default: passed through by mask-aware layers, dropped by the others).</li>
 * </ol>
 */
public final class LayerTestHarness {
    private LayerTestHarness() {}

    private static final long INPUT_SEED = 20240611L;

    /** A case: {@code inputShape} includes a concrete batch size. */
    public static Case layerCase(String name, Supplier<? extends Layer> factory, int... inputShape) {
        return new Case(name, factory, inputShape);
    }

    /** What to run a layer with and what to expect. */
    public static final class Case {
        final String name;
        final Supplier<? extends Layer> factory;
        final int[] inputShape;
        int[] expectedOutputShape;
        int trainableWeights;
        int nonTrainableWeights;
        boolean supportsMasking;
        float[] kinks = {0f};
        double gradientTolerance = 5e-3;
        Consumer<Layer> afterBuild;
        Tensor maskInput;
        Tensor inputMask;
        Function<Tensor, Tensor> expectedOutputMask;
        boolean customMaskExpectation;
        final List<Consumer<Layer>> extraChecks = new ArrayList<>();

        private Case(String name, Supplier<? extends Layer> factory, int[] inputShape) {
            this.name = name;
            this.factory = factory;
            this.inputShape = inputShape.clone();
        }

        /** The expected output shape with the concrete batch size. */
        public Case outputShape(int... shape) {
            this.expectedOutputShape = shape.clone();
            return this;
        }

        /** The expected numbers of trainable and non-trainable weights (both 0 by default). */
        public Case weights(int trainable, int nonTrainable) {
            this.trainableWeights = trainable;
            this.nonTrainableWeights = nonTrainable;
            return this;
        }

        /** Declares the layer mask-aware: an input mask passes through unless {@link #outputMask} says otherwise. */
        public Case supportsMasking() {
            this.supportsMasking = true;
            return this;
        }

        /** Points where the layer is not differentiable; random inputs keep 0.1 away from them (default {0}). */
        public Case kinks(float... kinks) {
            this.kinks = kinks.clone();
            return this;
        }

        public Case gradientTolerance(double tolerance) {
            this.gradientTolerance = tolerance;
            return this;
        }

        /** Runs after the first build, e.g. to set weights away from a degenerate initial value. */
        public Case afterBuild(Consumer<Layer> action) {
            this.afterBuild = action;
            return this;
        }

        /** The input mask to feed (default: a mask over the first non-batch axis with some zeros). */
        public Case inputMask(Tensor mask) {
            this.inputMask = mask;
            return this;
        }

        /** The input used for the masking check (default: the random input). */
        public Case maskInput(Tensor input) {
            this.maskInput = input;
            return this;
        }

        /** The expected output mask, computed from the masking check's input (null result: no mask). */
        public Case outputMask(Function<Tensor, Tensor> expected) {
            this.expectedOutputMask = expected;
            this.customMaskExpectation = true;
            return this;
        }

        /** A further check on a built, called layer. */
        public Case check(Consumer<Layer> check) {
            this.extraChecks.add(check);
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Runs every check of the case; failures name the case. */
    public static void run(Case c) {
        Tensor x = input(c);
        Layer layer = built(c, x);
        Tensor out = layer.apply(x);
        checkShapes(c, layer, out);
        checkWeightCounts(c, layer);
        checkGradients(c, layer, x);
        checkConfigRoundTrip(c, layer, x, out);
        if (!layer.trainableWeights().isEmpty()) checkTrainingStep(c, layer, x);
        checkMasking(c, x);
        for (Consumer<Layer> check : c.extraChecks) check.accept(layer);
    }

    /** A random input in [-1, 1] kept 0.1 away from the case's kinks, so finite differences do not straddle them. */
    static Tensor input(Case c) {
        Tensor x = Tensor.randomUniform(INPUT_SEED, -1f, 1f, c.inputShape);
        float[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            for (float k : c.kinks) {
                if (Math.abs(d[i] - k) < 0.1f) d[i] = d[i] >= k ? k + 0.1f + Math.abs(d[i] - k) : k - 0.1f - Math.abs(d[i] - k);
            }
        }
        return x;
    }

    private static Layer built(Case c, Tensor x) {
        Layer layer = c.factory.get();
        layer.ensureBuilt(List.of(x.shape()));
        if (c.afterBuild != null) c.afterBuild.accept(layer);
        return layer;
    }

    private static int[] withBatch(int[] shape, int batch) {
        int[] s = shape.clone();
        s[0] = batch;
        return s;
    }

    private static void checkShapes(Case c, Layer layer, Tensor out) {
        assertArrayEquals(out.shape(), layer.computeOutputShape(c.inputShape), c.name + ": computeOutputShape vs a real call");
        if (c.expectedOutputShape != null) assertArrayEquals(c.expectedOutputShape, out.shape(), c.name + ": output shape");
        Layer fresh = c.factory.get();
        assertArrayEquals(withBatch(out.shape(), -1), fresh.computeOutputShape(withBatch(c.inputShape, -1)), c.name + ": computeOutputShape with batch None");
        int[] sample = Arrays.copyOfRange(c.inputShape, 1, c.inputShape.length);
        KerasTensor symbolic = c.factory.get().apply(new InputLayer(sample).output());
        assertArrayEquals(withBatch(out.shape(), -1), symbolic.dims(), c.name + ": symbolic call");
    }

    private static void checkWeightCounts(Case c, Layer layer) {
        assertEquals(c.trainableWeights, layer.trainableWeights().size(), c.name + ": trainable weights");
        assertEquals(c.nonTrainableWeights, layer.nonTrainableWeights().size(), c.name + ": non-trainable weights");
    }

    private static void checkGradients(Case c, Layer layer, Tensor x) {
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x.copy());
        for (Variable v : layer.trainableWeights()) inputs.add(v.peek());
        GradientChecker.Result r = GradientChecker.check(in -> layer.apply(in[0], false), 1e-2, inputs.toArray(new Tensor[0]));
        assertTrue(r.maxError() <= c.gradientTolerance, c.name + ": gradient check: " + r);
    }

    private static void checkConfigRoundTrip(Case c, Layer layer, Tensor x, Tensor out) {
        Map<String, Object> serialized = layer.serialize();
        assertEquals("keras.layers", serialized.get("module"), c.name + ": module");
        assertEquals(layer.className(), serialized.get("class_name"), c.name + ": class_name");
        String config = Json.write(layer.getConfig());
        Layer direct = Layers.deserialize(serialized);
        assertEquals(config, Json.write(direct.getConfig()), c.name + ": config after deserialize");
        Layer viaJson = Layers.deserialize(Json.readObject(Json.write(serialized)));
        assertEquals(config, Json.write(viaJson.getConfig()), c.name + ": config after a JSON round trip");
        viaJson.ensureBuilt(List.of(x.shape()));
        viaJson.setWeights(layer.getWeights());
        Tensor again = viaJson.apply(x);
        assertArrayEquals(out.shape(), again.shape(), c.name + ": restored output shape");
        assertArrayEquals(out.toFloatArray(), again.toFloatArray(), 1e-6f, c.name + ": restored layer's output");
    }

    private static float lossOf(Layer layer, Tensor x) {
        Tensor loss = Ops.mean(Ops.square(layer.apply(x, true)));
        for (Tensor l : layer.losses()) loss = Ops.add(loss, l);
        return loss.item();
    }

    private static void checkTrainingStep(Case c, Layer layer, Tensor x) {
        List<Variable> ws = layer.trainableWeights();
        List<Tensor> before = new ArrayList<>();
        for (Variable v : ws) before.add(v.peek().copy());
        float loss0;
        List<Tensor> grads;
        try (GradientTape tape = new GradientTape()) {
            List<Tensor> values = new ArrayList<>();
            for (Variable v : ws) values.add(v.value());
            Tensor loss = Ops.mean(Ops.square(layer.apply(x, true)));
            for (Tensor l : layer.losses()) loss = Ops.add(loss, l);
            loss0 = loss.item();
            grads = tape.gradient(loss, values);
        }
        for (int i = 0; i < ws.size(); i++) {
            Variable v = ws.get(i);
            Tensor updated = v.peek().sub(grads.get(i).mul(0.1f));
            UnaryOperator<Tensor> constraint = v.constraint();
            v.assign(constraint == null ? updated : constraint.apply(updated));
        }
        boolean changed = false;
        for (int i = 0; i < ws.size(); i++) changed |= !Arrays.equals(before.get(i).data(), ws.get(i).peek().data());
        assertTrue(changed, c.name + ": one SGD step should change the trainable weights");
        float loss1 = GradientTape.withoutRecording(() -> lossOf(layer, x));
        assertTrue(loss1 < loss0, c.name + ": one SGD step should lower mean(square(output)): " + loss0 + " -> " + loss1);
    }

    private static Tensor defaultMask(int[] inputShape) {
        if (inputShape.length < 2) return null;
        int batch = inputShape[0], steps = inputShape[1];
        Tensor m = Tensor.ones(batch, steps);
        float[] d = m.data();
        for (int b = 0; b < batch; b++) d[b * steps + steps - 1 - (b % steps)] = 0f;
        return m;
    }

    private static void checkMasking(Case c, Tensor x) {
        Layer layer = c.factory.get();
        assertEquals(c.supportsMasking, layer.supportsMasking(), c.name + ": supportsMasking");
        Tensor in = c.maskInput != null ? c.maskInput : x;
        Tensor mask = c.inputMask != null ? c.inputMask : defaultMask(in.shape());
        if (mask == null && !c.customMaskExpectation) return;
        layer.ensureBuilt(List.of(in.shape()));
        if (c.afterBuild != null) c.afterBuild.accept(layer);
        List<Tensor> masks = new ArrayList<>();
        masks.add(mask);
        Tensor out = layer.invoke(List.of(in), masks, false).get(0);
        assertNotNull(out, c.name + ": masked call");
        Tensor outMask = layer.computeMask(in, mask);
        Tensor expected = c.customMaskExpectation ? c.expectedOutputMask.apply(in) : c.supportsMasking ? mask : null;
        if (expected == null) {
            assertNull(outMask, c.name + ": output mask should be dropped");
        } else {
            assertNotNull(outMask, c.name + ": output mask");
            assertArrayEquals(expected.shape(), outMask.shape(), c.name + ": output mask shape");
            assertArrayEquals(expected.toFloatArray(), outMask.toFloatArray(), c.name + ": output mask");
        }
    }
}
