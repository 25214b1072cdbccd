package keras4j.optimizers.schedules;

import java.util.Map;
import java.util.function.Function;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;
import keras4j.utils.ObjectRegistry;

/**
 * A learning rate that depends on the optimizer step, Keras's {@code keras.optimizers.schedules.LearningRateSchedule}.
 * An optimizer given a schedule evaluates {@link #at} with its iteration count before each update; its
 * learning rate is then not a variable and cannot be set (as in Keras).
 */
public abstract class LearningRateSchedule implements KerasObject {

    /** The learning rate at optimizer step {@code step} (0 for the first update), Keras's {@code schedule(step)}. */
    public abstract float at(long step);

    @Override
    public String module() {
        return "keras.optimizers.schedules";
    }

    private static final ObjectRegistry<LearningRateSchedule> REGISTRY = new ObjectRegistry<>("learning rate schedule", LearningRateSchedule.class);

    static {
        REGISTRY.addName("ExponentialDecay", ExponentialDecay::fromConfig);
        REGISTRY.addName("PiecewiseConstantDecay", PiecewiseConstantDecay::fromConfig);
        REGISTRY.addName("CosineDecay", CosineDecay::fromConfig);
    }

    /** Rebuilds a schedule from Keras's serialized form {@code {"module", "class_name", "config"}}. */
    @SuppressWarnings("unchecked")
    public static LearningRateSchedule deserialize(Map<String, Object> serialized) {
        Object name = serialized.get("class_name");
        Function<Map<String, Object>, LearningRateSchedule> f = name == null ? null : REGISTRY.find(name.toString());
        if (f == null) throw Config.unknown("learning rate schedule", name, REGISTRY.registered());
        Object config = serialized.get("config");
        return f.apply(config == null ? Map.of() : (Map<String, Object>) config);
    }
}
