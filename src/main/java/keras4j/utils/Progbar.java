package keras4j.utils;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keras 3's progress bar ({@code keras.utils.Progbar}, {@code keras/src/utils/progbar.py}), byte
 * for byte, including its ANSI styling:
 * <pre>
 *   3/469 ━━━━━━━━━━━━━━━━━━━━ 2s 5ms/step - accuracy: 0.8512 - loss: 0.4201
 * 469/469 - 2s - 5ms/step - accuracy: 0.9000 - loss: 0.3000          (verbose 2)
 * </pre>
 * Verbose 1 redraws one line in place ({@code \b}s and {@code \r}) when the display is dynamic and
 * starts a new line per update otherwise, at most once per {@code interval} seconds except for the
 * final update, which ends the line. Verbose 2 prints one line when the target is reached.
 * Metrics not declared stateful are averaged over the steps seen, weighted by step count.
 *
 * <pre>
 * Progbar bar = Progbar.builder(469).build();
 * bar.update(3, Map.of("loss", 0.42));
 * </pre>
 */
public final class Progbar {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final String GREEN = "\u001b[32m";
    private static final String WHITE = "\u001b[37m";

    private Integer target;
    private final int width;
    private final int verbose;
    private final double interval;
    private final Set<String> statefulMetrics;
    private final Set<String> statelessMetrics;
    private final String unitName;
    private final PrintStream out;
    private final LongSupplier clock;
    private final boolean dynamicDisplay;
    private final boolean ansi;
    private final char barChar;

    private int seenSoFar;
    private final Map<String, double[]> values = new HashMap<>();
    private final List<String> valuesOrder = new ArrayList<>();
    private final long start;
    private Long lastUpdate;
    private Long timeAfterFirstStep;
    private int prevTotalWidth;

    private Progbar(Builder b) {
        this.target = b.target;
        this.width = b.width;
        this.verbose = b.verbose;
        this.interval = b.interval;
        this.statefulMetrics = b.statefulMetrics;
        this.statelessMetrics = b.statelessMetrics;
        this.unitName = b.unitName;
        this.out = b.out;
        this.clock = b.clock;
        this.dynamicDisplay = b.dynamicDisplay != null ? b.dynamicDisplay : defaultDynamicDisplay();
        this.ansi = b.ansi;
        boolean unicode = b.unicode != null ? b.unicode : canEncode(out, '━');
        this.barChar = unicode ? '━' : '=';
        this.start = clock.getAsLong();
    }

    /** A bar with Keras's defaults (width 20, verbose 1, interval 0.05 s) on {@code System.out}; {@code null}: unknown target. */
    public Progbar(Integer target) {
        this(new Builder(target));
    }

    public static Builder builder(Integer target) {
        return new Builder(target);
    }

    /** The line the training loop prints before each epoch's bar (Keras prints it only when epochs > 1): {@code Epoch 3/10}. */
    public static String epochHeader(int epoch, int epochs) {
        return "Epoch " + epoch + "/" + epochs;
    }

    public Integer target() {
        return target;
    }

    /** Sets the target once it is known (Keras's ProgbarLogger does this at the end of a first epoch of unknown length). */
    public void setTarget(Integer value) {
        this.target = value;
    }

    /** {@link #update(int, Map, Boolean)} with {@code finalize = current >= target}. */
    public void update(int current, Map<String, ? extends Number> metrics) {
        update(current, metrics, null);
    }

    public void update(int current) {
        update(current, null, null);
    }

    /**
     * Records step {@code current} with metric values for the last step (in the map's iteration
     * order on first sight) and redraws. {@code finalize == null} means {@code current >= target}.
     */
    public void update(int current, Map<String, ? extends Number> metrics, Boolean finalize) {
        boolean last = finalize != null ? finalize : target != null && current >= target;
        if (metrics != null) {
            for (Map.Entry<String, ? extends Number> e : metrics.entrySet()) {
                String k = e.getKey();
                double v = e.getValue().doubleValue();
                if (!valuesOrder.contains(k)) valuesOrder.add(k);
                boolean stateless = statefulMetrics != null ? !statefulMetrics.contains(k) : statelessMetrics.contains(k);
                if (stateless && !last) {
                    int base = Math.max(current - seenSoFar, 1);
                    double[] acc = values.get(k);
                    if (acc == null) values.put(k, new double[] {v * base, base});
                    else {
                        acc[0] += v * base;
                        acc[1] += base;
                    }
                } else {
                    values.put(k, new double[] {v, 1});
                }
            }
        }
        seenSoFar = current;

        long now = clock.getAsLong();
        double timePerUnit = estimateStepDuration(current, now);
        if (verbose == 1) {
            if (lastUpdate != null && seconds(now - lastUpdate) < interval && !last) return;
            writeLine(current, now, timePerUnit, last);
        } else if (verbose == 2 && last && target != null && target > 0) {
            StringBuilder info = new StringBuilder(count(current)).append(" - ")
                    .append(PyFormat.fixed(seconds(now - start), 0)).append('s')
                    .append(" -").append(formatTime(timePerUnit, unitName));
            for (String k : valuesOrder) {
                double avg = average(k);
                info.append(" - ").append(k).append(": ")
                        .append(avg > 1e-3 ? PyFormat.fixed(avg, 4) : PyFormat.scientific(avg, 4));
            }
            emit(info.append('\n').toString());
        }
        lastUpdate = now;
    }

