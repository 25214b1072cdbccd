package keras4j.activations;

import static keras4j.ops.Ops.divide;
import static keras4j.ops.Ops.multiply;
import static keras4j.ops.Ops.sigmoid;
import static keras4j.ops.Ops.slice;
import static keras4j.ops.Ops.subtract;
import static keras4j.ops.Ops.sum;

import java.util.Arrays;
import keras4j.ops.Ops;
import keras4j.tensor.Shapes;
import keras4j.autograd.GradientTape;
import keras4j.tensor.Tensor;

/** Activations that act on whole vectors along an axis: sparsemax and glu (softmax lives in {@link Ops}). */
final class PerAxis {
    private PerAxis() {}

    /**
     * {@code max(x - τ, 0)} with τ chosen so the outputs along {@code axis} sum to 1. The support
     * S = {i : x_i > τ} is found without gradients; τ = (Σ_{i∈S} x_i − 1)/|S| is then rebuilt with
     * ops, so the tape sees the exact Jacobian {@code diag(s) − s·sᵀ/|S|}.
     */
    static Tensor sparsemax(Tensor x, int axis) {
        int a = Shapes.axis(axis, x.rank(), "sparsemax");
        Tensor support = supportMask(x, a);
        Tensor k = support.sum(true, a);
        Tensor tau = divide(Ops.subtract(sum(multiply(x, support), true, a), 1f), k);
        return Ops.relu(subtract(x, tau));
    }

    /** 1 where {@code x} is in the sparsemax support along axis {@code a}, 0 elsewhere. */
    private static Tensor supportMask(Tensor x, int a) {
        int rank = x.rank();
        // Move the axis last so every vector is a contiguous row.
        int[] perm = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) if (i != a) perm[j++] = i;
        perm[rank - 1] = a;
        // The support is a constant of the Jacobian: no gradient flows through it.
        Tensor rows = GradientTape.withoutRecording(() -> x.permute(perm));
        int n = x.dim(a);
        float[] data = rows.toFloatArray();
        float[] mask = new float[data.length];
        float[] sorted = new float[n];
        for (int start = 0; start < data.length; start += n) {
            for (int i = 0; i < n; i++) sorted[i] = data[start + i];
            Arrays.sort(sorted);
            // Largest k with z_(k) > (z_(1) + ... + z_(k) - 1) / k, z sorted in decreasing order.
            double cumsum = 0, tauSum = 0;
            int k = 0;
            for (int j = 1; j <= n; j++) {
                double z = sorted[n - j];
                cumsum += z;
                if (z - (cumsum - 1) / j > 0) {
                    k = j;
                    tauSum = cumsum;
                }
            }
            double tau = (tauSum - 1) / k;
            for (int i = 0; i < n; i++) mask[start + i] = data[start + i] > tau ? 1f : 0f;
        }
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) inverse[perm[i]] = i;
        return Tensor.wrap(mask, rows.shape()).permute(inverse);
    }

    /** {@code a · sigmoid(b)} where {@code a, b} are the two halves of {@code x} along {@code axis}. */
    static Tensor glu(Tensor x, int axis) {
        int a = Shapes.axis(axis, x.rank(), "glu");
        int n = x.dim(a);
        if (n % 2 != 0) {
            throw new IllegalArgumentException("glu: axis size must be divisible by 2. Received: x.shape=" + Shapes.str(x.shape()) + " with axis=" + axis);
        }
        return multiply(slice(x, a, 0, n / 2), sigmoid(slice(x, a, n / 2, n)));
    }
}
