package keras4j.activations;

import keras4j.tensor.Tensor;

/** The sparsemax threshold τ along an axis (constant w.r.t. gradients, as the support is locally fixed). */
final class SparsemaxThreshold {
    private SparsemaxThreshold() {}

    static Tensor tau(Tensor x, int axis) {
        int rank = x.rank();
        int a = axis < 0 ? axis + rank : axis;
        int[] perm = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) if (i != a) perm[j++] = i;
        perm[rank - 1] = a;
        Tensor p = x.permute(perm);
        int n = x.dim(a), rows = p.size() / n;
        float[] d = p.data();
        float[] tau = new float[rows];
        float[] sorted = new float[n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(d, r * n, sorted, 0, n);
            java.util.Arrays.sort(sorted);
            double cum = 0, t = 0;
            for (int k = 1; k <= n; k++) {
                float z = sorted[n - k];
                cum += z;
                if (1 + k * (double) z > cum) t = (cum - 1) / k;
            }
            tau[r] = (float) t;
        }
        int[] keep = x.shape();
        keep[a] = 1;
        // tau is laid out in the permuted order of the kept axes, which equals their original order.
        return Tensor.wrap(tau, keep);
    }
}
