package keras4j.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import keras4j.utils.PyFormat;

/**
 * Streams epoch results to a CSV file; Keras's {@code keras.callbacks.CSVLogger(filename, separator=",",
 * append=False)}.
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(10).callbacks(new CSVLogger("training.log")));
 * }</pre>
 *
 * <p>The file is written as Keras writes it with Python's {@code csv} module: a header {@code epoch,<keys>} where
 * the keys are the first epoch's log keys sorted, followed by a {@code val_} copy of each when the logs have no
 * validation keys; then one row per epoch (epochs from 0), values as Python prints floats ({@code 0.1},
 * {@code 1e-05}, {@code nan}), {@code NA} for a key missing from an epoch's logs, lines ending in {@code \r\n},
 * fields quoted only when they contain the separator, a quote or a line break. Each row is flushed as it is
 * written. With {@code append}, an existing file is continued and gets no second header (unless it is empty);
 * otherwise it is overwritten. The folder must exist, as in Keras.
 */
public class CSVLogger extends Callback {
    private static final String LINE_END = "\r\n";

    private final Path filename;
    private String separator = ",";
    private boolean append;

    private Writer writer;
    private List<String> keys;
    private boolean headerWritten;
    private boolean appendHeader = true;

    /** Logs to {@code filename}, e.g. {@code "run/log.csv"} (Keras's {@code filename}). */
    public CSVLogger(String filename) {
        this(Path.of(filename));
    }

    /** Logs to {@code filename}. */
    public CSVLogger(Path filename) {
        this.filename = filename;
    }

    /**
     * Keras's positional form {@code CSVLogger(filename, separator, append)}; same as
     * {@code new CSVLogger(filename).separator(separator).append(append)}.
     */
    public CSVLogger(String filename, String separator, boolean append) {
        this(filename);
        separator(separator);
        append(append);
    }

    /**
     * The field separator, one character (Keras's {@code separator}, default {@code ","}).
     *
     * @throws IllegalArgumentException for anything but one character, which Python's {@code csv} module rejects
     */
    public CSVLogger separator(String separator) {
        if (separator == null || separator.length() != 1 || separator.equals("\r") || separator.equals("\n") || separator.equals("\"")) {
            throw new IllegalArgumentException("CSVLogger: `separator` must be a single character other than a quote or a line break. "
                    + "Received: separator=" + (separator == null ? "null" : "\"" + separator + "\""));
        }
        this.separator = separator;
        return this;
    }

    /** Continue an existing file instead of overwriting it, e.g. when resuming training (Keras's {@code append}). */
    public CSVLogger append(boolean append) {
        this.append = append;
        return this;
    }

    public Path filename() {
        return filename;
    }

    public String separator() {
        return separator;
    }

    public boolean append() {
        return append;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        closeQuietly();
        try {
            if (append) {
                if (Files.exists(filename)) appendHeader = Files.size(filename) == 0;
                writer = Files.newBufferedWriter(filename, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } else {
                writer = Files.newBufferedWriter(filename, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot open " + filename, e);
        }
        keys = null;
        headerWritten = false;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (writer == null) throw new IllegalStateException("CSVLogger: onEpochEnd called before onTrainBegin (the file is not open).");
        Map<String, Double> values = logs == null ? Map.of() : logs;
        if (keys == null) keys = columns(values);
        StringBuilder text = new StringBuilder();
        if (!headerWritten) {
            if (appendHeader) {
                List<String> header = new ArrayList<>();
                header.add("epoch");
                header.addAll(keys);
                text.append(row(header));
            }
            headerWritten = true;
        }
        List<String> fields = new ArrayList<>();
        fields.add(Integer.toString(epoch));
        for (String key : keys) {
            Double value = values.get(key);
            fields.add(value == null ? "NA" : PyFormat.repr(value));
        }
        text.append(row(fields));
        try {
            writer.write(text.toString());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write to " + filename, e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        Writer open = writer;
        writer = null;
        if (open == null) return;
        try {
            open.close();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot close " + filename, e);
        }
    }

    /** The first epoch's keys sorted, plus {@code val_} twins when there is no validation key yet (Keras 3). */
    private static List<String> columns(Map<String, Double> logs) {
        List<String> sorted = new ArrayList<>(logs.keySet());
        Collections.sort(sorted);
        boolean hasValidation = sorted.stream().anyMatch(k -> k.startsWith("val_"));
        if (!hasValidation && !sorted.isEmpty()) {
            List<String> twins = new ArrayList<>();
            for (String k : sorted) twins.add("val_" + k);
            sorted.addAll(twins);
        }
        return sorted;
    }

    /** One line as Python's {@code csv} writer (excel dialect, minimal quoting) writes it. */
    private String row(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) line.append(separator);
            String f = fields.get(i);
            boolean quote = f.contains(separator) || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0 || f.indexOf('\n') >= 0;
            line.append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return line.append(LINE_END).toString();
    }

    private void closeQuietly() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException ignored) {
            // A failed close of the previous run's file must not prevent the new run from logging.
        } finally {
            writer = null;
        }
    }
}
