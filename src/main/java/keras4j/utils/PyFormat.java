package keras4j.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's number formatting, digit for digit, for the text Keras prints.
 *
 * <p>Python rounds the exact binary value of a double, ties to even ({@code f"{0.125:.2f}"} is
 * {@code 0.12}, {@code f"{1.005:.2f}"} is {@code 1.00}); {@link String#format} rounds its shortest
 * decimal form half up and would print {@code 0.13} and {@code 1.01}. Keras's printed numbers
 * (memory sizes, metrics, timings) go through here so they match byte for byte.
 */
final class PyFormat {
    private PyFormat() {}

    /** {@code f"{v:.{decimals}f}"}. */
    static String fixed(double v, int decimals) {
        String special = special(v);
        if (special != null) return special;
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) && !s.startsWith("-") ? "-" + s : s;
    }

    /** {@code f"{v:.{decimals}e}"}: one digit, the decimals, then an exponent of at least two digits. */
    static String scientific(double v, int decimals) {
        String special = special(v);
        if (special != null) return special;
        String sign = negative(v) ? "-" : "";
        StringBuilder digits;
        int exponent;
        if (v == 0) {
            digits = new StringBuilder("0");
            exponent = 0;
        } else {
            BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
            digits = new StringBuilder(r.unscaledValue().toString());
            exponent = digits.length() - 1 - r.scale();
        }
        while (digits.length() < decimals + 1) digits.append('0');
        StringBuilder out = new StringBuilder(sign).append(digits.charAt(0));
        if (decimals > 0) out.append('.').append(digits, 1, decimals + 1);
        out.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) out.append('0');
        return out.append(e).toString();
    }

    /** {@code f"{n:,}"}: thousands separated by commas. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static boolean negative(double v) {
        return v < 0 || (v == 0 && 1 / v < 0);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return null;
    }
}
