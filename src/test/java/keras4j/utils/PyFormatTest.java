package keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are CPython 3.11's {@code repr} and {@code str.format} output. */
class PyFormatTest {

    @Test
    void reprIsPythonsShortestRoundTrip() {
        assertEquals("0.1", PyFormat.repr(0.1));
        assertEquals("1e-05", PyFormat.repr(1e-5));
        assertEquals("1.0", PyFormat.repr(1.0));
        assertEquals("100.0", PyFormat.repr(100.0));
        assertEquals("1e+16", PyFormat.repr(1e16));
        assertEquals("1000000000000000.0", PyFormat.repr(1e15));
        assertEquals("0.0001", PyFormat.repr(0.0001));
        assertEquals("123456789.125", PyFormat.repr(123456789.125));
        assertEquals("-0.0", PyFormat.repr(-0.0));
        assertEquals("0.0", PyFormat.repr(0.0));
        assertEquals("inf", PyFormat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyFormat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("nan", PyFormat.repr(Double.NaN));
        assertEquals("0.30000000000000004", PyFormat.repr(0.1 + 0.2));
        assertEquals("5e-324", PyFormat.repr(Double.MIN_VALUE));
        assertEquals("1.5e-07", PyFormat.repr(1.5e-7));
        assertEquals("2.5e+20", PyFormat.repr(2.5e20));
        assertEquals("-2.5", PyFormat.repr(-2.5));
        // Java 17's Double.toString gives 2.82879384806159008E17 here; Python's repr is shortest.
        assertEquals("2.82879384806159e+17", PyFormat.repr(2.82879384806159e17));
    }

    @Test
    void reprOfWidenedFloat32LearningRates() {
        assertEquals("0.0010000000474974513", PyFormat.repr((double) 0.001f));
        assertEquals("0.00010000000474974513", PyFormat.repr((double) 0.001f * 0.1));
        assertEquals("0.10000000149011612", PyFormat.repr((double) 0.1f));
        assertEquals("0.25", PyFormat.repr((double) 0.25f));
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.12", PyFormat.fixed(0.125, 2));
        assertEquals("2.67", PyFormat.fixed(2.675, 2));
        assertEquals("0.38", PyFormat.fixed(0.375, 2));
        assertEquals("0.25000", PyFormat.fixed(0.25, 5));
        assertEquals("-0.00", PyFormat.fixed(-0.001, 2));
        assertEquals("nan", PyFormat.fixed(Double.NaN, 5));
    }

    @Test
    void formatsCheckpointNames() {
        assertEquals("ckpt-03-0.25.weights.h5", format("ckpt-{epoch:02d}-{val_loss:.2f}.weights.h5", "epoch", 3, "val_loss", 0.2512));
        assertEquals("m-7.keras", format("m-{epoch}.keras", "epoch", 7));
        assertEquals("m-012-1.235e-04.keras", format("m-{epoch:03d}-{loss:.3e}.keras", "epoch", 12, "loss", 0.000123456));
        assertEquals("{literal}-   5-+1.0", format("{{literal}}-{epoch:>4}-{acc:+.1f}", "epoch", 5, "acc", 0.96));
        assertEquals("1e-05", format("{loss}", "loss", 1e-5));
        assertEquals("12.3%", format("{loss:.1%}", "loss", 0.1234));
        assertEquals("**42***", format("{epoch:*^7d}", "epoch", 42));
        assertEquals("-001.500", format("{loss:08.3f}", "loss", -1.5));
        assertEquals("0.12", format("{loss:.2f}", "loss", 0.125));
        assertEquals("3.00", format("{epoch:.2f}", "epoch", 3));
        assertEquals("1.234568E+04", format("{loss:E}", "loss", 12345.678));
        assertEquals("nan", format("{loss:f}", "loss", Double.NaN));
        assertEquals(" 6e+00", format("{loss: .0e}", "loss", 5.5));
        assertEquals("no fields", format("no fields"));
    }

    @Test
    void rejectsWhatPythonRejects() {
        assertEquals("Unknown format code 'd' for object of type 'float'",
                assertThrows(IllegalArgumentException.class, () -> format("{loss:02d}", "loss", 0.5)).getMessage());
        assertEquals("Precision not allowed in integer format specifier",
                assertThrows(IllegalArgumentException.class, () -> format("{epoch:.2}", "epoch", 3)).getMessage());
        PyFormat.MissingKeyException missing = assertThrows(PyFormat.MissingKeyException.class, () -> format("{x}"));
        assertEquals("'x'", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> format("a}b"));
        assertThrows(IllegalArgumentException.class, () -> format("{epoch", "epoch", 1));
        assertThrows(IllegalArgumentException.class, () -> format("{}", "epoch", 1));
        assertThrows(IllegalArgumentException.class, () -> format("{epoch:,d}", "epoch", 1000));
    }

    private static String format(String template, Object... keysAndValues) {
        Map<String, Object> kwargs = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) kwargs.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return PyFormat.format(template, kwargs);
    }

    /** One sign rule for every form: the sign bit, as CPython; NaN prints without it (CPython 3: f"{-nan:+.2f}" is "+nan"). */
    @Test
    void signsAndRoundingFollowPython() {
        assertEquals("0.12", PyFormat.fixed(0.125, 2));
        assertEquals("1.00", PyFormat.fixed(1.005, 2));
        assertEquals("-0.00", PyFormat.fixed(-0.001, 2));
        assertEquals("-0.00", PyFormat.fixed(-0.0, 2));
        assertEquals("0.00", PyFormat.fixed(0.0, 2));
        assertEquals("-0.00e+00", PyFormat.scientific(-0.0, 2));
        assertEquals("-1.23e-20", PyFormat.scientific(-1.2345e-20, 2));
        assertEquals("nan", PyFormat.fixed(Double.longBitsToDouble(0xfff8000000000000L), 2));
        assertEquals("+nan", PyFormat.formatValue(Double.longBitsToDouble(0xfff8000000000000L), "+.2f"));
        assertEquals("-inf", PyFormat.fixed(Double.NEGATIVE_INFINITY, 3));
        assertEquals("1,234,567", PyFormat.grouped(1234567));
        assertEquals("-1,234", PyFormat.grouped(-1234));
    }
}
