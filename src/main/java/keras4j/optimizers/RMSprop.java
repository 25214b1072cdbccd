package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)}:
 * {@code v = rho v + (1 - rho) g^2}; {@code inc = lr g / sqrt(v + epsilon)} (epsilon inside the root), or centered
 * {@code a = rho a + (1 - rho) g}, {@code inc = lr g / sqrt(v - a^2 + epsilon)}; then {@code w -= inc}, or with
 * momentum {@code m = momentum m + inc; w -= m}. Slots: {@code velocity}, then {@code momentum} (momentum > 0)
 * and {@code average_gradient} (centered), each for all variables.
 */
public final class RMSprop extends AbstractOptimizer<RMSprop> {
    private double rho = 0.9;
    private double momentum;
    private double epsilon = 1e-7;
    private boolean centered;
    private List<Variable> velocities;
    private List<Variable> momentums;
    private List<Variable> averageGradients;

    public RMSprop() {
        this(0.001);
    }

    public RMSprop(double learningRate) {
        super(learningRate);
    }

    public RMSprop(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code rho=}: decay of the squared-gradient average. */
    public RMSprop rho(double rho) {
        this.rho = rho;
        return this;
    }

    /** Keras's {@code momentum=}. */
    public RMSprop momentum(double momentum) {
        if (built()) throw new IllegalStateException("RMSprop: momentum can only be set before the optimizer is built");
        this.momentum = momentum;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public RMSprop epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    /** Keras's {@code centered=}: normalize by the estimated variance instead of the second moment. */
    public RMSprop centered(boolean centered) {
        if (built()) throw new IllegalStateException("RMSprop: centered can only be set before the optimizer is built");
        this.centered = centered;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        velocities = addOptimizerVariables(vars, "velocity", 0f);
        if (momentum > 0) momentums = addOptimizerVariables(vars, "momentum", 0f);
        if (centered) averageGradients = addOptimizerVariables(vars, "average_gradient", 0f);
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        OptimizerKernels.rmsprop(Internal.array(variable.peek()), g, Internal.array(velocities.get(index).peek()),
                momentum > 0 ? Internal.array(momentums.get(index).peek()) : null, centered ? Internal.array(averageGradients.get(index).peek()) : null,
                lr, (float) rho, (float) (1 - rho), (float) momentum, (float) epsilon);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rho", rho);
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        c.put("centered", centered);
        return c;
    }

    public static RMSprop fromConfig(Map<String, Object> c) {
        RMSprop o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, RMSprop::new, RMSprop::new), c);
        return o.rho(Config.getDouble(c, "rho", 0.9)).momentum(Config.getDouble(c, "momentum", 0.0))
                .epsilon(Config.getDouble(c, "epsilon", 1e-7)).centered(Config.getBool(c, "centered", false));
    }
}
