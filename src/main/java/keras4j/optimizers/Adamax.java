package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.Adamax(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)}, Adam with
 * the infinity norm: {@code m += (g - m)(1 - beta_1); u = max(beta_2 u, |g|); w -= lr m / ((1 - beta_1^t)(u + epsilon))}
 * with {@code t = iterations + 1}. Slots per variable: {@code momentum}, {@code norm}.
 */
public final class Adamax extends AbstractOptimizer<Adamax> {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-7;
    private List<Variable> m;
    private List<Variable> u;

    public Adamax() {
        this(0.001);
    }

    public Adamax(double learningRate) {
        super(learningRate);
    }

    public Adamax(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code beta_1=}. */
    public Adamax beta1(double beta1) {
        this.beta1 = beta1;
        return this;
    }

    /** Keras's {@code beta_2=}: decay of the infinity norm. */
    public Adamax beta2(double beta2) {
        this.beta2 = beta2;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public Adamax epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        List<List<Variable>> s = addOptimizerVariables(vars, new String[] {"momentum", "norm"}, 0f);
        m = s.get(0);
        u = s.get(1);
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        float b1Power = (float) Math.pow((float) beta1, (float) (iterations() + 1));
        OptimizerKernels.adamax(Internal.array(variable.peek()), g, Internal.array(m.get(index).peek()), Internal.array(u.get(index).peek()), lr,
                (float) (1 - beta1), (float) beta2, 1f - b1Power, (float) epsilon);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
        return c;
    }

    public static Adamax fromConfig(Map<String, Object> c) {
        Adamax o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, Adamax::new, Adamax::new), c);
        return o.beta1(Config.getDouble(c, "beta_1", 0.9)).beta2(Config.getDouble(c, "beta_2", 0.999)).epsilon(Config.getDouble(c, "epsilon", 1e-7));
    }
}
