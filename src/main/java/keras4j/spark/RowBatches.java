package keras4j.spark;

import keras4j.tensor.Internal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import keras4j.models.Model;
import keras4j.tensor.Tensor;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Streams a partition's rows in batches through a pooled executor model, never holding more than one batch:
 * {@link #predict} for {@code transform} (each row comes out with the prediction columns appended) and
 * {@link #evaluate} for exact distributed evaluation (the summed metric state of every batch).
 */
final class RowBatches {
    private RowBatches() {}

    /** What {@code transform} appends: a class index and probabilities for classifiers, the value(s) otherwise. */
    record Output(boolean classifier, int outputSize, boolean probability) implements java.io.Serializable {}

    /** Reads up to {@code batchSize} valid rows; invalid ones fail (naming the problem) or are skipped. */
    private static final class Reader {
        final Iterator<Row> rows;
        final Columns columns;
        final int[] inputShape;
        final int[] labelShape;
        final int batchSize;
        final boolean skipInvalid;
        final Shard.Part part;
        final List<Row> kept = new ArrayList<>();
        long index = -1;

        Reader(Iterator<Row> rows, Columns columns, int[] inputShape, int[] labelShape, int batchSize, boolean skipInvalid) {
            this.rows = rows;
            this.columns = columns;
            this.inputShape = inputShape;
            this.labelShape = labelShape;
            this.batchSize = batchSize;
            this.skipInvalid = skipInvalid;
            this.part = new Shard.Part(columns.featureSize, Math.max(columns.labelSize, 1));
        }

        /** Fills the next batch; false when the partition is exhausted and nothing was read. */
        boolean next() {
            part.n = 0;
            kept.clear();
            while (part.n < batchSize && rows.hasNext()) {
                Row row = rows.next();
                index++;
                part.ensureRoom();
                String problem = columns.readFeatures(row, part.x, part.n * part.featureSize);
                if (problem == null && columns.labelCol != null) problem = columns.readLabel(row, part.y, part.n * part.labelSize);
                if (problem != null) {
                    if (skipInvalid) continue;
                    int partition = TaskContext.get() == null ? -1 : TaskContext.get().partitionId();
                    throw new IllegalArgumentException(columns.stage + ": " + problem + " (row " + index + " of partition " + partition
                            + "). Fix the data, or set handleInvalid to \"skip\" to drop invalid rows");
                }
                kept.add(row);
                part.n++;
            }
            return part.n > 0;
        }

        Tensor x() {
            return part.features(null, 0, part.n, inputShape);
        }

        Tensor y() {
            return part.labels(null, 0, part.n, labelShape);
        }
    }

    /** The rows with the prediction (and probability) columns appended, computed one batch at a time. */
    static Iterator<Row> predict(Iterator<Row> rows, Columns columns, Broadcast<byte[]> bytes, int[] inputShape, int batchSize,
                                 boolean skipInvalid, Output output) {
        Reader reader = new Reader(rows, columns, inputShape, new int[0], batchSize, skipInvalid);
        Deque<Row> ready = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && reader.next()) {
                    Tensor out = ExecutorModels.withModel(bytes, model -> model.predictOnBatch(reader.x()));
                    float[] y = Internal.array(out);
                    int width = output.outputSize();
                    for (int i = 0; i < reader.kept.size(); i++) ready.add(append(reader.kept.get(i), y, i * width, output));
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.poll();
            }
        };
    }

    private static Row append(Row row, float[] y, int at, Output output) {
        int n = row.length();
        Object[] values = new Object[n + (output.classifier() && output.probability() ? 2 : 1)];
        for (int i = 0; i < n; i++) values[i] = row.get(i);
        int k = output.outputSize();
        if (output.classifier()) {
            double[] probabilities;
            double prediction;
            if (k == 1) {
                double p = y[at];
                probabilities = new double[] {1 - p, p};
                prediction = p >= 0.5 ? 1 : 0;
            } else {
                probabilities = new double[k];
                int best = 0;
                for (int j = 0; j < k; j++) {
                    probabilities[j] = y[at + j];
                    if (y[at + j] > y[at + best]) best = j;
                }
                prediction = best;
            }
            values[n] = prediction;
            if (output.probability()) values[n + 1] = Vectors.dense(probabilities);
        } else if (k == 1) {
            values[n] = (double) y[at];
        } else {
            double[] v = new double[k];
            for (int j = 0; j < k; j++) v[j] = y[at + j];
            values[n] = Vectors.dense(v);
        }
        return RowFactory.create(values);
    }

    /** The summed metric state of the pooled model (with its own weights) over every batch of the partition. */
    static Contribution evaluate(Iterator<Row> rows, Columns columns, Broadcast<byte[]> bytes, int[] inputShape, int[] labelShape,
                                 int batchSize, boolean skipInvalid) {
        Reader reader = new Reader(rows, columns, inputShape, labelShape, batchSize, skipInvalid);
        Contribution c = Contribution.empty();
        if (!reader.next()) return c;
        Model model = ExecutorModels.borrow(bytes);
        try {
            model.resetMetrics();
            do {
                model.testOnBatch(reader.x(), reader.y(), false);
                c.samples += reader.part.n;
            } while (reader.next());
            c.metrics = model.metricsState();
            return c;
        } finally {
            ExecutorModels.release(bytes, model);
        }
    }
}
