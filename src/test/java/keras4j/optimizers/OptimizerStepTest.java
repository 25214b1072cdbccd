package keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.ExponentialDecay;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The shared parts of a step: clipping, weight decay, constraints, schedules, EMA, accumulation, bookkeeping. */
class OptimizerStepTest {

    static Variable var(String name, float... values) {
        return new Variable(name, Tensor.vector(values), true);
    }

    static float[] f(double... v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (float) v[i];
        return r;
    }

    @Test
    void clipnormRescalesEachGradient() {
        Variable a = var("a", 0, 0), b = var("b", 0, 0);
        SGD opt = new SGD(1.0).clipnorm(1.0);
        // ||(3, 4)|| = 5 > 1 -> (0.6, 0.8); ||(0.3, 0.4)|| = 0.5 is kept.
        opt.applyGradients(List.of(Tensor.vector(3, 4), Tensor.vector(0.3f, 0.4f)), List.of(a, b));
        assertArrayEquals(f(-0.6, -0.8), a.peek().toFloatArray(), 1e-6f);
        assertArrayEquals(f(-0.3, -0.4), b.peek().toFloatArray(), 1e-6f);
    }

    @Test
    void globalClipnormScalesAllGradientsTogether() {
        Variable a = var("a", 0, 0), b = var("b", 0);
        SGD opt = new SGD(1.0).globalClipnorm(2.0);
        // Global norm sqrt(9 + 16 + 144) = 13 -> scale 2/13.
        Tensor ga = Tensor.vector(3, 4), gb = Tensor.vector(12);
        opt.applyGradients(List.of(ga, gb), List.of(a, b));
        double s = 2.0 / 13;
        assertArrayEquals(f(-3 * s, -4 * s), a.peek().toFloatArray(), 1e-6f);
        assertArrayEquals(f(-12 * s), b.peek().toFloatArray(), 1e-6f);
        assertArrayEquals(f(3, 4), ga.toFloatArray(), "the caller's gradients are not modified");
        // Below the threshold nothing changes; an all-zero gradient stays zero.
        Variable c = var("c", 1, 1);
        SGD opt2 = new SGD(1.0).globalClipnorm(100.0);
        opt2.applyGradients(List.of(Tensor.vector(0.5f, -0.5f)), List.of(c));
        assertArrayEquals(f(0.5, 1.5), c.peek().toFloatArray(), 1e-6f);
        opt2.applyGradients(List.of(Tensor.vector(0, 0)), List.of(c));
        assertArrayEquals(f(0.5, 1.5), c.peek().toFloatArray(), 1e-6f);
    }

    @Test
    void clipvalueClipsEachElement() {
        Variable a = var("a", 0, 0, 0);
        new SGD(1.0).clipvalue(0.5).applyGradients(List.of(Tensor.vector(2, -3, 0.25f)), List.of(a));
        assertArrayEquals(f(-0.5, 0.5, -0.25), a.peek().toFloatArray(), 1e-7f);
    }

