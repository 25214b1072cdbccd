package keras4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import keras4j.tensor.Internal;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/** Array handling for the training loop: cardinality checks, slicing, batches, class weights. */
final class Data {
    private Data() {}

    /** The common number of samples, or Keras's "Data cardinality is ambiguous" error. */
    static int cardinality(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight) {
        List<Integer> xSizes = new ArrayList<>(), ySizes = new ArrayList<>();
        for (Tensor x : xs) xSizes.add(x.rank() == 0 ? 1 : x.dim(0));
        for (Tensor y : ys) ySizes.add(y.rank() == 0 ? 1 : y.dim(0));
        List<Integer> all = new ArrayList<>(xSizes);
        all.addAll(ySizes);
        if (sampleWeight != null) all.add(sampleWeight.dim(0));
        if (all.isEmpty()) throw new IllegalArgumentException("No input data given");
        boolean same = all.stream().distinct().count() == 1;
        if (!same) {
            StringBuilder sb = new StringBuilder("Data cardinality is ambiguous. Make sure all arrays contain the same number of samples.\n");
            sb.append("'x' sizes: ").append(join(xSizes)).append('\n');
            if (!ySizes.isEmpty()) sb.append("'y' sizes: ").append(join(ySizes)).append('\n');
            if (sampleWeight != null) sb.append("'sample_weight' sizes: ").append(sampleWeight.dim(0)).append('\n');
            throw new IllegalArgumentException(sb.toString().trim());
        }
        return all.get(0);
    }

    private static String join(List<Integer> sizes) {
        StringBuilder sb = new StringBuilder();
        for (int s : sizes) sb.append(sb.length() == 0 ? "" : ", ").append(s);
        return sb.toString();
    }

    static List<Tensor> range(List<Tensor> arrays, int from, int to) {
        List<Tensor> out = new ArrayList<>(arrays.size());
        for (Tensor a : arrays) out.add(a.slice(from, to));
        return out;
    }

    /** Samples {@code [from, to)} of the epoch's order (null order = in sequence). */
    static List<Tensor> batch(List<Tensor> arrays, int[] order, int from, int to) {
        if (order == null) return range(arrays, from, to);
        int[] idx = Arrays.copyOfRange(order, from, to);
        List<Tensor> out = new ArrayList<>(arrays.size());
        for (Tensor a : arrays) out.add(a.gather(idx));
        return out;
    }

    /**
     * Per-sample weights from {@code sample_weight} and {@code class_weight} (multiplied), or null when neither
     * is given. Class indices come from one-hot targets by argmax, or from integer labels.
     */
    static Tensor sampleWeights(Tensor y, Tensor sampleWeight, Map<Integer, Double> classWeight, int n) {
        if (classWeight == null) {
            if (sampleWeight != null && sampleWeight.rank() != 1) {
                throw new IllegalArgumentException("sample_weight must have shape (n,). Received: shape " + Shape.format(sampleWeight.shape()));
            }
            return sampleWeight;
        }
        Tensor labels = y.rank() >= 2 && y.dim(-1) > 1 ? y.argmax(-1) : y.reshape(n);
        float[] w = new float[n];
        float[] l = Internal.array(labels);
        for (int i = 0; i < n; i++) {
            int cls = Math.round(l[i]);
            Double cw = classWeight.get(cls);
            if (cw == null) {
                throw new IllegalArgumentException("class_weight has no entry for class " + cls + "; it has " + classWeight.keySet());
            }
            w[i] = cw.floatValue() * (sampleWeight == null ? 1f : Internal.array(sampleWeight)[i]);
        }
        return Tensor.wrap(w, n);
    }
}
