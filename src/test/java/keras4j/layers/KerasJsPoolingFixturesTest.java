package keras4j.layers;

import static keras4j.testing.KerasJsFixtures.assertCaseIds;
import static keras4j.testing.KerasJsFixtures.assertElementsClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import keras4j.tensor.Tensor;
import keras4j.testing.KerasJsFixtures;
import keras4j.testing.KerasJsFixtures.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every Keras.js pooling case (Keras 2.1 outputs, MIT-licensed data in
 * {@code keras-fixtures/kerasjs/layers/pooling}; configurations from the fixtures' MANIFEST.md): single-layer
 * models on a batch of one, compared within 1e-4.
 */
class KerasJsPoolingFixturesTest {
    static final String DIR = KerasJsFixtures.ROOT + "layers/pooling/";
    static final List<String> FILES = List.of("MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
            "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D");

    static final Map<String, Supplier<Layer>> SETUPS = new LinkedHashMap<>();

    static {
        for (String kind : List.of("Max", "Average")) {
            boolean max = kind.equals("Max");
            String p1 = "pooling." + kind + "Pooling1D.";
            SETUPS.put(p1 + "0", () -> max ? new MaxPooling1D(2) : new AveragePooling1D(2));
            SETUPS.put(p1 + "1", () -> max ? new MaxPooling1D(2).strides(1) : new AveragePooling1D(2).strides(1));
            SETUPS.put(p1 + "3", () -> max ? new MaxPooling1D(2).padding("same") : new AveragePooling1D(2).padding("same"));
            SETUPS.put(p1 + "4", () -> max ? new MaxPooling1D(2).strides(1).padding("same") : new AveragePooling1D(2).strides(1).padding("same"));
            SETUPS.put(p1 + "6", () -> max ? new MaxPooling1D(3) : new AveragePooling1D(3));
            SETUPS.put(p1 + "7", () -> max ? new MaxPooling1D(3).strides(1).padding("same") : new AveragePooling1D(3).strides(1).padding("same"));
            String p2 = "pooling." + kind + "Pooling2D.";
            put2(p2 + "0", max, new int[] {2, 2}, null, "valid", "channels_last");
            put2(p2 + "1", max, new int[] {2, 2}, new int[] {1, 1}, "valid", "channels_last");
            put2(p2 + "3", max, new int[] {3, 3}, null, "valid", "channels_last");
            put2(p2 + "4", max, new int[] {3, 3}, new int[] {3, 3}, "valid", "channels_last");
            put2(p2 + "6", max, new int[] {2, 2}, new int[] {1, 1}, "same", "channels_last");
            put2(p2 + "7", max, new int[] {2, 2}, new int[] {2, 1}, "same", "channels_last");
            put2(p2 + "9", max, new int[] {3, 3}, new int[] {3, 3}, "same", "channels_last");
            put2(p2 + "10", max, new int[] {3, 3}, new int[] {2, 2}, "valid", "channels_first");
            put2(p2 + "12", max, new int[] {2, 2}, null, "valid", "channels_first");
            String p3 = "pooling." + kind + "Pooling3D.";
            put3(p3 + "0", max, new int[] {2, 2, 2}, null, "valid", "channels_last");
            put3(p3 + "1", max, new int[] {2, 2, 2}, new int[] {1, 1, 1}, "valid", "channels_last");
            put3(p3 + "3", max, new int[] {3, 3, 3}, null, "valid", "channels_last");
            put3(p3 + "4", max, new int[] {3, 3, 3}, new int[] {3, 3, 3}, "valid", "channels_last");
            put3(p3 + "6", max, new int[] {2, 2, 2}, new int[] {1, 1, 1}, "same", "channels_last");
            put3(p3 + "7", max, new int[] {2, 2, 2}, new int[] {1, 2, 1}, "same", "channels_last");
            put3(p3 + "9", max, new int[] {3, 3, 3}, new int[] {3, 3, 3}, "same", "channels_last");
            put3(p3 + "10", max, new int[] {3, 3, 3}, new int[] {2, 2, 2}, "valid", "channels_first");
            put3(p3 + "12", max, new int[] {2, 2, 2}, null, "valid", "channels_first");
        }
        SETUPS.put("pooling.GlobalMaxPooling1D.0", GlobalMaxPooling1D::new);
        SETUPS.put("pooling.GlobalMaxPooling1D.1", GlobalMaxPooling1D::new);
        SETUPS.put("pooling.GlobalAveragePooling1D.0", GlobalAveragePooling1D::new);
        SETUPS.put("pooling.GlobalAveragePooling1D.1", GlobalAveragePooling1D::new);
        SETUPS.put("pooling.GlobalMaxPooling2D.0", GlobalMaxPooling2D::new);
        SETUPS.put("pooling.GlobalMaxPooling2D.1", () -> new GlobalMaxPooling2D().dataFormat("channels_first"));
        SETUPS.put("pooling.GlobalAveragePooling2D.0", GlobalAveragePooling2D::new);
        SETUPS.put("pooling.GlobalAveragePooling2D.1", () -> new GlobalAveragePooling2D().dataFormat("channels_first"));
        SETUPS.put("pooling.GlobalMaxPooling3D.0", GlobalMaxPooling3D::new);
        SETUPS.put("pooling.GlobalMaxPooling3D.1", () -> new GlobalMaxPooling3D().dataFormat("channels_first"));
        SETUPS.put("pooling.GlobalAveragePooling3D.0", GlobalAveragePooling3D::new);
        SETUPS.put("pooling.GlobalAveragePooling3D.1", () -> new GlobalAveragePooling3D().dataFormat("channels_first"));
    }

    private static void put2(String id, boolean max, int[] pool, int[] strides, String padding, String format) {
        SETUPS.put(id, () -> max ? new MaxPooling2D(pool).strides(strides).padding(padding).dataFormat(format)
                : new AveragePooling2D(pool).strides(strides).padding(padding).dataFormat(format));
    }

    private static void put3(String id, boolean max, int[] pool, int[] strides, String padding, String format) {
        SETUPS.put(id, () -> max ? new MaxPooling3D(pool).strides(strides).padding(padding).dataFormat(format)
                : new AveragePooling3D(pool).strides(strides).padding(padding).dataFormat(format));
    }

    static Stream<Case> cases() {
        return KerasJsFixtures.cases(DIR, FILES).stream();
    }

    @Test
    void everyCaseOfEveryFileHasASetup() {
        assertCaseIds(SETUPS.keySet(), 60, cases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesKerasOutput(Case c) {
        Supplier<Layer> setup = SETUPS.get(c.id());
        assertNotNull(setup, "no setup for " + c.id());
        Tensor x = c.input();
        Layer layer = setup.get();
        Tensor out = layer.apply(x);
        Tensor expected = c.expected();
        assertArrayEquals(expected.shape(), out.shape(), c.id() + " shape");
        assertArrayEquals(expected.shape(), layer.computeOutputShape(x.shape()), c.id() + " computed shape");
        assertElementsClose(expected, out, 1e-4, c.id());
    }
}
