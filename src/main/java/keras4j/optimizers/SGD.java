package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}: gradient descent
 * {@code w -= lr g}; with momentum {@code m = momentum m - lr g; w += m}, or with Nesterov
 * {@code w += momentum m - lr g} (m already updated). Slot {@code momentum} per variable only when momentum != 0.
 */
public final class SGD extends AbstractOptimizer<SGD> {
    private double momentum;
    private boolean nesterov;
    private List<Variable> momentums = List.of();

    public SGD() {
        this(0.01);
    }

    public SGD(double learningRate) {
        super(learningRate);
    }

    public SGD(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code momentum=}, in [0, 1]. */
    public SGD momentum(double momentum) {
        if (momentum < 0 || momentum > 1) throw new IllegalArgumentException("`momentum` must be a float between [0, 1]. Received: momentum=" + momentum);
        if (built()) throw new IllegalStateException("SGD: momentum can only be set before the optimizer is built");
        this.momentum = momentum;
        return this;
    }

    /** Keras's {@code nesterov=}: Nesterov momentum. */
    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        if (momentum != 0) momentums = addOptimizerVariables(vars, "momentum", 0f);
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        float[] w = Internal.array(variable.peek());
        if (momentum != 0) OptimizerKernels.sgdMomentum(w, g, Internal.array(momentums.get(index).peek()), lr, (float) momentum, nesterov);
        else OptimizerKernels.sgd(w, g, lr);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("momentum", momentum);
        c.put("nesterov", nesterov);
        return c;
    }

    public static SGD fromConfig(Map<String, Object> c) {
        SGD o = Optimizers.create(c, 0.01, SGD::new, SGD::new);
        return Optimizers.withBaseConfig(o, c).momentum(Config.getDouble(c, "momentum", 0.0)).nesterov(Config.getBool(c, "nesterov", false));
    }
}
