package keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.utils.Config;
import keras4j.utils.Json;
import org.junit.jupiter.api.Test;

class InitializerConfigTest {

    static final List<Initializer> ALL = List.of(new Zeros(), new Ones(), new Constant(0.3), new Identity(2.0),
            new RandomNormal(0.1, 0.2, 5L), new RandomUniform(-0.3, 0.4), new TruncatedNormal(0.0, 1.5, 9L),
            new VarianceScaling(2.0, "fan_out", "untruncated_normal", 11L), new VarianceScaling(),
            new GlorotUniform(), new GlorotNormal(1L), new HeUniform(2L), new HeNormal(), new LecunUniform(), new LecunNormal(3L),
            new Orthogonal(1.5, 4L), new GlorotUniform(5L, new int[] {0}, new int[] {1, 2}));

    @Test
    void serializeThenGetGivesAnEqualConfig() {
        for (Initializer init : ALL) {
            Map<String, Object> s = init.serialize();
            Initializer back = Initializers.get(s);
            assertEquals(init.getClass(), back.getClass());
            assertEquals(init.getConfig(), back.getConfig(), init.toString());
            // Through JSON text too, as in a saved model.
            @SuppressWarnings("unchecked")
            Initializer viaJson = Initializers.get((Map<String, Object>) Json.read(Json.write(s)));
            assertEquals(Json.write(init.getConfig()), Json.write(viaJson.getConfig()), init.toString());
        }
    }

    @Test
    void kerasSerializedForm() {
        assertEquals("{\"module\":\"keras.initializers\",\"class_name\":\"GlorotUniform\",\"config\":{\"seed\":null},\"registered_name\":null}",
                Json.write(new GlorotUniform().serialize()));
        assertEquals("{\"seed\":7,\"scale\":1.0,\"mode\":\"fan_in\",\"distribution\":\"truncated_normal\"}",
                Json.write(new VarianceScaling(1.0, "fan_in", "truncated_normal", 7L).getConfig()));
        assertEquals("{\"seed\":null,\"mean\":0.0,\"stddev\":0.05}", Json.write(new RandomNormal().getConfig()));
        assertEquals("{\"seed\":null,\"minval\":-0.05,\"maxval\":0.05}", Json.write(new RandomUniform().getConfig()));
        assertEquals("{\"seed\":null,\"gain\":1.0}", Json.write(new Orthogonal().getConfig()));
        assertEquals("{\"value\":0.0}", Json.write(new Constant().getConfig()));
        assertEquals("{\"gain\":1.0}", Json.write(new Identity().getConfig()));
        assertEquals("{}", Json.write(new Zeros().getConfig()));
        assertEquals("{\"seed\":3,\"input_axes\":[0],\"output_axes\":[1,2]}",
                Json.write(new HeNormal(3L, new int[] {0}, new int[] {1, 2}).getConfig()));
    }

    @Test
    void namesAndAliases() {
        Map<String, Class<?>> expected = Map.ofEntries(Map.entry("glorot_uniform", GlorotUniform.class),
                Map.entry("GlorotUniform", GlorotUniform.class), Map.entry("glorot_normal", GlorotNormal.class),
                Map.entry("he_normal", HeNormal.class), Map.entry("he_uniform", HeUniform.class),
                Map.entry("lecun_normal", LecunNormal.class), Map.entry("lecun_uniform", LecunUniform.class),
                Map.entry("zeros", Zeros.class), Map.entry("zero", Zeros.class), Map.entry("ones", Ones.class),
                Map.entry("one", Ones.class), Map.entry("orthogonal", Orthogonal.class),
                Map.entry("OrthogonalInitializer", Orthogonal.class), Map.entry("uniform", RandomUniform.class),
                Map.entry("random_uniform", RandomUniform.class), Map.entry("normal", RandomNormal.class),
                Map.entry("random_normal", RandomNormal.class), Map.entry("truncated_normal", TruncatedNormal.class),
                Map.entry("variance_scaling", VarianceScaling.class), Map.entry("identity", Identity.class),
                Map.entry("IdentityInitializer", Identity.class), Map.entry("constant", Constant.class));
        expected.forEach((name, cls) -> assertInstanceOf(cls, Initializers.get(name), name));
        // A name gives Keras's defaults.
        RandomUniform u = (RandomUniform) Initializers.get("uniform");
        assertEquals(-0.05, u.minval());
        assertEquals(0.05, u.maxval());
        assertNull(u.seed());
        assertNull(Initializers.get(null));
        Initializer same = new Ones();
        assertSame(same, Initializers.get(same));
    }

    @Test
    void keras2MapsWithoutModule() {
        // How Keras 2 .h5 files record glorot_uniform.
        Map<String, Object> legacy = Config.of("class_name", "VarianceScaling",
                "config", Config.of("scale", 1.0, "mode", "fan_avg", "distribution", "uniform", "seed", null));
        VarianceScaling vs = (VarianceScaling) Initializers.get(legacy);
        assertEquals("uniform", vs.distribution());
        assertEquals("fan_avg", vs.mode());
        // Keras 2.0-2.2 wrote distribution "normal", read as truncated_normal.
        Map<String, Object> old = Config.of("class_name", "VarianceScaling",
                "config", Config.of("scale", 2.0, "mode", "fan_in", "distribution", "normal", "seed", 3));
        VarianceScaling he = (VarianceScaling) Initializers.get(old);
        assertEquals("truncated_normal", he.distribution());
        assertEquals(3L, he.seed());
        assertInstanceOf(Zeros.class, Initializers.get(Config.of("class_name", "Zeros", "config", Map.of())));
        // Keras >= 3.15 presets carry input_axes/output_axes (null by default).
        Map<String, Object> k315 = Config.of("module", "keras.initializers", "class_name", "GlorotUniform",
                "config", Config.of("seed", null, "input_axes", null, "output_axes", null), "registered_name", null);
        assertEquals(Config.of("seed", null), Initializers.get(k315).getConfig());
        // A serialized SeedGenerator as seed.
        Map<String, Object> gen = Config.of("class_name", "RandomNormal", "config",
                Config.of("seed", Config.of("module", "keras.random", "class_name", "SeedGenerator", "config", Config.of("seed", 99))));
        assertEquals(99L, ((RandomNormal) Initializers.get(gen)).seed());
    }

    @Test
    void unknownNameListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("glorot_uniformm"));
        assertTrue(e.getMessage().contains("'glorot_uniformm'"), e.getMessage());
        for (String n : List.of("glorot_uniform", "he_normal", "orthogonal", "zeros", "VarianceScaling")) {
            assertTrue(e.getMessage().contains(n), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Initializers.get(Config.of("class_name", "Nope", "config", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> Initializers.get(Config.of("config", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> Initializers.get(3.0));
        assertTrue(Initializers.names().containsAll(List.of("uniform", "normal", "truncated_normal", "variance_scaling", "identity", "constant")));
    }
}
