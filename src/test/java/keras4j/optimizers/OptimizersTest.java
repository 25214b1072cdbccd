package keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.CosineDecay;
import keras4j.optimizers.schedules.ExponentialDecay;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

/** Names, defaults, configs and Keras 2 compatibility of the optimizer registry. */
class OptimizersTest {

    @Test
    void namesResolveInAnyCase() {
        assertInstanceOf(SGD.class, Optimizers.get("sgd"));
        assertInstanceOf(SGD.class, Optimizers.get("SGD"));
        assertInstanceOf(Adam.class, Optimizers.get("Adam"));
        assertInstanceOf(AdamW.class, Optimizers.get("adamw"));
        assertInstanceOf(RMSprop.class, Optimizers.get("RMSprop"));
        assertInstanceOf(RMSprop.class, Optimizers.get("rmsprop"));
        assertInstanceOf(Adagrad.class, Optimizers.get("adagrad"));
        assertInstanceOf(Adadelta.class, Optimizers.get("Adadelta"));
        assertInstanceOf(Adamax.class, Optimizers.get("adamax"));
        assertInstanceOf(Nadam.class, Optimizers.get("NADAM"));
        Optimizer mine = new Adam();
        assertSame(mine, Optimizers.get(mine));
        assertNull(Optimizers.get(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adan"));
        assertTrue(e.getMessage().contains("adam"), e.getMessage());
    }

    @Test
    void keras3Defaults() {
        assertEquals(0.01f, new SGD().learningRate());
        for (Optimizer o : List.of(new Adam(), new AdamW(), new RMSprop(), new Adagrad(), new Adadelta(), new Adamax(), new Nadam())) {
            assertEquals(0.001f, o.learningRate(), o.className());
        }
        Map<String, Object> adam = new Adam().getConfig();
        assertEquals(0.9, adam.get("beta_1"));
        assertEquals(0.999, adam.get("beta_2"));
        assertEquals(1e-7, adam.get("epsilon"));
        assertEquals(false, adam.get("amsgrad"));
        assertEquals(0.9, new RMSprop().getConfig().get("rho"));
        assertEquals(0.1, new Adagrad().getConfig().get("initial_accumulator_value"));
        assertEquals(0.95, new Adadelta().getConfig().get("rho"));
        assertEquals(0.004, new AdamW().getConfig().get("weight_decay"));
    }

    @Test
    void defaultNamesAreUniqueSnakeCase() {
        // Counters are global (like Keras's), so compare consecutive names rather than absolute ones.
        String first = new Adam().name(), second = new Adam().name();
        assertTrue(first.matches("adam(_\\d+)?"), first);
        int k = first.equals("adam") ? 0 : Integer.parseInt(first.substring(5));
        assertEquals("adam_" + (k + 1), second);
        assertTrue(new AdamW().name().matches("adam_w(_\\d+)?"));
        assertTrue(new RMSprop().name().matches("rm_sprop(_\\d+)?"));
        assertTrue(new SGD().name().matches("sgd(_\\d+)?"));
        assertEquals("my_adam", new Adam().name("my_adam").name());
    }

    @Test
    void configHasKerasKeysInOrder() {
        Map<String, Object> c = new Adam().name("adam").getConfig();
        assertEquals(List.of("name", "learning_rate", "weight_decay", "clipnorm", "global_clipnorm", "clipvalue", "use_ema", "ema_momentum",
                "ema_overwrite_frequency", "loss_scale_factor", "gradient_accumulation_steps", "beta_1", "beta_2", "epsilon", "amsgrad"),
                List.copyOf(c.keySet()));
        // The learning rate is a float32 variable, so the config shows its float value, as Keras 3 does.
        assertEquals((double) 0.001f, c.get("learning_rate"));
        Map<String, Object> s = new SGD().serialize();
        assertEquals("keras.optimizers", s.get("module"));
        assertEquals("SGD", s.get("class_name"));
    }

    @Test
    void everyOptimizerRoundTripsThroughItsConfig() {
        List<Optimizer> all = List.of(new SGD(0.1).momentum(0.8).nesterov(true).clipnorm(1.0).name("s"),
                new Adam(0.003).beta1(0.8).beta2(0.99).epsilon(1e-6).amsgrad(true).globalClipnorm(2.0),
                new AdamW(0.002).weightDecay(0.01).clipvalue(0.5), new RMSprop().rho(0.8).momentum(0.1).centered(true).epsilon(1e-5),
                new Adagrad(0.01).initialAccumulatorValue(0.2).epsilon(1e-6), new Adadelta(1.0).rho(0.9),
                new Adamax().beta1(0.85).useEma(true).emaMomentum(0.9).emaOverwriteFrequency(5),
                new Nadam().beta2(0.99).lossScaleFactor(128.0).gradientAccumulationSteps(4),
                new Adam(new ExponentialDecay(0.01, 100, 0.9).staircase(true)),
                new SGD(new CosineDecay(0.1, 1000).alpha(0.1).warmupTarget(0.2).warmupSteps(10)));
        for (Optimizer o : all) {
            String json = Json.write(o.serialize());
            Optimizer back = Optimizers.get(Json.readObject(json));
            assertEquals(o.getClass(), back.getClass());
            assertEquals(Json.write(o.getConfig()), Json.write(back.getConfig()), o.className());
        }
        Optimizer scheduled = Optimizers.get(new Adam(new ExponentialDecay(0.01, 100, 0.9)).serialize());
        assertInstanceOf(ExponentialDecay.class, scheduled.schedule());
    }

    @Test
    void keras2ConfigsAreAccepted() {
        // Keras 2.0-2.3 standalone: "lr" and "decay"; epsilon may be null.
        Map<String, Object> k2 = Config.of("class_name", "Adam", "config", Config.of("lr", 0.0005, "beta_1", 0.9, "beta_2", 0.999,
                "decay", 0.0, "epsilon", null, "amsgrad", false));
        Optimizer adam = Optimizers.get(k2);
        assertInstanceOf(Adam.class, adam);
        assertEquals(0.0005f, adam.learningRate());
        assertEquals(1e-7, adam.getConfig().get("epsilon"));
        Optimizer sgd = Optimizers.get(Config.of("class_name", "SGD", "config", Config.of("lr", 0.1, "momentum", 0.9, "decay", 1e-6, "nesterov", true)));
        assertEquals(0.9, sgd.getConfig().get("momentum"));
        assertEquals(true, sgd.getConfig().get("nesterov"));
        // tf.keras 2.11+: extra keys and a "Custom>" prefix in legacy h5 files.
        Map<String, Object> tf = Config.of("class_name", "Custom>RMSprop", "config", Config.of("name", "RMSprop", "learning_rate", 0.001,
                "weight_decay", null, "clipnorm", null, "global_clipnorm", null, "clipvalue", null, "use_ema", false, "ema_momentum", 0.99,
                "ema_overwrite_frequency", 100, "jit_compile", true, "is_legacy_optimizer", false, "rho", 0.9, "momentum", 0.0,
                "epsilon", 1e-07, "centered", false));
        Optimizer rms = Optimizers.get(tf);
        assertInstanceOf(RMSprop.class, rms);
        assertEquals("RMSprop", rms.name());
        Optimizer nadam = Optimizers.get(Config.of("class_name", "Nadam", "config", Config.of("lr", 0.002, "schedule_decay", 0.004)));
        assertEquals(0.002f, nadam.learningRate());
    }

    @Test
    void adamWNeedsWeightDecay() {
        assertThrows(IllegalArgumentException.class, () -> Optimizers.get(Config.of("class_name", "AdamW", "config", Config.of("weight_decay", null))));
    }

    @Test
    void stateVariablesCanBeRestoredIntoAFreshOptimizer() {
        Variable w = new Variable("w", Tensor.vector(1, 2), true);
        Adam a = new Adam(0.01);
        a.applyGradients(List.of(Tensor.vector(0.5f, -0.5f)), List.of(w));
        Variable w2 = new Variable("w", w.peek(), true);
        Adam b = new Adam(0.01);
        b.build(List.of(w2));
        for (int i = 0; i < a.variables().size(); i++) b.variables().get(i).assign(a.variables().get(i).peek());
        a.applyGradients(List.of(Tensor.vector(0.1f, 0.2f)), List.of(w));
        b.applyGradients(List.of(Tensor.vector(0.1f, 0.2f)), List.of(w2));
        assertEquals(2, b.iterations());
        assertTrue(w.peek().allClose(w2.peek(), 0f, 0f));
    }
}
