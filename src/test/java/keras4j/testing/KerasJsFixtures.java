package keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Json;

/**
 * Reads the Keras.js fixture files under {@code src/test/resources/keras-fixtures/kerasjs/} (Keras 2.1 outputs,
 * MIT-licensed; see {@code keras-fixtures/LICENSES} and the MANIFEST.md files beside them), shared by every test that
 * reproduces them.
 *
 * <p>A fixture file is one JSON object whose keys are case ids such as {@code "pooling.MaxPooling1D.0"}; each case is
 * an object with {@code input} (or {@code inputs}), {@code expected} and, for layers with weights, {@code weights}.
 * Every tensor is stored as {@code {"data": [...], "shape": [...]}} without the batch axis.
 */
public final class KerasJsFixtures {
    /** The classpath folder of all Keras.js fixtures, with its trailing slash. */
    public static final String ROOT = "/keras-fixtures/kerasjs/";

    private KerasJsFixtures() {}

    /**
     * One case of a fixture file: its id and its JSON object. {@link #toString()} is the id, so parameterized tests
     * show the fixture's own case names.
     */
    public record Case(String id, Map<String, Object> data) {
        /** The case's {@code input} tensor with a batch axis of one. */
        public Tensor input() {
            return tensor(data.get("input"), true);
        }

        /** The case's {@code expected} output with a batch axis of one. */
        public Tensor expected() {
            return tensor(data.get("expected"), true);
        }

        /** The case's {@code weights}, each as stored (no batch axis), in the file's order. */
        public List<Tensor> weights() {
            return tensors(data.get("weights"));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /**
     * Parses the JSON object of a classpath resource, e.g. {@code "/keras-fixtures/kerasjs/activations.json"}; fails
     * the test when the resource is missing.
     */
    public static Map<String, Object> read(String resource) {
        try (InputStream in = KerasJsFixtures.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing fixture " + resource);
            return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases of {@code files} (names without {@code .json}) in {@code dir} (a classpath folder with its trailing
     * slash), file after file, each file's cases in their stored order.
     */
    @SuppressWarnings("unchecked")
    public static List<Case> cases(String dir, List<String> files) {
        List<Case> all = new ArrayList<>();
        for (String f : files) {
            for (Map.Entry<String, Object> e : read(dir + f + ".json").entrySet()) all.add(new Case(e.getKey(), (Map<String, Object>) e.getValue()));
        }
        return all;
    }

    /**
     * Asserts that the distinct ids of {@code cases} are exactly {@code setupIds} (so every case has a setup and every
     * setup a case) and that there are {@code count} of them.
     */
    public static void assertCaseIds(Collection<String> setupIds, int count, Stream<Case> cases) {
        Set<String> ids = new TreeSet<>();
        cases.forEach(c -> ids.add(c.id()));
        assertEquals(new TreeSet<>(setupIds), ids);
        assertEquals(count, ids.size());
    }

    /** The shape of a stored tensor; {@code withBatch} prepends a batch axis of size 1. */
    @SuppressWarnings("unchecked")
    public static int[] shape(Object json, boolean withBatch) {
        List<Number> shape = (List<Number>) ((Map<String, Object>) json).get("shape");
        int[] s = new int[shape.size() + (withBatch ? 1 : 0)];
        int o = 0;
        if (withBatch) s[o++] = 1;
        for (Number n : shape) s[o++] = n.intValue();
        return s;
    }

    /** A stored tensor; {@code withBatch} prepends a batch axis of size 1. */
    @SuppressWarnings("unchecked")
    public static Tensor tensor(Object json, boolean withBatch) {
        List<Number> data = (List<Number>) ((Map<String, Object>) json).get("data");
        float[] d = new float[data.size()];
        for (int i = 0; i < d.length; i++) d[i] = data.get(i).floatValue();
        return Tensor.wrap(d, shape(json, withBatch));
    }

    /** A stored list of tensors (such as a case's {@code weights}), each without a batch axis. */
    @SuppressWarnings("unchecked")
    public static List<Tensor> tensors(Object jsonList) {
        List<Tensor> out = new ArrayList<>();
        for (Object w : (List<Object>) jsonList) out.add(tensor(w, false));
        return out;
    }

    /**
     * Asserts that every element of {@code actual} is within {@code tolerance} of {@code expected} (a NaN on either
     * side fails), naming {@code what}, the element and both values on failure. The shapes are the caller's to check.
     */
    public static void assertElementsClose(Tensor expected, Tensor actual, double tolerance, String what) {
        float[] e = Internal.array(expected), a = Internal.array(actual);
        for (int i = 0; i < e.length; i++) {
            int index = i;
            assertTrue(Math.abs(e[i] - a[i]) <= tolerance, () -> what + " element " + index + ": expected " + e[index] + ", got " + a[index]);
        }
    }
}
