package keras4j.optimizers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-7, amsgrad=False)}: {@link Adam} with decoupled weight decay {@code w -= w * weight_decay * lr}
 * applied before each update (Loshchilov and Hutter). Same slots and config keys as Adam.
 */
public final class AdamW extends AbstractOptimizer<AdamW> {
    private final Adam.AdamRule rule = new Adam.AdamRule();

    public AdamW() {
        this(0.001);
    }

    public AdamW(double learningRate) {
        super(learningRate);
        weightDecay(0.004);
    }

    public AdamW(LearningRateSchedule learningRate) {
        super(learningRate);
        weightDecay(0.004);
    }

    /** Keras's {@code beta_1=}. */
    public AdamW beta1(double beta1) {
        rule.beta1 = beta1;
        return this;
    }

    /** Keras's {@code beta_2=}. */
    public AdamW beta2(double beta2) {
        rule.beta2 = beta2;
        return this;
    }

    /** Keras's {@code epsilon=}. */
    public AdamW epsilon(double epsilon) {
        rule.epsilon = epsilon;
        return this;
    }

    /** Keras's {@code amsgrad=}. */
    public AdamW amsgrad(boolean amsgrad) {
        if (built()) throw new IllegalStateException("AdamW: amsgrad can only be set before the optimizer is built");
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

    public static AdamW fromConfig(Map<String, Object> c) {
        if (c.containsKey("weight_decay") && c.get("weight_decay") == null) {
            throw new IllegalArgumentException("Argument `weight_decay` must be a float. Received: weight_decay=None");
        }
        AdamW o = Optimizers.withBaseConfig(Optimizers.create(c, 0.001, AdamW::new, AdamW::new), c);
        return o.beta1(Config.getDouble(c, "beta_1", 0.9)).beta2(Config.getDouble(c, "beta_2", 0.999))
                .epsilon(Config.getDouble(c, "epsilon", 1e-7)).amsgrad(Config.getBool(c, "amsgrad", false));
    }
}
