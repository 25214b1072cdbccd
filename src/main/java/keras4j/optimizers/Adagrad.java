package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)}:
 * {@code acc += g^2; w -= lr g / sqrt(acc + epsilon)}, the accumulator (slot {@code accumulator}) starting at
 * {@code initial_accumulator_value}.
 */
public final class Adagrad extends AbstractOptimizer<Adagrad> {
    private double initialAccumulatorValue = 0.1;
    private double epsilon = 1e-7;
    private List<Variable> accumulators;

    public Adagrad() {
        this(0.001);
    }

    public Adagrad(double learningRate) {
        super(learningRate);
    }

    public Adagrad(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code initial_accumulator_value=}. */
    public Adagrad initialAccumulatorValue(double value) {
        if (built()) throw new IllegalStateException("Adagrad: initial_accumulator_value can only be set before the optimizer is built");
        this.initialAccumulatorValue = value;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public Adagrad epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        accumulators = addOptimizerVariables(vars, "accumulator", (float) initialAccumulatorValue);
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        OptimizerKernels.adagrad(Internal.array(variable.peek()), g, Internal.array(accumulators.get(index).peek()), lr, (float) epsilon);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("initial_accumulator_value", initialAccumulatorValue);
        c.put("epsilon", epsilon);
        return c;
    }

    public static Adagrad fromConfig(Map<String, Object> c) {
        Adagrad o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, Adagrad::new, Adagrad::new), c);
        return o.initialAccumulatorValue(Config.getDouble(c, "initial_accumulator_value", 0.1)).epsilon(Config.getDouble(c, "epsilon", 1e-7));
    }
}