    /** {@code update(seen + n, metrics)}. */
    public void add(int n, Map<String, ? extends Number> metrics) {
        update(seenSoFar + n, metrics);
    }

    private void writeLine(int current, long now, double timePerUnit, boolean last) {
        StringBuilder message = new StringBuilder();
        int special = 0;
        if (dynamicDisplay) message.append("\b".repeat(prevTotalWidth)).append('\r');
        else message.append('\n');

        String bar;
        if (target != null && target > 0) {
            StringBuilder b = new StringBuilder(BOLD).append(count(current)).append(RESET).append(' ');
            special += 8;
            int progWidth = (int) (width * ((double) current / target));
            if (progWidth > 0) {
                b.append(GREEN).append(String.valueOf(barChar).repeat(progWidth)).append(RESET);
                special += 9;
            }
            b.append(WHITE).append(String.valueOf(barChar).repeat(Math.max(0, width - progWidth))).append(RESET);
            special += 9;
            bar = b.toString();
        } else {
            bar = String.format(Locale.ROOT, "%7d/Unknown", current);
        }
        message.append(bar);

        StringBuilder info = new StringBuilder(" ").append(BOLD);
        if (target != null && target > 0 && !last) {
            info.append(formatEta(timePerUnit * (target - current)));
        } else {
            info.append(PyFormat.fixed(seconds(now - start), 0)).append('s');
        }
        info.append(RESET);
        special += 8;
        info.append(formatTime(timePerUnit, unitName));
        for (String k : valuesOrder) {
            double avg = average(k);
            info.append(" - ").append(k).append(": ")
                    .append(Math.abs(avg) > 1e-3 ? PyFormat.fixed(avg, 4) : PyFormat.scientific(avg, 4));
        }
        message.append(info);

        int totalWidth = bar.codePointCount(0, bar.length()) + info.codePointCount(0, info.length()) - special;
        if (prevTotalWidth > totalWidth) message.append(" ".repeat(prevTotalWidth - totalWidth));
        if (last) message.append('\n');
        emit(message.toString());
        prevTotalWidth = totalWidth;
    }

    private void emit(String message) {
        out.print(ansi ? message : message.replaceAll("\u001b\\[[0-9;]*m", ""));
        out.flush();
    }

    private String count(int current) {
        int digits = (int) Math.log10(target) + 1;
        return String.format(Locale.ROOT, "%" + digits + "d/%d", current, target);
    }

    private double average(String k) {
        double[] v = values.get(k);
        return v[0] / Math.max(1, v[1]);
    }

    /** Keras's ETA text: {@code 7s}, {@code 2:05}, {@code 1:02:03}. */
    static String formatEta(double eta) {
        if (eta > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", (long) Math.floor(eta / 3600), (long) Math.floor((eta % 3600) / 60), (long) (eta % 60));
        } else if (eta > 60) {
            return String.format(Locale.ROOT, "%d:%02d", (long) Math.floor(eta / 60), (long) (eta % 60));
        }
        return (long) eta + "s";
    }

    /** Keras's time per unit: {@code " 2s/step"}, {@code " 5ms/step"}, {@code " 950us/step"} (0 prints {@code 0s}). */
    static String formatTime(double timePerUnit, String unit) {
        if (timePerUnit >= 1 || timePerUnit == 0) return " " + PyFormat.fixed(timePerUnit, 0) + "s/" + unit;
        if (timePerUnit >= 1e-3) return " " + PyFormat.fixed(timePerUnit * 1000.0, 0) + "ms/" + unit;
        return " " + PyFormat.fixed(timePerUnit * 1000000.0, 0) + "us/" + unit;
    }

