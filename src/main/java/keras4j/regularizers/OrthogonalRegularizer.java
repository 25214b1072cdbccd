package keras4j.regularizers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * {@code keras.regularizers.OrthogonalRegularizer(factor=0.01, mode="rows")}: for a 2-D input, its rows
 * ({@code mode="rows"}) or columns ({@code "columns"}) are L2-normalised ({@code v·rsqrt(max(Σv², 1e-14))}),
 * and the penalty is {@code factor · 0.5 · Σ_{i≠j} |vᵢ·vⱼ| / (n(n−1)/2)} over the n vectors.
 * Config {@code {"factor", "mode"}}.
 */
public final class OrthogonalRegularizer extends Regularizer {
    private static final float EPSILON = 1e-7f;

    private final double factor;
    private final String mode;

    public OrthogonalRegularizer() {
        this(0.01, "rows");
    }

    public OrthogonalRegularizer(double factor) {
        this(factor, "rows");
    }

    public OrthogonalRegularizer(double factor, String mode) {
        this.factor = validateFloatArg(factor, "factor");
        if (!"rows".equals(mode) && !"columns".equals(mode)) {
            throw new IllegalArgumentException("Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received: mode=" + mode);
        }
        this.mode = mode;
    }

    public double factor() {
        return factor;
    }

    public String mode() {
        return mode;
    }

    @Override
    public Tensor call(Tensor x) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=" + Shapes.str(x.shape()));
        }
        boolean rows = mode.equals("rows");
        Tensor v = normalize(x, rows ? 1 : 0);
        Tensor product = rows ? Ops.matmul(v, Ops.transpose(v)) : Ops.matmul(Ops.transpose(v), v);
        int size = x.dim(rows ? 0 : 1);
        Tensor offDiagonal = Tensor.ones(size, size);
        for (int i = 0; i < size; i++) Internal.array(offDiagonal)[i * size + i] = 0f;
        double numPairs = size * (size - 1.0) / 2.0;
        Tensor total = Ops.sum(Ops.abs(Ops.multiply(product, offDiagonal)));
        return Ops.divide(Ops.multiply(total, (float) (factor * 0.5)), (float) numPairs);
    }

    /** Keras's {@code ops.normalize(x, axis)}: {@code x · rsqrt(max(Σx², ε²))} along the axis. */
    private static Tensor normalize(Tensor x, int axis) {
        Tensor squareSum = Ops.sum(Ops.square(x), true, axis);
        return Ops.divide(x, Ops.sqrt(Ops.maximum(squareSum, EPSILON * EPSILON)));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Config.of("factor", factor, "mode", mode);
    }

    public static OrthogonalRegularizer fromConfig(Map<String, Object> config) {
        return new OrthogonalRegularizer(Config.getDouble(config, "factor", 0.01), Config.getString(config, "mode", "rows"));
    }
}
