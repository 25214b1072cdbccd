package keras4j.saving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON as Keras writes and reads it with Python's {@code json} module: {@code json.dumps} separators
 * ({@code ", "} and {@code ": "}), non-ASCII escaped, floats in Python's {@code repr} form ({@code 1e-07},
 * {@code 0.001}, {@code 1.0}), and {@code NaN}/{@code Infinity} accepted and written. Objects keep key order.
 */
final class KerasJson {
    private KerasJson() {}

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
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
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
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
            double v = value instanceof Float f ? Double.parseDouble(Float.toString(f)) : value.doubleValue();
            gen.writeNumber(pythonRepr(v));
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
