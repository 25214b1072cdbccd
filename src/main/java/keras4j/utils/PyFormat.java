package keras4j.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's number formatting, digit for digit, for every text keras4j prints or writes as Keras does (progress bars,
 * summaries, callbacks' messages and file names): {@code repr(float)}, {@code f"{x:.Nf}"}, {@code f"{x:.Ne}"},
 * {@code f"{n:,}"} and {@code str.format(**kwargs)} with the common part of the format-spec mini-language.
 *
 * <p>Python rounds the exact binary value of a double, ties to even ({@code f"{0.125:.2f}"} is {@code 0.12},
 * {@code f"{1.005:.2f}"} is {@code 1.00}); {@link String#format} rounds its shortest decimal form half up and would print
 * {@code 0.13} and {@code 1.01}, and Java 17's {@code Double.toString} is not always the shortest round-trip string.
 * The sign is the sign bit, as CPython's: {@code -0.0} prints {@code -0.00} and a value that rounds to zero keeps its
 * minus ({@code f"{-0.001:.2f}"} is {@code -0.00}); NaN prints {@code nan} whatever its sign bit.
 */
public final class PyFormat {
    /** A field's name is missing from the keyword arguments (Python's {@code KeyError}). */
    public static final class MissingKeyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        /** The missing key. */
        public final String key;

        MissingKeyException(String key) {
            super("'" + key + "'");
            this.key = key;
        }
    }

    // [[fill]align][sign][0][width][.precision][type]
    private static final Pattern SPEC = Pattern.compile("(?:(.)?([<>=^]))?([+\\- ])?(0)?(\\d+)?(?:\\.(\\d+))?([deEfF%])?");

    private PyFormat() {}

    /** Python's {@code repr(x)} for a float: the shortest digits that read back to {@code x}, e.g. {@code 1e-05}, {@code 0.1}, {@code 2.0}. */
    public static String repr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return (1 / x < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = shortestRoundTrip(x).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + exponentSuffix(exponent);
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
    }

    /** Python's {@code format(x, ".Nf")}: fixed point with {@code precision} digits, e.g. {@code 0.25 -> "0.25"}. */
    public static String fixed(double x, int precision) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        String s = new BigDecimal(x).setScale(precision, RoundingMode.HALF_EVEN).abs().toPlainString();
        return (isNegative(x) ? "-" : "") + s;
    }

    /** Python's {@code format(x, ".Ne")}: one digit, a point, {@code precision} digits and a signed two-digit exponent. */
    public static String scientific(double x, int precision) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        String sign = isNegative(x) ? "-" : "";
        if (x == 0) return sign + "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + "e+00";
        BigDecimal rounded = new BigDecimal(x).abs().round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (digits.length() < precision + 1) digits = digits + "0".repeat(precision + 1 - digits.length());
        digits = digits.substring(0, precision + 1);
        String mantissa = precision > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return sign + mantissa + exponentSuffix(exponent);
    }

    /**
     * Python's {@code template.format(**kwargs)} for {@code {name}} and {@code {name:spec}} fields and {@code {{ }}}
     * escapes. Values are {@link Integer}/{@link Long} (Python ints) or {@link Double} (Python floats); the spec
     * supports fill, alignment, sign, zero padding, width, precision and the types {@code d e E f F %}.
     *
     * @throws MissingKeyException when a field names no key of {@code kwargs}
     * @throws IllegalArgumentException for malformed templates and specs Python rejects or this subset lacks
     */
    public static String format(String template, Map<String, ?> kwargs) {
        StringBuilder out = new StringBuilder();
        int i = 0, n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = template.indexOf('}', i + 1);
                if (close < 0) throw new IllegalArgumentException("Single '{' encountered in format string: " + template);
                String field = template.substring(i + 1, close);
                if (field.indexOf('{') >= 0) throw new IllegalArgumentException("Nested replacement fields are not supported: " + template);
                out.append(formatField(field, kwargs, template));
                i = close + 1;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new IllegalArgumentException("Single '}' encountered in format string: " + template);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String formatField(String field, Map<String, ?> kwargs, String template) {
        int colon = field.indexOf(':');
        String name = colon < 0 ? field : field.substring(0, colon);
        String spec = colon < 0 ? "" : field.substring(colon + 1);
        if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Positional fields need positional arguments; use a name such as {epoch}. Template: " + template);
        }
        if (name.indexOf('!') >= 0 || name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
            throw new IllegalArgumentException("Conversions, attributes and indices in fields are not supported: {" + field + "} in " + template);
        }
        if (!kwargs.containsKey(name)) throw new MissingKeyException(name);
        return formatValue(kwargs.get(name), spec);
    }

    /** Python's {@code format(value, spec)} for ints ({@link Integer}, {@link Long}) and floats ({@link Double}, {@link Float}). */
    public static String formatValue(Object value, String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) throw new IllegalArgumentException("Unsupported format specifier: '" + spec + "'");
        boolean isInt = value instanceof Integer || value instanceof Long;
        if (!isInt && !(value instanceof Double) && !(value instanceof Float)) {
            throw new IllegalArgumentException("Cannot format a value of type " + (value == null ? "None" : value.getClass().getSimpleName()));
        }
        String fill = m.group(1), align = m.group(2), sign = m.group(3);
        boolean zero = m.group(4) != null;
        int width = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        Integer precision = m.group(6) == null ? null : Integer.valueOf(m.group(6));
        String type = m.group(7);

        String body;
        boolean negative;
        if (isInt && (type == null || type.equals("d"))) {
            if (precision != null) throw new IllegalArgumentException("Precision not allowed in integer format specifier");
            long v = ((Number) value).longValue();
            negative = v < 0;
            body = Long.toString(Math.abs(v));
        } else {
            if (type != null && type.equals("d")) throw new IllegalArgumentException("Unknown format code 'd' for object of type 'float'");
            double v = ((Number) value).doubleValue();
            if (type == null && precision != null) {
                throw new IllegalArgumentException("Unsupported format specifier: '" + spec + "' (add a type: f or e)");
            }
            negative = isNegative(v) && !Double.isNaN(v);
            double a = Math.abs(v);
            int p = precision == null ? 6 : precision;
            if (type == null) body = repr(a);
            else body = switch (type) {
                case "f" -> fixed(a, p);
                case "F" -> fixed(a, p).toUpperCase();
                case "e" -> scientific(a, p);
                case "E" -> scientific(a, p).toUpperCase();
                case "%" -> (Double.isFinite(a) ? fixed(a * 100, p) : fixed(a, p)) + "%";
                default -> throw new IllegalStateException(type);
            };
        }
        String signText = negative ? "-" : "+".equals(sign) ? "+" : " ".equals(sign) ? " " : "";
        if (zero && align == null) {
            fill = "0";
            align = "=";
        }
        if (fill == null) fill = " ";
        if (align == null) align = ">";
        int pad = width - signText.length() - body.length();
        if (pad <= 0) return signText + body;
        return switch (align) {
            case "<" -> signText + body + fill.repeat(pad);
            case "^" -> fill.repeat(pad / 2) + signText + body + fill.repeat(pad - pad / 2);
            case "=" -> signText + fill.repeat(pad) + body;
            default -> fill.repeat(pad) + signText + body;
        };
    }

    /** {@code f"{n:,}"}: thousands separated by commas. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Python's sign of a float: its sign bit ({@code -0.0} is negative); callers print NaN before asking. */
    private static boolean isNegative(double x) {
        return Double.doubleToRawLongBits(x) < 0;
    }

    private static String exponentSuffix(int exponent) {
        String e = Integer.toString(Math.abs(exponent));
        return (exponent < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
    }

    /**
     * The shortest decimal that parses back to {@code x}; among equally short ones, the nearest to {@code x}. At each
     * length only the two decimals bracketing {@code x} can qualify, because the set reading back to {@code x} is an
     * interval around it.
     */
    private static BigDecimal shortestRoundTrip(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
            BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
            boolean downOk = Double.parseDouble(down.toString()) == x;
            boolean upOk = Double.parseDouble(up.toString()) == x;
            if (downOk && upOk) return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (downOk) return down;
            if (upOk) return up;
        }
        return exact.round(MathContext.DECIMAL64);
    }
}
