package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)}:
 * {@code G = rho G + (1 - rho) g^2; d = -sqrt(D + epsilon) g / sqrt(G + epsilon); D = rho D + (1 - rho) d^2;
 * w += lr d}. Slots per variable: {@code accumulated_grad}, {@code accumulated_delta_var}.
 */
public final class Adadelta extends AbstractOptimizer<Adadelta> {
    private double rho = 0.95;
    private double epsilon = 1e-7;
    private List<Variable> accumulatedGrads;
    private List<Variable> accumulatedDeltas;

    public Adadelta() {
        this(0.001);
    }

    public Adadelta(double learningRate) {
        super(learningRate);
    }

    public Adadelta(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code rho=}: the decay rate of both running averages. */
    public Adadelta rho(double rho) {
        this.rho = rho;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public Adadelta epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        List<List<Variable>> s = addOptimizerVariables(vars, new String[] {"accumulated_grad", "accumulated_delta_var"}, 0f);
        accumulatedGrads = s.get(0);
        accumulatedDeltas = s.get(1);
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        OptimizerKernels.adadelta(Internal.array(variable.peek()), g, Internal.array(accumulatedGrads.get(index).peek()), Internal.array(accumulatedDeltas.get(index).peek()),
                lr, (float) rho, (float) (1 - rho), (float) epsilon);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("rho", rho);
        c.put("epsilon", epsilon);
        return c;
    }

    public static Adadelta fromConfig(Map<String, Object> c) {
        Adadelta o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, Adadelta::new, Adadelta::new), c);
        return o.rho(Config.getDouble(c, "rho", 0.95)).epsilon(Config.getDouble(c, "epsilon", 1e-7));
    }
}
