package keras4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import org.apache.spark.sql.Row;

/**
 * One partition's data as float32 arrays, cached by Spark for the whole of {@code fit}: the training rows, the
 * validation rows (each row goes to validation with probability {@code validationFraction}, drawn from a generator
 * seeded by the seed and the partition index, so the split depends only on the seed and the partitioning), and what
 * was found wrong while reading (invalid rows are skipped or reported, per {@code handleInvalid}).
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final Part train;
    final Part validation;
    long invalid;
    String firstProblem;

    /** Rows of one kind: features {@code n x featureSize}, labels {@code n x labelSize}. */
    static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;
        final int featureSize;
        final int labelSize;
        float[] x;
        float[] y;
        int n;

        Part(int featureSize, int labelSize) {
            this.featureSize = featureSize;
            this.labelSize = labelSize;
            this.x = new float[16 * featureSize];
            this.y = new float[16 * Math.max(labelSize, 1)];
        }

        void ensureRoom() {
            if ((n + 1) * featureSize > x.length) x = Arrays.copyOf(x, Math.max(x.length * 2, (n + 1) * featureSize));
            if ((n + 1) * labelSize > y.length) y = Arrays.copyOf(y, Math.max(y.length * 2, (n + 1) * labelSize));
        }

        void trim() {
            x = Arrays.copyOf(x, n * featureSize);
            y = Arrays.copyOf(y, n * labelSize);
        }

        /** The rows {@code order[from..to)} (or {@code from..to} when order is null) as a batch {@code (b, inputShape...)}. */
        Tensor features(int[] order, int from, int to, int[] inputShape) {
            return gather(x, featureSize, order, from, to, inputShape);
        }

        Tensor labels(int[] order, int from, int to, int[] labelShape) {
            return gather(y, labelSize, order, from, to, labelShape);
        }

        private static Tensor gather(float[] src, int width, int[] order, int from, int to, int[] rowShape) {
            int b = to - from;
            float[] out = new float[b * width];
            for (int i = 0; i < b; i++) {
                int row = order == null ? from + i : order[from + i];
                System.arraycopy(src, row * width, out, i * width, width);
            }
            int[] shape = new int[rowShape.length + 1];
            shape[0] = b;
            System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
            return Tensor.wrap(out, shape);
        }
    }

    private Shard(int partition, int featureSize, int labelSize) {
        this.partition = partition;
        this.train = new Part(featureSize, labelSize);
        this.validation = new Part(featureSize, labelSize);
    }

    /** Reads a partition's rows (selected as {@link Columns#selected()}). */
    static Shard read(int partition, Iterator<Row> rows, Columns columns, double validationFraction, long seed, boolean skipInvalid) {
        Shard s = new Shard(partition, columns.featureSize, columns.labelSize);
        Rng rng = new Rng(Seeding.mix(seed, Seeding.VALIDATION, partition));
        long index = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            Part part = validationFraction > 0 && rng.nextDouble() < validationFraction ? s.validation : s.train;
            part.ensureRoom();
            String problem = columns.readFeatures(row, part.x, part.n * part.featureSize);
            if (problem == null && columns.labelCol != null) problem = columns.readLabel(row, part.y, part.n * part.labelSize);
            if (problem == null) {
                part.n++;
            } else {
                s.invalid++;
                if (s.firstProblem == null && !skipInvalid) s.firstProblem = problem + " (row " + index + " of partition " + partition + ")";
            }
            index++;
        }
        s.train.trim();
        s.validation.trim();
        return s;
    }

    /** The driver's summary of one shard (what {@code fit} needs before training). */
    record Stats(int partition, int train, int validation, long invalid, String firstProblem) implements Serializable {}

    Stats stats() {
        return new Stats(partition, train.n, validation.n, invalid, firstProblem);
    }
}
