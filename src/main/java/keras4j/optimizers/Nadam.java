package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)}, Adam with
 * Nesterov momentum and Keras 3's momentum schedule: with {@code t = iterations + 1},
 * {@code u_t = beta_1 (1 - 0.5 * 0.96^t)}, the running product {@code U_t = U_{t-1} u_t} (variable, starts at 1),
 * {@code m += (g - m)(1 - beta_1); v += (g^2 - v)(1 - beta_2);
 * m_hat = u_{t+1} m / (1 - U_t u_{t+1}) + (1 - u_t) g / (1 - U_t); v_hat = v / (1 - beta_2^t);
 * w -= lr m_hat / (sqrt(v_hat) + epsilon)}. Slots: {@code momentum}, {@code velocity} per variable, then the product.
 */
public final class Nadam extends AbstractOptimizer<Nadam> {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-7;
    private List<Variable> momentums;
    private List<Variable> velocities;
    private Variable uProduct;

    public Nadam() {
        this(0.001);
    }

    public Nadam(double learningRate) {
        super(learningRate);
    }

    public Nadam(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code beta_1=}. */
    public Nadam beta1(double beta1) {
        this.beta1 = beta1;
        return this;
    }

    /** Keras's {@code beta_2=}. */
    public Nadam beta2(double beta2) {
        this.beta2 = beta2;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public Nadam epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        List<List<Variable>> s = addOptimizerVariables(vars, new String[] {"momentum", "velocity"}, 0f);
        momentums = s.get(0);
        velocities = s.get(1);
        // Keras creates this as an unnamed backend.Variable, whose default name is "variable".
        uProduct = addScalarVariable("variable", 1f);
    }

    private float u(double step) {
        return (float) beta1 * (1f - 0.5f * (float) Math.pow(0.96f, (float) step));
    }

    @Override
    protected void beforeUpdateSteps() {
        float t = iterations() + 1;
        float[] p = Internal.array(uProduct.peek());
        p[0] = p[0] * (float) beta1 * (1f - 0.5f * (float) Math.pow(0.96f, t));
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        long t = iterations() + 1;
        float uT = u(t), uT1 = u(t + 1);
        float uProductT = uProduct.peek().item();
        float uProductT1 = uProductT * uT1;
        float b2Power = (float) Math.pow((float) beta2, (float) t);
        OptimizerKernels.nadam(Internal.array(variable.peek()), g, Internal.array(momentums.get(index).peek()), Internal.array(velocities.get(index).peek()), lr,
                1f - (float) beta1, 1f - (float) beta2, uT, uT1, 1f - uProductT, 1f - uProductT1, 1f - b2Power, (float) epsilon);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("beta_1", beta1);
        c.put("beta_2", beta2);
        c.put("epsilon", epsilon);
        return c;
    }

    public static Nadam fromConfig(Map<String, Object> c) {
        Nadam o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, Nadam::new, Nadam::new), c);
        return o.beta1(Config.getDouble(c, "beta_1", 0.9)).beta2(Config.getDouble(c, "beta_2", 0.999)).epsilon(Config.getDouble(c, "epsilon", 1e-7));
    }
}
