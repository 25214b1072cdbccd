package keras4j.optimizers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.utils.Config;
import keras4j.utils.ObjectRegistry;

/**
 * Looks optimizers up like Keras's {@code keras.optimizers.get}: by name in any case ({@code "sgd"},
 * {@code "Adam"}, {@code "adamw"}, {@code "rmsprop"}, {@code "adagrad"}, {@code "adadelta"}, {@code "adamax"},
 * {@code "nadam"}), from a serialized config map, or as an {@link Optimizer} object. A name gives a new optimizer
 * with Keras 3's defaults.
 *
 * <p>Configs written by Keras 2 are accepted too: {@code lr} is read as {@code learning_rate}; {@code decay}
 * (Keras 2's time-based decay) is ignored as Keras 3 ignores it; {@code is_legacy_optimizer},
 * {@code jit_compile}, {@code schedule_decay} and {@code amsgrad} on optimizers without it are dropped; a
 * {@code Custom>} class-name prefix is stripped; a null epsilon means Keras's 1e-7.
 */
public final class Optimizers {
    private Optimizers() {}

    /** By Keras's lower-case names; lookups lower-case the class name first, as Keras does. */
    private static final ObjectRegistry<Optimizer> REGISTRY = new ObjectRegistry<>("optimizer", Optimizer.class);

    static {
        REGISTRY.addName("sgd", SGD::fromConfig);
        REGISTRY.addName("adam", Adam::fromConfig);
        REGISTRY.addName("adamw", AdamW::fromConfig);
        REGISTRY.addName("rmsprop", RMSprop::fromConfig);
        REGISTRY.addName("adagrad", Adagrad::fromConfig);
        REGISTRY.addName("adadelta", Adadelta::fromConfig);
        REGISTRY.addName("adamax", Adamax::fromConfig);
        REGISTRY.addName("nadam", Nadam::fromConfig);
    }

    /** Keras's {@code keras.optimizers.get}; {@code null} gives {@code null}. */
    public static Optimizer get(Object identifier) {
        if (identifier == null) return null;
        if (identifier instanceof Optimizer o) return o;
        if (identifier instanceof String s) return deserialize(Config.of("class_name", s, "config", Map.of()));
        if (identifier instanceof Map<?, ?> m) return deserialize(asConfig(m));
        throw new IllegalArgumentException("Could not interpret optimizer identifier: " + identifier);
    }

    /** Rebuilds an optimizer from Keras's serialized form {@code {"module", "class_name", "config"}} (Keras 2 forms too). */
    public static Optimizer deserialize(Map<String, Object> serialized) {
        Object cn = serialized.get("class_name");
        String name = cn == null ? "" : cn.toString();
        if (name.startsWith("Custom>")) name = name.substring("Custom>".length());
        Function<Map<String, Object>, Optimizer> f = REGISTRY.find(name.toLowerCase(Locale.ROOT));
        if (f == null) throw Config.unknown("optimizer", cn, REGISTRY.registered());
        Object config = serialized.get("config");
        return f.apply(legacyToKeras3(config == null ? Map.of() : asConfig((Map<?, ?>) config), name.toLowerCase(Locale.ROOT)));
    }

    /** Keras's {@code keras.optimizers.serialize}. */
    public static Map<String, Object> serialize(Optimizer optimizer) {
        return optimizer.serialize();
    }

    private static Map<String, Object> legacyToKeras3(Map<String, Object> config, String cls) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        if (c.containsKey("lr")) {
            Object lr = c.remove("lr");
            c.putIfAbsent("learning_rate", lr);
        }
        for (String k : new String[] {"decay", "is_legacy_optimizer", "jit_compile", "schedule_decay"}) c.remove(k);
        if (!cls.equals("adam") && !cls.equals("adamw")) c.remove("amsgrad");
        if (c.containsKey("epsilon") && c.get("epsilon") == null) c.remove("epsilon");
        return c;
    }

    /** Builds an optimizer from the config's {@code learning_rate}: a number, a serialized schedule, or absent (the default). */
    static <T> T create(Map<String, Object> c, double defaultRate, DoubleFunction<T> fromRate, Function<LearningRateSchedule, T> fromSchedule) {
        Object lr = c.get("learning_rate");
        if (lr instanceof Map<?, ?> m) return fromSchedule.apply(LearningRateSchedule.deserialize(asConfig(m)));
        return fromRate.apply(lr == null ? defaultRate : ((Number) lr).doubleValue());
    }

    /** Applies the config keys common to all optimizers. */
    static <T extends AbstractOptimizer<T>> T withBaseConfig(T o, Map<String, Object> c) {
        if (c.get("name") != null) o.name(c.get("name").toString());
        if (c.get("weight_decay") != null) o.weightDecay(((Number) c.get("weight_decay")).doubleValue());
        if (c.get("clipnorm") != null) o.clipnorm(((Number) c.get("clipnorm")).doubleValue());
        if (c.get("clipvalue") != null) o.clipvalue(((Number) c.get("clipvalue")).doubleValue());
        if (c.get("global_clipnorm") != null) o.globalClipnorm(((Number) c.get("global_clipnorm")).doubleValue());
        o.emaMomentum(Config.getDouble(c, "ema_momentum", 0.99));
        if (c.get("ema_overwrite_frequency") != null) o.emaOverwriteFrequency(((Number) c.get("ema_overwrite_frequency")).intValue());
        o.useEma(Config.getBool(c, "use_ema", false));
        if (c.get("loss_scale_factor") != null) o.lossScaleFactor(((Number) c.get("loss_scale_factor")).doubleValue());
        if (c.get("gradient_accumulation_steps") != null) o.gradientAccumulationSteps(((Number) c.get("gradient_accumulation_steps")).intValue());
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asConfig(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
