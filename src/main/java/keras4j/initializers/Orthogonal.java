package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * {@code keras.initializers.Orthogonal(gain=1.0, seed=None)} (name {@code "orthogonal"}): the shape is
 * flattened to {@code (rows, cols) = (Π shape[:-1], shape[-1])}; a standard normal matrix
 * {@code (max, min)} is QR-decomposed, {@code q} is multiplied column-wise by {@code sign(diag(r))},
 * transposed when rows &lt; cols, and scaled by {@code gain}. So {@code QᵀQ = gain²·I} (tall or square)
 * or {@code QQᵀ = gain²·I} (wide). Config {@code {"seed", "gain"}}.
 */
public final class Orthogonal extends RandomInitializer {
    private final double gain;

    public Orthogonal() {
        this(1.0, (Long) null);
    }

    public Orthogonal(double gain) {
        this(gain, (Long) null);
    }

    public Orthogonal(double gain, long seed) {
        this(gain, Long.valueOf(seed));
    }

    /** @param seed null for a fresh seed on every call */
    public Orthogonal(double gain, Long seed) {
        super(seed);
        this.gain = gain;
    }

    public double gain() {
        return gain;
    }

    @Override
    public Tensor call(int... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. Received: shape="
                    + Shape.format(shape) + " of rank " + shape.length + ".");
        }
        int cols = shape[shape.length - 1];
        int rows = 1;
        for (int i = 0; i < shape.length - 1; i++) rows *= shape[i];
        int m = Math.max(rows, cols), n = Math.min(rows, cols);
        Tensor a = Sampling.normal(rng(), 0.0, 1.0, new int[] {m, n});
        FMatrixRMaj matrix = new FMatrixRMaj(m, n, true, a.data());
        QRDecomposition<FMatrixRMaj> qr = DecompositionFactory_FDRM.qr(m, n);
        if (!qr.decompose(matrix)) throw new IllegalStateException("Orthogonal: QR decomposition failed for shape " + Shape.format(shape));
        FMatrixRMaj q = qr.getQ(null, true);
        FMatrixRMaj r = qr.getR(null, true);
        float[] out = new float[rows * cols];
        for (int j = 0; j < n; j++) {
            float d = r.get(j, j);
            float sign = d > 0 ? 1f : (d < 0 ? -1f : 0f);
            for (int i = 0; i < m; i++) {
                float v = (float) (gain * q.get(i, j) * sign);
                // (m, n) is (rows, cols) for tall or square shapes, its transpose for wide ones.
                if (rows >= cols) out[i * cols + j] = v;
                else out[j * cols + i] = v;
            }
        }
        return Tensor.wrap(out, shape.clone());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("gain", gain);
        return c;
    }

    public static Orthogonal fromConfig(Map<String, Object> config) {
        return new Orthogonal(Config.getDouble(config, "gain", 1.0), readSeed(config));
    }
}
