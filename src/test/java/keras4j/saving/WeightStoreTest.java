package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class WeightStoreTest {

    @Test
    void putCreatesParentGroupsAndKeepsOrder() {
        Tensor k = Tensor.zeros(3, 2), b = Tensor.zeros(2);
        WeightStore s = new WeightStore()
                .put("layers/dense/vars/0", k)
                .put("layers/dense/vars/1", b)
                .put("layers/conv2d/vars/0", Tensor.zeros(1, 1, 1, 1));

        assertEquals(List.of("layers/dense/vars/0", "layers/dense/vars/1", "layers/conv2d/vars/0"), s.paths());
        assertEquals(List.of("layers", "layers/dense", "layers/dense/vars", "layers/conv2d", "layers/conv2d/vars"), s.groups());
        assertEquals(List.of("layers"), s.children(""));
        assertEquals(List.of("dense", "conv2d"), s.children("layers"));
        assertEquals(List.of("0", "1"), s.children("layers/dense/vars"));
        assertSame(k, s.get("layers/dense/vars/0"));
        assertTrue(s.contains("layers/dense/vars/1"));
        assertFalse(s.contains("layers/dense/vars"));
        assertTrue(s.isGroup("layers/dense/vars"));
        assertTrue(s.isGroup(""));
        assertEquals(3, s.size());
    }

    @Test
    void replacingATensorKeepsItsPosition() {
        WeightStore s = new WeightStore().put("a/0", Tensor.zeros(1)).put("a/1", Tensor.zeros(1));
        Tensor t = Tensor.ones(2);
        s.put("a/0", t);
        assertEquals(List.of("a/0", "a/1"), s.paths());
        assertSame(t, s.get("a/0"));
    }

    @Test
    void putVarsAndVarsFollowKerasSaveOwnVariables() {
        Tensor k = Tensor.zeros(4, 3), b = Tensor.zeros(3);
        WeightStore s = new WeightStore().putVars("layers/dense", List.of(k, b)).putVars("layers/dropout", List.of())
                .putVars("", List.of(Tensor.scalar(1)));
        assertEquals(List.of("layers/dense/vars/0", "layers/dense/vars/1", "vars/0"), s.paths());
        assertEquals(List.of(k, b), s.vars("layers/dense"));
        assertEquals(List.of(), s.vars("layers/dropout"));
        assertTrue(s.isGroup("layers/dropout/vars"));
        assertEquals(List.of(), s.vars("layers/unknown"));
        assertEquals(1, s.vars("").size());
    }

    @Test
    void varsRejectsGapsInIndices() {
        WeightStore s = new WeightStore().put("x/vars/0", Tensor.zeros(1)).put("x/vars/2", Tensor.zeros(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.vars("x"));
        assertTrue(e.getMessage().contains("x/vars"), e.getMessage());
    }

    @Test
    void emptyGroupsAndAttributes() {
        WeightStore s = new WeightStore().putGroup("layers/dropout/vars")
                .setAttribute("layers/dropout/vars", "name", "dropout")
                .setAttribute("vars", "name", "sequential");
        assertEquals(List.of("layers", "layers/dropout", "layers/dropout/vars", "vars"), s.groups());
        assertEquals(List.of(), s.children("layers/dropout/vars"));
        assertEquals(Map.of("name", "dropout"), s.attributes("layers/dropout/vars"));
        assertEquals(Map.of(), s.attributes("layers"));
        assertTrue(s.isEmpty());
    }

    @Test
    void invalidPathsAreRejectedWithTheArgument() {
        WeightStore s = new WeightStore();
        for (String bad : new String[] {"", "/a", "a/", "a//b", "a/../b", "./a", "a\0b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.put(bad, Tensor.zeros(1)),
                    "path " + bad);
            assertTrue(e.getMessage().contains("Received: path="), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> s.put("a", null));
    }

    @Test
    void groupsAndTensorsCannotShareAPath() {
        WeightStore s = new WeightStore().put("a/b", Tensor.zeros(1));
        assertThrows(IllegalArgumentException.class, () -> s.put("a", Tensor.zeros(1)));
        assertThrows(IllegalArgumentException.class, () -> s.put("a/b/c", Tensor.zeros(1)));
        assertThrows(IllegalArgumentException.class, () -> s.putGroup("a/b"));
        assertThrows(IllegalArgumentException.class, () -> s.children("a/b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("a"));
        assertTrue(e.getMessage().contains("group"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.get("missing"));
        assertTrue(e.getMessage().contains("'missing'"), e.getMessage());
    }

    @Test
    void toStringListsPathsAndShapes() {
        WeightStore s = new WeightStore().put("layers/dense/vars/0", Tensor.zeros(4, 3)).put("x", Tensor.scalar(1));
        assertEquals("WeightStore(2 tensors, 3 groups)\n  layers/dense/vars/0  (4, 3)\n  x  ()", s.toString());
    }
}
