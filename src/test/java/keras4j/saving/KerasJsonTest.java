package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KerasJsonTest {

    @Test
    void floatsPrintAsPythonRepr() {
        // Expected strings are Python 3's repr() of the same doubles.
        double[] values = {0.0, -0.0, 1.0, 0.5, 0.001, 1e-4, 1e-5, 1.5e-5, 1e-7, 9.999999747378752e-05,
                0.699999988079071, 123456.789, 1e15, 1e16, 1.2345e20, 5e-324, 1.7976931348623157e308, -2.5};
        String[] python = {"0.0", "-0.0", "1.0", "0.5", "0.001", "0.0001", "1e-05", "1.5e-05", "1e-07",
                "9.999999747378752e-05", "0.699999988079071", "123456.789", "1000000000000000.0", "1e+16",
                "1.2345e+20", "5e-324", "1.7976931348623157e+308", "-2.5"};
        for (int i = 0; i < values.length; i++) assertEquals(python[i], KerasJson.pythonRepr(values[i]), "value " + i);
        assertEquals("NaN", KerasJson.pythonRepr(Double.NaN));
        // float32 values print as the literal that produced them: 0.1f is 0.1, not 0.10000000149011612.
        assertEquals("0.1", KerasJson.pythonRepr(0.1f));
        assertEquals("1e-07", KerasJson.pythonRepr(1e-7f));
        assertEquals("1e-45", KerasJson.pythonRepr(Float.MIN_VALUE)); // as numpy prints float32(1e-45)
        assertEquals("3.4028235e+38", KerasJson.pythonRepr(Float.MAX_VALUE));
        assertEquals("-0.0", KerasJson.pythonRepr(-0f));
        assertEquals("-Infinity", KerasJson.pythonRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void writesLikeJsonDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_name", "Dense");
        m.put("units", 3);
        m.put("rate", 0.1f);
        m.put("shape", Arrays.asList(null, 4));
        m.put("empty", List.of());
        m.put("nested", Map.of("a", true));
        m.put("name", "naïve");
        assertEquals("{\"class_name\": \"Dense\", \"units\": 3, \"rate\": 0.1, \"shape\": [null, 4], \"empty\": [], "
                + "\"nested\": {\"a\": true}, \"name\": \"na\\u00efve\"}", KerasJson.write(m));
    }

    @Test
    void readsKeepKeyOrderAndPythonTokens() {
        Map<String, Object> m = KerasJson.readObject("{\"b\": 1, \"a\": [Infinity, 2.5], \"c\": null}", Path.of("x"), "x");
        assertEquals(List.of("b", "a", "c"), List.copyOf(m.keySet()));
        assertEquals(List.of(Double.POSITIVE_INFINITY, 2.5), m.get("a"));
    }
}
