package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.Internal;
import keras4j.tensor.OptimizerKernels;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False)}:
 * with {@code t = iterations + 1} and {@code alpha = lr sqrt(1 - beta_2^t) / (1 - beta_1^t)},
 * {@code m += (g - m)(1 - beta_1); v += (g^2 - v)(1 - beta_2); w -= alpha m / (sqrt(v) + epsilon)}
 * (epsilon outside the square root, "epsilon hat"); AMSGrad uses {@code v_hat = max(v_hat, v)} instead of v.
 * Slots per variable: {@code momentum}, {@code velocity} (and {@code velocity_hat}).
 */
public final class Adam extends AbstractOptimizer<Adam> {
    final AdamRule rule = new AdamRule();

    public Adam() {
        this(0.001);
    }

    public Adam(double learningRate) {
        super(learningRate);
    }

    public Adam(LearningRateSchedule learningRate) {
        super(learningRate);
    }

    /** Keras's {@code beta_1=}: decay of the first-moment estimate. */
    public Adam beta1(double beta1) {
        rule.beta1 = beta1;
        return this;
    }

    /** Keras's {@code beta_2=}: decay of the second-moment estimate. */
    public Adam beta2(double beta2) {
        rule.beta2 = beta2;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public Adam epsilon(double epsilon) {
        rule.epsilon = epsilon;
        return this;
    }

    /** Keras's {@code amsgrad=}: use the maximum of past second moments. */
    public Adam amsgrad(boolean amsgrad) {
        if (built()) throw new IllegalStateException("Adam: amsgrad can only be set before the optimizer is built");
        rule.amsgrad = amsgrad;
        return this;
    }

    @Override
    protected void buildSlots(List<Variable> vars) {
        rule.build(this, vars);
    }

    @Override
    protected void updateStep(float[] g, Variable variable, int index, float lr) {
        rule.update(g, variable, index, lr, iterations());
    }

    @Override
    public Map<String, Object> getConfig() {
        return rule.config(super.getConfig());
    }

    public static Adam fromConfig(Map<String, Object> c) {
        Adam o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, Adam::new, Adam::new), c);
        return o.beta1(Config.getDouble(c, "beta_1", 0.9)).beta2(Config.getDouble(c, "beta_2", 0.999))
                .epsilon(Config.getDouble(c, "epsilon", 1e-7)).amsgrad(Config.getBool(c, "amsgrad", false));
    }

    /** Adam's hyper-parameters, slots and update, shared with {@link AdamW}. */
    static final class AdamRule {
        double beta1 = 0.9;
        double beta2 = 0.999;
        double epsilon = 1e-7;
        boolean amsgrad;
        List<Variable> momentums;
        List<Variable> velocities;
        List<Variable> velocityHats;

        void build(Optimizer opt, List<Variable> vars) {
            List<List<Variable>> mv = opt.addOptimizerVariables(vars, new String[] {"momentum", "velocity"}, 0f);
            momentums = mv.get(0);
            velocities = mv.get(1);
            if (amsgrad) velocityHats = opt.addOptimizerVariables(vars, "velocity_hat", 0f);
        }

        void update(float[] g, Variable variable, int index, float lr, long iterations) {
            float localStep = iterations + 1;
            float b1 = (float) beta1, b2 = (float) beta2;
            float b1Power = (float) Math.pow(b1, localStep), b2Power = (float) Math.pow(b2, localStep);
            float alpha = lr * (float) Math.sqrt(1f - b2Power) / (1f - b1Power);
            OptimizerKernels.adam(Internal.array(variable.peek()), g, Internal.array(momentums.get(index).peek()), Internal.array(velocities.get(index).peek()),
                    amsgrad ? Internal.array(velocityHats.get(index).peek()) : null, alpha, (float) (1 - beta1), (float) (1 - beta2), (float) epsilon);
        }

        Map<String, Object> config(Map<String, Object> c) {
            c.put("beta_1", beta1);
            c.put("beta_2", beta2);
            c.put("epsilon", epsilon);
            c.put("amsgrad", amsgrad);
            return c;
        }
    }
}
