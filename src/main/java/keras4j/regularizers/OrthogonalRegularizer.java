package keras4j.regularizers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Encourages orthogonal rows (or columns) of a 2-D weight ({@code keras.regularizers.OrthogonalRegularizer(factor=0.01,
 * mode="rows")}): rows are L2-normalised, {@code P = X·Xᵀ}, penalty {@code factor · Σ|P − diag(P)| / (n(n−1))}.
 */
public final class OrthogonalRegularizer extends Regularizer {
    private final double factor;
    private final String mode;

    public OrthogonalRegularizer(double factor, String mode) {
        if (!mode.equals("rows") && !mode.equals("columns")) {
            throw new IllegalArgumentException("Invalid value for argument `mode`. Expected one of {'rows', 'columns'}. Received: mode=" + mode);
        }
        this.factor = factor;
        this.mode = mode;
    }

    public OrthogonalRegularizer() {
        this(0.01, "rows");
    }

    @Override
    public Tensor call(Tensor x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=" + java.util.Arrays.toString(x.shape()));
        }
        Tensor m = mode.equals("rows") ? x : Ops.transpose(x);
        Tensor norms = Ops.sqrt(Ops.maximum(Ops.sum(Ops.square(m), true, 1), 1e-12f));
        Tensor normalized = Ops.divide(m, norms);
        Tensor product = Ops.matmul(normalized, Ops.transpose(normalized));
        int n = m.dim(0);
        Tensor offDiagonal = Ops.multiply(product, Tensor.ones(n, n).sub(identity(n)));
        float size = (float) n * (n - 1);
        return Ops.multiply(Ops.divide(Ops.sum(Ops.abs(offDiagonal)), size), (float) factor);
    }

    private static Tensor identity(int n) {
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++) d[i * n + i] = 1;
        return Tensor.wrap(d, n, n);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("factor", factor, "mode", mode);
    }
}
