package keras4j.initializers;

import java.util.Map;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A random orthogonal matrix ({@code keras.initializers.Orthogonal(gain=1.0, seed=None)}): the shape is
 * flattened to {@code (prod(shape[:-1]), shape[-1])}, a normal matrix of {@code (max, min)} is QR-decomposed
 * (EJML), Q's columns are multiplied by the signs of R's diagonal, transposed when rows < columns, scaled by gain.
 */
public final class Orthogonal extends RandomInitializer {
    private final double gain;

    public Orthogonal(double gain, Long seed) {
        super(seed);
        this.gain = gain;
    }

    public Orthogonal() {
        this(1.0, null);
    }

    @Override
    public Tensor call(int... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("The tensor to initialize must be at least two-dimensional. Received: shape=" + java.util.Arrays.toString(shape));
        }
        int cols = shape[shape.length - 1];
        int rows = 1;
        for (int i = 0; i < shape.length - 1; i++) rows *= shape[i];
        int big = Math.max(rows, cols), small = Math.min(rows, cols);
        Rng rng = rng();
        FMatrixRMaj a = new FMatrixRMaj(big, small);
        for (int i = 0; i < big * small; i++) a.data[i] = (float) rng.nextGaussian();
        QRDecomposition<FMatrixRMaj> qr = DecompositionFactory_FDRM.qr(big, small);
        if (!qr.decompose(a.copy())) throw new IllegalStateException("Orthogonal: QR decomposition failed");
        FMatrixRMaj q = qr.getQ(null, true);
        FMatrixRMaj r = qr.getR(null, true);
        float[] out = new float[rows * cols];
        for (int i = 0; i < big; i++) {
            for (int j = 0; j < small; j++) {
                float v = q.get(i, j) * Math.signum(r.get(j, j) == 0 ? 1f : r.get(j, j)) * (float) gain;
                if (rows < cols) out[j * cols + i] = v;
                else out[i * cols + j] = v;
            }
        }
        return Tensor.wrap(out, shape.clone());
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("gain", gain);
        c.put("seed", seed);
        return c;
    }
}
