package keras4j.metrics;

import keras4j.losses.Loss;
import keras4j.tensor.Tensor;

/** Keras's {@code reduce_to_samplewise_values}: per-sample values and weights for the {@link Mean}/{@link Sum} accumulators. */
final class SampleReduction {
    private SampleReduction() {}

    /**
     * Weights {@code values} by {@code sampleWeight} (nullable; a trailing size-1 axis is squeezed or added to match;
     * value axes beyond the weight's are reduced first; a {@code mask} zeroes weights), then reduces every axis but
     * the first. Returns {@code {values, weights}} where weights is null when none were given.
     */
    static Tensor[] samplewise(Tensor values, Tensor sampleWeight, Tensor mask, boolean mean) {
        Tensor sw = sampleWeight;
        if (sw != null) {
            if (mask != null) sw = Loss.applyMask(sw, mask, "sum");
            Tensor[] vw = Loss.squeezeOrExpandToSameRank(values, sw, true);
            values = vw[0];
            sw = vw[1];
            int wn = sw.rank(), vn = values.rank();
            if (vn > wn) values = reduce(values, wn, vn, mean);
            sw = sw.broadcastTo(values.shape());
            values = values.mul(sw);
            if (wn > 1) sw = reduce(sw, 1, wn, mean);
        }
        if (values.rank() > 1) values = reduce(values, 1, values.rank(), mean);
        return new Tensor[] {values, sw};
    }

    private static Tensor reduce(Tensor x, int from, int to, boolean mean) {
        int[] axes = new int[to - from];
        for (int i = 0; i < axes.length; i++) axes[i] = from + i;
        return mean ? x.mean(false, axes) : x.sum(false, axes);
    }
}
