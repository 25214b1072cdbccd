package keras4j.saving;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * JSON as Keras writes and reads it with Python's {@code json} module: {@code json.dumps} separators
 * ({@code ", "} and {@code ": "}), non-ASCII and control characters escaped with lowercase hex digits, floats
 * in Python's {@code repr} form ({@code 1e-07}, {@code 0.001}, {@code 1.0}), and {@code NaN}/{@code Infinity}
 * accepted and written. Objects keep key order.
 */
final class KerasJson {
    private KerasJson() {}

    private static final JsonMapper MAPPER = JsonMapper.builder(
                    new JsonFactoryBuilder().characterEscapes(new PythonEscapes()).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(new SimpleModule("python-floats")
                    .addSerializer(Double.class, new PythonFloat<>())
                    .addSerializer(Float.class, new PythonFloat<>()))
            .defaultPrettyPrinter(new PythonSeparators())
            .build();

    /** {@code json.dumps(value)}. */
    static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write this config as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a JSON object; {@code what} names it in the error ("config.json", "attribute model_config"). */
    static Map<String, Object> readObject(String json, Path origin, String what) {
        try {
            Object value = MAPPER.readValue(json, new TypeReference<Object>() {});
            if (value instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) value;
                return map;
            }
            throw new KerasFileException(origin, what + " is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new KerasFileException(origin, what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Python's float {@code repr}: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    static String pythonRepr(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        return format(shortest(new BigDecimal(v), 17, r -> r.doubleValue() == v), v < 0);
    }

    /** The repr of a float32 value as Python prints the float literal a user would have typed for it. */
    static String pythonRepr(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v) || v == 0) return pythonRepr((double) v);
        return format(shortest(new BigDecimal(v), 9, r -> r.floatValue() == v), v < 0);
    }

    /**
     * The decimal with the fewest significant digits that reads back as the same binary value, the closest one
     * when several have that many digits (what Python's repr prints; Java 17's toString is not always shortest).
     */
    private static BigDecimal shortest(BigDecimal exact, int maxDigits, Predicate<BigDecimal> roundTrips) {
        for (int digits = 1; digits < maxDigits; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (roundTrips.test(r)) return r.stripTrailingZeros();
        }
        return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static String format(BigDecimal d, boolean negative) {
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = negative ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    private static final class PythonFloat<T extends Number> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value instanceof Float f ? pythonRepr(f.floatValue()) : pythonRepr(value.doubleValue()));
        }
    }

    /** {@code ensure_ascii=True}: non-ASCII and control characters as backslash-u escapes with lowercase hex. */
    private static final class PythonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        PythonEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if (ascii[c] == CharacterEscapes.ESCAPE_STANDARD) ascii[c] = CharacterEscapes.ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x20 || ch > 0x7e ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
