package keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgbarTest {

    /** One update: at {@code t}/32 seconds, step {@code current}, optionally setting the target first. */
    record Step(long t, int current, Map<String, Double> values, Boolean last, Integer target) {
        static Step at(long t, int current, Object... nameValues) {
            return new Step(t, current, metrics(nameValues), null, null);
        }

        Step finalizing(Integer newTarget) {
            return new Step(t, current, values, true, newTarget);
        }
    }

    static Map<String, Double> metrics(Object... nameValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) m.put((String) nameValues[i], ((Number) nameValues[i + 1]).doubleValue());
        return m;
    }

    static String run(Progbar.Builder builder, Step... steps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Progbar bar = builder.out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).clock(() -> now[0]).build();
        for (Step s : steps) {
            now[0] = s.t() * 31_250_000L;
            if (s.target() != null) bar.setTarget(s.target());
            bar.update(s.current(), s.values(), s.last());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String expected(String name) throws IOException {
        try (InputStream in = ProgbarTest.class.getResourceAsStream("progbar/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final Step[] TEN_STEPS = {
        Step.at(8, 1, "accuracy", 0.5, "loss", 1.25),
        Step.at(9, 2, "accuracy", 0.625, "loss", 1.0),
        Step.at(11, 3, "accuracy", 0.7, "loss", 0.8125),
        Step.at(12, 4, "accuracy", 0.75, "loss", 0.7),
        Step.at(14, 5, "accuracy", 0.8, "loss", 0.6),
        Step.at(15, 6, "accuracy", 0.8125, "loss", 0.55),
        Step.at(17, 7, "accuracy", 0.85, "loss", 0.5),
        Step.at(18, 8, "accuracy", 0.875, "loss", 0.45),
        Step.at(20, 9, "accuracy", 0.9, "loss", 0.4),
        Step.at(40, 10, "accuracy", 0.9125, "loss", 0.375),
    };

    @Test
    void verbose1RedrawsInPlaceWithThrottling() throws IOException {
        String out = run(Progbar.builder(10).dynamicDisplay(true).unicode(true), TEN_STEPS);
        assertEquals(expected("verbose1_dynamic.txt"), out);
        assertTrue(out.startsWith("\r\u001b[1m 1/10\u001b[0m \u001b[32m━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m2s\u001b[0m 250ms/step"
                + " - accuracy: 0.5000 - loss: 1.2500"), out);
        assertTrue(out.endsWith("\r\u001b[1m10/10\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m1s\u001b[0m 111ms/step"
                + " - accuracy: 0.9125 - loss: 0.3750\n"), out);
    }

    @Test
    void verbose1WithoutDynamicDisplayStartsNewLines() throws IOException {
        String out = run(Progbar.builder(4).width(30).unitName("sample").dynamicDisplay(false).unicode(true),
                Step.at(4, 1, "mae", 3.5), Step.at(6, 2, "mae", 2.25), Step.at(8, 4, "mae", 1.0));
        assertEquals(expected("verbose1_static.txt"), out);
    }

    @Test
    void verbose2PrintsOneLineAtTheEnd() throws IOException {
        String out = run(Progbar.builder(469).verbose(2),
                Step.at(16, 1, "accuracy", 0.25, "loss", 2.5),
                Step.at(32, 200, "accuracy", 0.75, "loss", 0.75),
                Step.at(80, 469, "accuracy", 0.8512, "loss", 0.4201));
        assertEquals(expected("verbose2.txt"), out);
        assertEquals("469/469 - 2s - 4ms/step - accuracy: 0.8512 - loss: 0.4201\n", out);
    }

    @Test
    void verbose2StatefulMetricsAndScientificFormat() throws IOException {
        String out = run(Progbar.builder(8).verbose(2).statelessMetrics(Set.of()),
                Step.at(1, 1, "loss", 0.5, "delta", -0.25, "tiny", 0.0005),
                Step.at(2, 8, "loss", 0.125, "delta", -0.25, "tiny", 0.0005));
        assertEquals(expected("verbose2_stateful.txt"), out);
    }

    @Test
    void unknownTargetThenFinalizedLikeProgbarLogger() throws IOException {
        String out = run(Progbar.builder(null).statelessMetrics(Set.of()).dynamicDisplay(true).unicode(true),
                Step.at(1, 1, "loss", 0.9), Step.at(3, 2, "loss", 0.7), Step.at(40, 150, "loss", 0.5),
                Step.at(41, 150, "loss", 0.45).finalizing(150));
        assertEquals(expected("unknown_target.txt"), out);
    }

    @Test
    void etaFormatsHoursMinutesSeconds() throws IOException {
        String out = run(Progbar.builder(100000).dynamicDisplay(true).unicode(true),
                Step.at(64, 1, "loss", 0.0001234, "delta", -0.5),
                Step.at(128, 2, "loss", 0.0001234, "delta", -0.5),
                Step.at(6397440, 99960, "loss", 0.00001, "delta", -0.25),
                Step.at(6399680, 99995, "loss", 0.0, "delta", 0.0),
                Step.at(6400000, 100000, "loss", 0.002, "delta", -0.125));
        assertEquals(expected("long_eta.txt"), out);
    }

    @Test
    void plainTextAndAsciiFallback() throws IOException {
        String out = run(Progbar.builder(10).dynamicDisplay(true).ansi(false).unicode(false), TEN_STEPS);
        String keras = expected("verbose1_dynamic.txt").replaceAll("\u001b\\[[0-9;]*m", "").replace('━', '=');
        assertEquals(keras, out);
        assertTrue(out.endsWith("\r10/10 ==================== 1s 111ms/step - accuracy: 0.9125 - loss: 0.3750\n"), out);
    }

    @Test
    void verbose0PrintsNothingAndAddAdvances() {
        assertEquals("", run(Progbar.builder(3).verbose(0), Step.at(1, 1, "loss", 1.0), Step.at(2, 3, "loss", 0.5)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Progbar bar = Progbar.builder(4).verbose(2).out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).clock(() -> now[0]).build();
        now[0] = 1_000_000_000L;
        bar.add(2, metrics("loss", 1.0));
        bar.add(2, metrics("loss", 0.5));
        assertEquals("4/4 - 1s - 250ms/step - loss: 0.5000\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(Map.of("loss", 0.5), bar.values());
    }

    @Test
    void timeAndEtaFormatting() {
        assertEquals(" 0s/step", Progbar.formatTime(0, "step"));
        assertEquals(" 2s/step", Progbar.formatTime(2.4, "step"));
        assertEquals(" 5ms/step", Progbar.formatTime(0.005, "step"));
        assertEquals(" 950us/sample", Progbar.formatTime(0.00095, "sample"));
        assertEquals(" 2ms/step", Progbar.formatTime(0.0025, "step"));
        assertEquals("59s", Progbar.formatEta(59.9));
        assertEquals("1:05", Progbar.formatEta(65.5));
        assertEquals("1:00:01", Progbar.formatEta(3601.5));
    }

    @Test
    void epochHeaderAndValidation() {
        assertEquals("Epoch 3/10", Progbar.epochHeader(3, 10));
        assertThrows(IllegalArgumentException.class, () -> Progbar.builder(-1));
        assertThrows(IllegalArgumentException.class, () -> Progbar.builder(1).verbose(3));
        assertThrows(IllegalArgumentException.class, () -> Progbar.builder(1).width(-1));
        assertEquals(Integer.valueOf(7), new Progbar(7).target());
    }

    @Test
    void pythonNumberFormatting() {
        assertEquals("0.12", PyFormat.fixed(0.125, 2));
        assertEquals("0.38", PyFormat.fixed(0.375, 2));
        assertEquals("2", PyFormat.fixed(2.5, 0));
        assertEquals("-0.00", PyFormat.fixed(-0.001, 2));
        assertEquals("nan", PyFormat.fixed(Double.NaN, 4));
        assertEquals("1.2340e-04", PyFormat.scientific(0.0001234, 4));
        assertEquals("0.0000e+00", PyFormat.scientific(0.0, 4));
        assertEquals("-2.5000e-01", PyFormat.scientific(-0.25, 4));
        assertEquals("1.0000e+100", PyFormat.scientific(1e100, 4));
        assertEquals("1.0000e+01", PyFormat.scientific(9.99996, 4));
        assertEquals("34,826", PyFormat.grouped(34826));
        assertEquals("-1,000", PyFormat.grouped(-1000));
    }
}