    /** Seconds per step, ignoring the first (often slower) step once later steps exist. */
    private double estimateStepDuration(int current, long now) {
        if (current == 0) return 0;
        double perUnit = timeAfterFirstStep != null && current > 1
                ? seconds(now - timeAfterFirstStep) / (current - 1)
                : seconds(now - start) / current;
        if (current == 1) timeAfterFirstStep = now;
        return perUnit;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * Keras redraws in place when stdout is a terminal, inside IPython/Jupyter, or on any POSIX
     * system (its test {@code "posix" in sys.modules}); the JVM equivalents: a console, jshell, a
     * Jupyter Java kernel, or a non-Windows OS.
     */
    public static boolean defaultDynamicDisplay() {
        if (System.console() != null) return true;
        if (System.getProperty("sun.java.command", "").contains("jshell")) return true;
        for (String kernel : List.of("org.dflib.jjava.jupyter.kernel.BaseKernel", "io.github.spencerpark.ijava.IJava",
                "io.github.spencerpark.jupyter.kernel.BaseKernel")) {
            try {
                Class.forName(kernel, false, Progbar.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError ignored) {
                // not running in that kernel
            }
        }
        return !System.getProperty("os.name", "").startsWith("Windows");
    }

    /** Whether the stream's charset has {@code c}; Keras falls back from {@code ━} to {@code =} when stdout cannot encode it. */
    static boolean canEncode(PrintStream stream, char c) {
        Charset cs = null;
        try {
            Method m = PrintStream.class.getMethod("charset"); // Java 18+
            cs = (Charset) m.invoke(stream);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            String name = stream == System.out ? System.getProperty("sun.stdout.encoding") : null;
            try {
                cs = name != null ? Charset.forName(name) : Charset.defaultCharset();
            } catch (RuntimeException e) {
                cs = Charset.defaultCharset();
            }
        }
        return cs.newEncoder().canEncode(c);
    }

    /** Options of a {@link Progbar}, named as Keras's constructor arguments. */
    public static final class Builder {
        private final Integer target;
        private int width = 20;
        private int verbose = 1;
        private double interval = 0.05;
        private Set<String> statefulMetrics = Set.of();
        private Set<String> statelessMetrics;
        private String unitName = "step";
        private PrintStream out = System.out;
        private LongSupplier clock = System::nanoTime;
        private Boolean dynamicDisplay;
        private boolean ansi = true;
        private Boolean unicode;

        private Builder(Integer target) {
            if (target != null && target < 0) throw new IllegalArgumentException("Argument `target` should be >= 0 or null. Received: target=" + target);
            this.target = target;
        }

        public Builder width(int value) {
            if (value < 0) throw new IllegalArgumentException("Argument `width` should be >= 0. Received: width=" + value);
            this.width = value;
            return this;
        }

        /** 0 silent, 1 a bar updated in place, 2 one line at the end. */
        public Builder verbose(int value) {
            if (value < 0 || value > 2) throw new IllegalArgumentException("Argument `verbose` should be 0, 1 or 2. Received: verbose=" + value);
            this.verbose = value;
            return this;
        }

        /** Minimum seconds between two intermediate redraws (default 0.05). */
        public Builder interval(double seconds) {
            this.interval = seconds;
            return this;
        }

        /** Metrics shown as given rather than averaged; all others are averaged. */
        public Builder statefulMetrics(Set<String> names) {
            this.statefulMetrics = Set.copyOf(names);
            this.statelessMetrics = null;
            return this;
        }

        /** Metrics that are averaged; all others are shown as given (Keras's fit uses an empty set). */
        public Builder statelessMetrics(Set<String> names) {
            this.statelessMetrics = Set.copyOf(names);
            this.statefulMetrics = null;
            return this;
        }

        public Builder unitName(String value) {
            this.unitName = value;
            return this;
        }

        public Builder out(PrintStream value) {
            this.out = value;
            return this;
        }

        /** The time source in nanoseconds (default {@link System#nanoTime}); tests inject a fake clock. */
        public Builder clock(LongSupplier nanos) {
            this.clock = nanos;
            return this;
        }

        /** Overrides {@link #defaultDynamicDisplay()}: redraw in place ({@code true}) or one line per update. */
        public Builder dynamicDisplay(boolean value) {
            this.dynamicDisplay = value;
            return this;
        }

        /** {@code false} strips Keras's ANSI bold and colour codes (for plain log files). */
        public Builder ansi(boolean value) {
            this.ansi = value;
            return this;
        }

        /** Forces the bar character: {@code ━} ({@code true}) or Keras's ASCII fallback {@code =}; default by the stream's charset. */
        public Builder unicode(boolean value) {
            this.unicode = value;
            return this;
        }

        public Progbar build() {
            return new Progbar(this);
        }
    }

    /** The metric values the bar would show now, in display order (averages for stateless metrics). */
    public Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String k : valuesOrder) m.put(k, average(k));
        return m;
    }
}
