package keras4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Where a stage finds its features and labels, checked against the DataFrame's schema and the model on the driver,
 * and how executors read them from rows as float32. Features are an ML {@code Vector} column, an
 * {@code array<float|double|...>} column, or several numeric columns; labels a numeric column (a class index for
 * classifiers with several outputs) or a vector/array column. The columns are found in rows at their positions in
 * the schema the plan was made for ({@link #at} re-targets it after a {@code select}).
 */
final class Columns implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { VECTOR, ARRAY, NUMERIC }

    final String stage;
    final String[] featureCols;
    final Kind featureKind;
    final int featureSize;
    final String modelShape;
    final String labelCol;
    final Kind labelKind;
    final int labelSize;
    /** For class-index labels: the number of classes (labels must be integers in [0, numClasses)); else 0. */
    final int numClasses;
    /** Position in the row of each column of {@link #selected()}. */
    private int[] positions;

    private Columns(String stage, String[] featureCols, Kind featureKind, int featureSize, String modelShape, String labelCol,
                    Kind labelKind, int labelSize, int numClasses, StructType schema) {
        this.stage = stage;
        this.featureCols = featureCols;
        this.featureKind = featureKind;
        this.featureSize = featureSize;
        this.modelShape = modelShape;
        this.labelCol = labelCol;
        this.labelKind = labelKind;
        this.labelSize = labelSize;
        this.numClasses = numClasses;
        this.positions = positionsIn(schema);
    }

    private int[] positionsIn(StructType schema) {
        String[] cols = selected();
        int[] p = new int[cols.length];
        for (int i = 0; i < cols.length; i++) p[i] = schema.fieldIndex(cols[i]);
        return p;
    }

    /** The same plan for rows of {@code schema} (which has the same columns, e.g. after a {@code select}). */
    Columns at(StructType schema) {
        return new Columns(stage, featureCols, featureKind, featureSize, modelShape, labelCol, labelKind, labelSize, numClasses, schema);
    }

    /**
     * Checks the schema and returns the reading plan. {@code inputCols} (non-empty) means several numeric feature
     * columns instead of {@code featuresCol}; {@code labelCol} null means no labels (inference).
     */
    static Columns resolve(String stage, StructType schema, String featuresCol, String[] inputCols, String labelCol, ModelInfo info) {
        String[] cols;
        Kind kind;
        if (inputCols != null && inputCols.length > 0) {
            for (String c : inputCols) {
                DataType t = field(stage, schema, "inputCols column", c).dataType();
                if (!(t instanceof NumericType)) {
                    throw new IllegalArgumentException(stage + ": inputCols column \"" + c + "\" has type " + t.simpleString()
                            + "; expected a numeric column (each input column is one feature)");
                }
            }
            cols = inputCols.clone();
            kind = Kind.NUMERIC;
            if (cols.length != info.inputSize()) {
                throw new IllegalArgumentException(stage + ": inputCols " + Arrays.toString(cols) + " give " + cols.length + " features per row, but model \""
                        + info.name() + "\" has input shape " + ModelInfo.shape(info.inputShape()) + " (" + info.inputSize() + " values per row)");
            }
        } else {
            StructField f = field(stage, schema, "featuresCol", featuresCol);
            kind = vectorKind(f.dataType());
            if (kind == null) {
                throw new IllegalArgumentException(stage + ": featuresCol \"" + featuresCol + "\" has type " + f.dataType().simpleString()
                        + "; expected an ML Vector (e.g. from VectorAssembler) or an array of numbers (or set inputCols to numeric columns)");
            }
            if (kind == Kind.VECTOR) {
                int size = AttributeGroup.fromStructField(f).size();
                if (size >= 0 && size != info.inputSize()) {
                    throw new IllegalArgumentException(stage + ": featuresCol \"" + featuresCol + "\" holds vectors of size " + size + ", but model \""
                            + info.name() + "\" has input shape " + ModelInfo.shape(info.inputShape()) + " (" + info.inputSize() + " values per row)");
                }
            }
            cols = new String[] {featuresCol};
        }
        if (labelCol == null) return new Columns(stage, cols, kind, info.inputSize(), ModelInfo.shape(info.inputShape()), null, null, 0, 0, schema);
        StructField lf = field(stage, schema, "labelCol", labelCol);
        DataType lt = lf.dataType();
        Kind labelKind = lt instanceof NumericType ? Kind.NUMERIC : vectorKind(lt);
        if (labelKind == null) {
            throw new IllegalArgumentException(stage + ": labelCol \"" + labelCol + "\" has type " + lt.simpleString() + "; expected a numeric column "
                    + "(a class index, e.g. from StringIndexer, or a target value) or a vector/array of numbers");
        }
        int labelSize = labelKind == Kind.NUMERIC ? 1 : info.outputSize();
        if (labelKind == Kind.VECTOR) {
            int size = AttributeGroup.fromStructField(lf).size();
            if (size >= 0) labelSize = size;
        }
        int numClasses = info.classifier() && labelKind == Kind.NUMERIC ? info.numClasses() : 0;
        return new Columns(stage, cols, kind, info.inputSize(), ModelInfo.shape(info.inputShape()), labelCol, labelKind, labelSize, numClasses,
                schema);
    }

    private static Kind vectorKind(DataType t) {
        if (t instanceof VectorUDT) return Kind.VECTOR;
        if (t instanceof ArrayType a && a.elementType() instanceof NumericType) return Kind.ARRAY;
        return null;
    }

    private static StructField field(String stage, StructType schema, String param, String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException(stage + ": " + param + " is not set");
        for (StructField f : schema.fields()) if (f.name().equals(name)) return f;
        throw new IllegalArgumentException(stage + ": " + param + " \"" + name + "\" does not exist. Available columns: "
                + Arrays.toString(schema.fieldNames()));
    }

    /** Fails when an output column would overwrite an existing one, as Spark's own stages do. */
    static void requireAbsent(String stage, StructType schema, String param, String name) {
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(stage + ": " + param + " \"" + name + "\" already exists in the DataFrame; choose another name");
        }
    }

    /** The columns to select, in reading order. */
    String[] selected() {
        List<String> out = new ArrayList<>(Arrays.asList(featureCols));
        if (labelCol != null) out.add(labelCol);
        return out.toArray(new String[0]);
    }

    /** The label's shape per row: {@code (k,)} for vector labels and single-output models, {@code ()} for class indices. */
    int[] labelShape(ModelInfo info) {
        return info.sparseLabels(labelSize) ? new int[0] : new int[] {labelSize};
    }

    // ------------------------------------------------------------------ reading rows (executors)

    /**
     * Copies row {@code row}'s features (columns {@code 0..}) into {@code dst[at..at+featureSize)}; returns null, or
     * what is wrong with the row.
     */
    String readFeatures(Row row, float[] dst, int at) {
        if (featureKind == Kind.NUMERIC) {
            for (int i = 0; i < featureCols.length; i++) {
                int p = positions[i];
                if (row.isNullAt(p)) return "inputCols column \"" + featureCols[i] + "\" is null";
                dst[at + i] = ((Number) row.get(p)).floatValue();
            }
            return null;
        }
        return readVector(row, positions[0], "featuresCol \"" + featureCols[0] + "\"", featureKind, featureSize, "the model's input shape " + modelShape, dst, at);
    }

    /** Copies the label (the column after the features) into {@code dst[at..at+labelSize)}; null, or the problem. */
    String readLabel(Row row, float[] dst, int at) {
        int i = positions[featureCols.length];
        String what = "labelCol \"" + labelCol + "\"";
        if (labelKind != Kind.NUMERIC) return readVector(row, i, what, labelKind, labelSize, "the model's output", dst, at);
        if (row.isNullAt(i)) return what + " is null";
        double v = ((Number) row.get(i)).doubleValue();
        if (Double.isNaN(v)) return what + " is NaN";
        if (numClasses > 0 && (v != Math.rint(v) || v < 0 || v >= numClasses)) {
            return what + " is " + v + "; the classifier's labels are class indices 0.." + (numClasses - 1);
        }
        dst[at] = (float) v;
        return null;
    }

    private static String readVector(Row row, int i, String what, Kind kind, int size, String needs, float[] dst, int at) {
        if (row.isNullAt(i)) return what + " is null";
        if (kind == Kind.VECTOR) {
            Vector v = (Vector) row.get(i);
            if (v.size() != size) return what + " holds a vector of size " + v.size() + "; " + needs + " needs " + size + " values";
            if (v instanceof DenseVector d) {
                double[] values = d.values();
                for (int k = 0; k < size; k++) dst[at + k] = (float) values[k];
            } else {
                SparseVector s = (SparseVector) v;
                Arrays.fill(dst, at, at + size, 0f);
                int[] idx = s.indices();
                double[] values = s.values();
                for (int k = 0; k < idx.length; k++) dst[at + idx[k]] = (float) values[k];
            }
            return null;
        }
        List<Object> list = row.getList(i);
        if (list.size() != size) return what + " holds an array of " + list.size() + " values; " + needs + " needs " + size;
        for (int k = 0; k < size; k++) {
            Object o = list.get(k);
            if (o == null) return what + " has a null at index " + k;
            dst[at + k] = ((Number) o).floatValue();
        }
        return null;
    }
}
