package keras4j.optimizers.schedules;

import java.util.Map;
import keras4j.utils.Config;

/**
 * Keras's {@code CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0)}.
 * Without warm-up: {@code s = min(step, decay_steps)}, {@code lr = initial ((1 - alpha) c + alpha)} with
 * {@code c = 0.5 (1 + cos(pi s / decay_steps))}. With a warm-up target the rate first rises linearly from
 * {@code initial} to {@code warmup_target} over {@code warmup_steps}, then decays from {@code warmup_target}
 * as above over the next {@code decay_steps}.
 */
public final class CosineDecay extends LearningRateSchedule {
    private final double initialLearningRate;
    private final long decaySteps;
    private double alpha;
    private Double warmupTarget;
    private long warmupSteps;
    private String name = "CosineDecay";

    public CosineDecay(double initialLearningRate, long decaySteps) {
        if (decaySteps <= 0) throw new IllegalArgumentException("Argument `decay_steps` must be > 0. Received: decay_steps=" + decaySteps);
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
    }

    /** Keras's {@code alpha=}: the final rate as a fraction of the decayed-from rate. */
    public CosineDecay alpha(double alpha) {
        this.alpha = alpha;
        return this;
    }

    /** Keras's {@code warmup_target=}: the rate reached at the end of the warm-up (null: no warm-up). */
    public CosineDecay warmupTarget(Double warmupTarget) {
        this.warmupTarget = warmupTarget;
        return this;
    }

    /** Keras's {@code warmup_steps=}. */
    public CosineDecay warmupSteps(long warmupSteps) {
        this.warmupSteps = warmupSteps;
        return this;
    }

    /** Keras's {@code name=}. */
    public CosineDecay name(String name) {
        this.name = name;
        return this;
    }

    private float decay(float step, float decayFrom) {
        float completed = step / (float) decaySteps;
        float cosine = 0.5f * (1f + (float) Math.cos((float) Math.PI * completed));
        float decayed = (float) (1 - alpha) * cosine + (float) alpha;
        return decayFrom * decayed;
    }

    @Override
    public float at(long step) {
        float initial = (float) initialLearningRate;
        float s = step;
        if (warmupTarget == null) return decay(Math.min(s, (float) decaySteps), initial);
        float target = warmupTarget.floatValue(), warm = warmupSteps;
        s = Math.min(s, (float) decaySteps + warm);
        if (s < warm) return (target - initial) * (s / warm) + initial;
        return decay(s - warm, target);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("initial_learning_rate", initialLearningRate, "decay_steps", decaySteps, "alpha", alpha, "name", name,
                "warmup_target", warmupTarget, "warmup_steps", warmupSteps);
    }

    public static CosineDecay fromConfig(Map<String, Object> c) {
        Object target = c.get("warmup_target");
        return new CosineDecay(Config.getDouble(c, "initial_learning_rate", 0), ((Number) c.get("decay_steps")).longValue())
                .alpha(Config.getDouble(c, "alpha", 0)).name(Config.getString(c, "name", "CosineDecay"))
                .warmupTarget(target == null ? null : ((Number) target).doubleValue())
                .warmupSteps(c.get("warmup_steps") == null ? 0 : ((Number) c.get("warmup_steps")).longValue());
    }
}
