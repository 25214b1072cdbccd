package keras4j.layers;

import static keras4j.layers.LayerTestHarness.layerCase;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.initializers.Initializers;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The harness must catch the mistakes it is there for; each layer here has exactly one. */
class LayerTestHarnessTest {

    /** The bug every {@link Scale} has during one test (also the ones rebuilt from configs). */
    enum Bug { NONE, LIE_ABOUT_SHAPE, UNTRACKED_OP, FORGET_SCALE_IN_CONFIG, IGNORE_WEIGHT }

    static Bug bug = Bug.NONE;

    /** {@code y = x·scale + w} with a weight {@code w} of the last axis, and the current {@link #bug}. */
    static final class Scale extends AbstractLayer<Scale> {
        final double scale;
        Variable w;

        Scale(double scale) {
            this.scale = scale;
        }

        @Override
        public void build(int[] inputShape) {
            w = addWeight("w", new int[] {inputShape[inputShape.length - 1]}, s -> Initializers.get("ones").call(s), true);
        }

        @Override
        protected Tensor call(Tensor inputs, boolean training) {
            Tensor y = bug == Bug.UNTRACKED_OP ? inputs.mul((float) scale) : Ops.multiply(inputs, (float) scale);
            return bug == Bug.IGNORE_WEIGHT ? y : Ops.add(y, w.value());
        }

        @Override
        public int[] computeOutputShape(int[] inputShape) {
            int[] s = inputShape.clone();
            if (bug == Bug.LIE_ABOUT_SHAPE) s[s.length - 1]++;
            return s;
        }

        @Override
        public Map<String, Object> getConfig() {
            Map<String, Object> c = super.getConfig();
            if (bug != Bug.FORGET_SCALE_IN_CONFIG) c.put("scale", scale);
            return c;
        }

        static Scale fromConfig(Map<String, Object> c) {
            Scale s = new Scale(Config.getDouble(c, "scale", 1.0));
            s.applyBaseConfig(c);
            return s;
        }
    }

    static {
        Layers.register("Scale", Scale::fromConfig);
    }

    private static LayerTestHarness.Case scaleCase(Bug withBug) {
        bug = withBug;
        return layerCase("scale", () -> new Scale(1.5), 2, 3).weights(1, 0);
    }

    @AfterEach
    void noBug() {
        bug = Bug.NONE;
    }

    @Test
    void aCorrectLayerPasses() {
        LayerTestHarness.run(scaleCase(Bug.NONE));
    }

    @Test
    void catchesAWrongComputeOutputShape() {
        AssertionError e = assertThrows(AssertionError.class, () -> LayerTestHarness.run(scaleCase(Bug.LIE_ABOUT_SHAPE)));
        assertTrue(e.getMessage().contains("computeOutputShape"), e.getMessage());
    }

    @Test
    void catchesAnOperationOutsideTheTape() {
        // Tensor.mul on the tracked input fails at once, naming the recording op, before a gradient could be lost.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LayerTestHarness.run(scaleCase(Bug.UNTRACKED_OP)));
        assertTrue(e.getMessage().startsWith("Tensor.mul records nothing on the GradientTape"), e.getMessage());
        assertTrue(e.getMessage().contains("Use Ops.multiply"), e.getMessage());
    }

    @Test
    void catchesAnOptionMissingFromTheConfig() {
        AssertionError e = assertThrows(AssertionError.class, () -> LayerTestHarness.run(scaleCase(Bug.FORGET_SCALE_IN_CONFIG)));
        assertTrue(e.getMessage().contains("restored layer's output"), e.getMessage());
    }

    @Test
    void catchesAWeightThatTrainingCannotMove() {
        AssertionError e = assertThrows(AssertionError.class, () -> LayerTestHarness.run(scaleCase(Bug.IGNORE_WEIGHT)));
        assertTrue(e.getMessage().contains("SGD step"), e.getMessage());
    }

    @Test
    void catchesAWrongMaskingDeclaration() {
        AssertionError e = assertThrows(AssertionError.class, () -> LayerTestHarness.run(scaleCase(Bug.NONE).supportsMasking()));
        assertTrue(e.getMessage().contains("supportsMasking"), e.getMessage());
    }
}
