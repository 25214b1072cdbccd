package keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import keras4j.layers.Layers;
import org.junit.jupiter.api.Test;

/** The one registry behind every Keras name lookup. */
class ObjectRegistryTest {

    /** A small kind for the test: a name and the config it was built from. */
    record Thing(String name, Map<String, Object> config) {}

    @Test
    void classesAliasesAndFixedValues() {
        ObjectRegistry<Thing> r = new ObjectRegistry<>("thing", Thing.class);
        r.add("GlorotThing", c -> new Thing("GlorotThing", c));
        r.alias("gt", "GlorotThing");
        Thing fixed = new Thing("fixed", Map.of());
        r.addValue("fixed_one", fixed);
        assertEquals(Map.of("a", 1), r.fromConfig("GlorotThing", Map.of("a", 1)).config());
        assertEquals("GlorotThing", r.get("glorot_thing").name());
        assertEquals("GlorotThing", r.get("gt").name());
        assertEquals("GlorotThing", r.get(Map.of("class_name", "GlorotThing", "config", Map.of())).name());
        assertSame(fixed, r.get("fixed_one"));
        assertEquals("fixed_one", r.nameOf(fixed));
        assertNull(r.nameOf(new Thing("fixed", Map.of())), "named back by identity only");
        assertEquals(List.of("GlorotThing", "fixed_one"), List.copyOf(r.registered()));
        assertEquals(Set.of("GlorotThing", "glorot_thing", "gt", "fixed_one"), r.names());
        assertNull(r.find("nope"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("nope"));
        assertTrue(e.getMessage().startsWith("Could not interpret thing: 'nope'"), e.getMessage());
        // Replacing a fixed value forgets the old one's name.
        Thing other = new Thing("other", Map.of());
        r.addValue("fixed_one", other);
        assertNull(r.nameOf(fixed));
        assertSame(other, r.get("fixed_one"));
    }

    /** The models come into the layer registry through the service loader, whatever class loaded first. */
    @Test
    void layersKnowTheModelsWithoutLoadingThem() {
        assertTrue(Layers.registeredNames().containsAll(Set.of("Sequential", "Functional", "Model", "Dense", "InputLayer")), Layers.registeredNames()::toString);
    }
}