    @Test
    void onlyOneClippingOption() {
        assertThrows(IllegalArgumentException.class, () -> new Adam().clipnorm(1.0).clipvalue(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Adam().globalClipnorm(1.0).clipnorm(1.0));
    }

    @Test
    void weightDecayIsDecoupledAndAppliedFirst() {
        double lr = 0.1, wd = 0.5;
        Variable a = var("kernel", 2, -4), bias = var("bias", 1);
        SGD opt = new SGD(lr).momentum(0.9).weightDecay(wd);
        opt.excludeFromWeightDecay(null, List.of("bia"));
        opt.applyGradients(List.of(Tensor.vector(1, 1), Tensor.vector(1)), List.of(a, bias));
        // w = w - w wd lr, then momentum m = -lr g, w += m.
        assertArrayEquals(f(2 - 2 * wd * lr - lr, -4 + 4 * wd * lr - lr), a.peek().toFloatArray(), 1e-6f);
        assertArrayEquals(f(1 - lr), bias.peek().toFloatArray(), 1e-6f);
        Variable c = var("c", 1);
        Adam adam = new Adam().weightDecay(0.1);
        adam.excludeFromWeightDecay(List.of(c), null);
        adam.build(List.of(c));
        assertThrows(IllegalStateException.class, () -> adam.excludeFromWeightDecay(null, List.of("x")));
    }

    @Test
    void constraintIsAppliedAfterTheUpdate() {
        Variable a = var("a", 0.5f, -0.5f);
        a.setConstraint(t -> t.clip(-1f, 0.6f));
        new SGD(1.0).applyGradients(List.of(Tensor.vector(-1, 0.2f)), List.of(a));
        // Unconstrained update would give (1.5, -0.7).
        assertArrayEquals(f(0.6, -0.7), a.peek().toFloatArray(), 1e-6f);
    }

    @Test
    void scheduleGivesTheRateAtTheCurrentIteration() {
        ExponentialDecay schedule = new ExponentialDecay(0.1, 1, 0.5);
        SGD opt = new SGD(schedule);
        Variable a = var("a", 0);
        assertEquals(0.1f, opt.learningRate(), 1e-7);
        opt.applyGradients(List.of(Tensor.vector(1)), List.of(a));
        assertEquals(-0.1f, a.peek().item(), 1e-7);
        assertEquals(0.05f, opt.learningRate(), 1e-7);
        opt.applyGradients(List.of(Tensor.vector(1)), List.of(a));
        assertEquals(-0.15f, a.peek().item(), 1e-7);
        assertEquals(1, opt.variables().size(), "no learning-rate variable with a schedule");
        assertThrows(IllegalStateException.class, () -> opt.setLearningRate(0.3));
    }

    @Test
    void learningRateIsSettable() {
        Adam adam = new Adam();
        assertEquals(0.001f, adam.learningRate());
        adam.setLearningRate(0.05f);
        assertEquals(0.05f, adam.learningRate());
        adam.setLearningRate(0.2);
        assertEquals(0.2f, adam.learningRate());
        assertEquals(0.2f, adam.variables().get(1).peek().item());
    }

    @Test
    void variablesAreListedInKerasOrderAndCounted() {
        Variable k = var("dense_kernel", 1, 2), b = var("dense_bias", 3);
        Adam adam = new Adam();
        assertEquals(0, adam.iterations());
        adam.applyGradients(List.of(Tensor.vector(1, 1), Tensor.vector(1)), List.of(k, b));
        List<String> names = new ArrayList<>();
        for (Variable v : adam.variables()) names.add(v.name());
        assertEquals(Arrays.asList("iteration", "learning_rate", "dense_kernel_momentum", "dense_kernel_velocity",
                "dense_bias_momentum", "dense_bias_velocity"), names);
        assertEquals(1, adam.iterations());
        assertEquals(1f, adam.variables().get(0).peek().item());
    }

    @Test
    void nullGradientsSkipTheirVariableAndUnknownVariablesFail() {
        Variable a = var("a", 1), b = var("b", 1);
        SGD opt = new SGD(1.0);
        List<Tensor> grads = new ArrayList<>();
        grads.add(Tensor.vector(1));
        grads.add(null);
        opt.applyGradients(grads, List.of(a, b));
        assertEquals(0f, a.peek().item());
        assertEquals(1f, b.peek().item());
        assertThrows(IllegalArgumentException.class, () -> opt.applyGradients(List.of(Tensor.vector(1)), List.of(var("c", 0))));
        List<Tensor> none = new ArrayList<>();
        none.add(null);
        assertThrows(IllegalArgumentException.class, () -> opt.applyGradients(none, List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> opt.applyGradients(List.of(Tensor.vector(1, 2)), List.of(a)));
    }

    @Test
    void exponentialMovingAverageAndOverwrite() {
        Variable a = var("a", 1);
        SGD opt = new SGD(1.0).useEma(true).emaMomentum(0.5).emaOverwriteFrequency(3);
        // Step 1: w = 0, the average starts at w (momentum 0 on the first step).
        opt.applyGradients(List.of(Tensor.vector(1)), List.of(a));
        Variable avg = opt.variables().get(2);
        assertEquals("a_average", avg.name());
        assertEquals(0f, avg.peek().item());
        // Step 2: w = -2, avg = 0.5 * 0 + 0.5 * -2 = -1.
        opt.applyGradients(List.of(Tensor.vector(2)), List.of(a));
        assertEquals(-1f, avg.peek().item());
        // Step 3: w = -4, avg = -2.5; the third step overwrites the weight with the average.
        opt.applyGradients(List.of(Tensor.vector(2)), List.of(a));
        assertEquals(-2.5f, avg.peek().item());
        assertEquals(-2.5f, a.peek().item());
        Variable b = var("b", 5);
        SGD plain = new SGD(1.0).useEma(true);
        plain.applyGradients(List.of(Tensor.vector(1)), List.of(b));
        plain.applyGradients(List.of(Tensor.vector(1)), List.of(b));
        plain.finalizeVariableValues(List.of(b));
        assertEquals(0.99f * 4 + 0.01f * 3, b.peek().item(), 1e-6);
    }

    @Test
    void gradientAccumulationUpdatesWithTheMeanEveryNSteps() {
        Variable a = var("a", 0);
        SGD opt = new SGD(1.0).gradientAccumulationSteps(2);
        opt.applyGradients(List.of(Tensor.vector(1)), List.of(a));
        assertEquals(0f, a.peek().item());
        assertEquals(0, opt.iterations());
        opt.applyGradients(List.of(Tensor.vector(3)), List.of(a));
        assertEquals(-2f, a.peek().item());
        assertEquals(1, opt.iterations());
        assertEquals(2f, opt.variables().get(0).peek().item(), "the raw counter counts every call");
        assertEquals(0f, opt.variables().get(2).peek().item(), "accumulator reset after the update");
        assertThrows(IllegalArgumentException.class, () -> new SGD().gradientAccumulationSteps(1));
    }

    @Test
    void movingAverageFollowsEveryCallDuringAccumulation() {
        Variable a = var("a", 4);
        SGD opt = new SGD(1.0).useEma(true).emaMomentum(0.5).gradientAccumulationSteps(2);
        opt.applyGradients(List.of(Tensor.vector(1)), List.of(a));
        Variable avg = opt.variables().get(2);
        assertEquals("a_average", avg.name());
        // No update yet, but the average (momentum 0 on the first step) already tracks the weight.
        assertEquals(4f, avg.peek().item());
        opt.applyGradients(List.of(Tensor.vector(3)), List.of(a));
        assertEquals(2f, a.peek().item());
        // iterations() is still 0 during this call, so the momentum is again 0.
        assertEquals(2f, avg.peek().item());
    }

    @Test
    void lossScaleFactorDividesGradients() {
        Variable a = var("a", 0);
        new SGD(1.0).lossScaleFactor(4.0).applyGradients(List.of(Tensor.vector(2)), List.of(a));
        assertEquals(-0.5f, a.peek().item());
    }

    @Test
    void optionsThatShapeSlotsCannotChangeAfterBuild() {
        Variable a = var("a", 0);
        SGD opt = new SGD();
        opt.applyGradients(List.of(Tensor.vector(1)), List.of(a));
        assertThrows(IllegalStateException.class, () -> opt.momentum(0.9));
        assertThrows(IllegalArgumentException.class, () -> new SGD().momentum(1.5));
        assertThrows(IllegalStateException.class, () -> opt.useEma(true));
    }
}
