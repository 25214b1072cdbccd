package keras4j.optimizers.schedules;

import java.util.Map;
import keras4j.utils.Config;

/**
 * Keras's {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)}:
 * {@code lr(step) = initial * decay_rate ^ (step / decay_steps)}, the exponent floored with {@code staircase}.
 */
public final class ExponentialDecay extends LearningRateSchedule {
    private final double initialLearningRate;
    private final long decaySteps;
    private final double decayRate;
    private boolean staircase;
    private String name = "ExponentialDecay";

    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
        if (decaySteps <= 0) throw new IllegalArgumentException("Argument `decay_steps` must be > 0. Received: decay_steps=" + decaySteps);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.decayRate = decayRate;
    }

    /** Keras's {@code staircase=}: decay in discrete jumps every {@code decay_steps}. */
    public ExponentialDecay staircase(boolean staircase) {
        this.staircase = staircase;
        return this;
    }

    /** Keras's {@code name=}. */
    public ExponentialDecay name(String name) {
        this.name = name;
        return this;
    }

    @Override
    public float at(long step) {
        float p = (float) step / (float) decaySteps;
        if (staircase) p = (float) Math.floor(p);
        return (float) initialLearningRate * (float) Math.pow((float) decayRate, p);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("initial_learning_rate", initialLearningRate, "decay_steps", decaySteps, "decay_rate", decayRate,
                "staircase", staircase, "name", name);
    }

    public static ExponentialDecay fromConfig(Map<String, Object> c) {
        return new ExponentialDecay(Config.getDouble(c, "initial_learning_rate", 0), ((Number) c.get("decay_steps")).longValue(),
                Config.getDouble(c, "decay_rate", 0)).staircase(Config.getBool(c, "staircase", false))
                .name(Config.getString(c, "name", "ExponentialDecay"));
    }
}
