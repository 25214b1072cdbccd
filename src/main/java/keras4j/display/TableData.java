package keras4j.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Model inputs and targets from a Tablesaw {@link Table}, by column names, and predictions back as columns.
 * <pre>{@code
 * Table iris = Table.read().csv("iris.csv");
 * TableData data = TableData.from(iris, List.of("sepal_length", "sepal_width"), "species").standardize();
 * model.fit(data.x(), data.y(), ...);
 * Table withPredictions = data.withPredictions(iris, model.predict(data.transform(iris)));
 * }</pre>
 * Numeric columns become float features; a string (categorical) target is integer-encoded with its class names kept
 * ({@link #classNames()}), ready for {@code sparse_categorical_crossentropy}; a numeric target is used as is. Missing
 * values and non-numeric feature columns fail with the column's name.
 */
public final class TableData {
    private final List<String> features;
    private final String target;
    private final List<String> classNames;
    private final Tensor x;
    private final Tensor y;
    private final double[] mean;
    private final double[] std;

    private TableData(List<String> features, String target, List<String> classNames, Tensor x, Tensor y, double[] mean, double[] std) {
        this.features = List.copyOf(features);
        this.target = target;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
        this.x = x;
        this.y = y;
        this.mean = mean;
        this.std = std;
    }

    /** Features from the named numeric columns and the target from {@code target} (string → class index). */
    public static TableData from(Table table, List<String> featureColumns, String target) {
        Tensor x = features(table, featureColumns, null, null);
        Column<?> t = column(table, target);
        List<String> classes = null;
        float[] y = new float[table.rowCount()];
        if (t.type() == ColumnType.STRING) {
            StringColumn s = (StringColumn) t;
            Map<String, Integer> codes = new LinkedHashMap<>();
            for (String v : s.unique().asList().stream().sorted().toList()) {
                if (v == null || v.isEmpty()) continue;
                codes.put(v, codes.size());
            }
            for (int i = 0; i < y.length; i++) {
                String v = s.get(i);
                if (v == null || v.isEmpty()) throw missing(target, i);
                y[i] = codes.get(v);
            }
            classes = new ArrayList<>(codes.keySet());
        } else if (t instanceof NumericColumn<?> n) {
            for (int i = 0; i < y.length; i++) {
                if (n.isMissing(i)) throw missing(target, i);
                y[i] = (float) n.getDouble(i);
            }
        } else {
            throw new IllegalArgumentException("Target column '" + target + "' has type " + t.type() + "; expected a numeric or string column");
        }
        return new TableData(featureColumns, target, classes, x, Tensor.wrap(y, y.length), null, null);
    }

    private static Column<?> column(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("Table has no column '" + name + "'; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    private static IllegalArgumentException missing(String column, int row) {
        return new IllegalArgumentException("Column '" + column + "' has a missing value at row " + row + "; fill or drop missing values first");
    }

    private static Tensor features(Table table, List<String> names, double[] mean, double[] std) {
        int n = table.rowCount(), f = names.size();
        float[] d = new float[n * f];
        for (int j = 0; j < f; j++) {
            Column<?> c = column(table, names.get(j));
            if (!(c instanceof NumericColumn<?> num)) {
                throw new IllegalArgumentException("Feature column '" + names.get(j) + "' has type " + c.type() + "; features must be numeric columns");
            }
            for (int i = 0; i < n; i++) {
                if (num.isMissing(i)) throw missing(names.get(j), i);
                double v = num.getDouble(i);
                if (mean != null) v = (v - mean[j]) / std[j];
                d[i * f + j] = (float) v;
            }
        }
        return Tensor.wrap(d, n, f);
    }

    /** A copy whose features are standardised (zero mean, unit variance); the statistics are kept for {@link #transform}. */
    public TableData standardize() {
        int n = x.dim(0), f = x.dim(1);
        double[] m = new double[f], s = new double[f];
        float[] d = x.data();
        for (int i = 0; i < n; i++) for (int j = 0; j < f; j++) m[j] += d[i * f + j];
        for (int j = 0; j < f; j++) m[j] /= Math.max(n, 1);
        for (int i = 0; i < n; i++) for (int j = 0; j < f; j++) s[j] += Math.pow(d[i * f + j] - m[j], 2);
        for (int j = 0; j < f; j++) s[j] = Math.sqrt(s[j] / Math.max(n, 1)) == 0 ? 1 : Math.sqrt(s[j] / Math.max(n, 1));
        float[] out = new float[d.length];
        for (int i = 0; i < n; i++) for (int j = 0; j < f; j++) out[i * f + j] = (float) ((d[i * f + j] - m[j]) / s[j]);
        return new TableData(features, target, classNames, Tensor.wrap(out, n, f), y, m, s);
    }

    /** The features of another table (same columns), with this data's standardisation if any. */
    public Tensor transform(Table table) {
        return features(table, features, mean, std);
    }

    /** Features, shape (rows, features). */
    public Tensor x() {
        return x;
    }

    /** Targets, shape (rows,): class indices for a string target. */
    public Tensor y() {
        return y;
    }

    /** Class names in index order (sorted), or null for a numeric target. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * A copy of {@code table} with the predictions as new columns: for a categorical target
     * {@code predicted_<target>} (class names) and {@code probability}; otherwise {@code predicted_<target>} values.
     */
    public Table withPredictions(Table table, Tensor predictions) {
        if (predictions.dim(0) != table.rowCount()) {
            throw new IllegalArgumentException("predictions have " + predictions.dim(0) + " rows but the table has " + table.rowCount());
        }
        Table out = table.copy();
        int n = table.rowCount();
        if (classNames != null && predictions.rank() == 2 && predictions.dim(1) == classNames.size()) {
            float[] best = predictions.argmax(1).data();
            float[] top = predictions.max(false, 1).data();
            String[] names = new String[n];
            double[] prob = new double[n];
            for (int i = 0; i < n; i++) {
                names[i] = classNames.get((int) best[i]);
                prob[i] = top[i];
            }
            out.addColumns(StringColumn.create("predicted_" + target, names), DoubleColumn.create("probability", prob));
        } else {
            float[] p = predictions.data();
            int per = p.length / Math.max(n, 1);
            if (per != 1) throw new IllegalArgumentException("predictions of shape " + Shape.format(predictions.shape()) + " do not give one value per row");
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = p[i];
            out.addColumns(DoubleColumn.create("predicted_" + target, v));
        }
        return out;
    }

    /** Integer class codes as a Tablesaw column (for joining back), in row order. */
    public IntColumn classCodes() {
        int[] c = new int[y.size()];
        for (int i = 0; i < c.length; i++) c[i] = (int) y.data()[i];
        return IntColumn.create(target + "_code", c);
    }
}
