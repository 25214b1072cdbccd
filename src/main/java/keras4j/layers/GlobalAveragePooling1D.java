package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code GlobalAveragePooling1D(data_format=None, keepdims=False)}: the mean over the steps axis,
 * {@code (batch, steps, features)} → {@code (batch, features)}. With a mask {@code (batch, steps)} (from
 * Masking or Embedding) the mean is over the unmasked steps only; the mask is not passed on.
 */
public final class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {
    public GlobalAveragePooling1D() {
        super(1, false);
        this.supportsMasking = true;
    }

    @Override
    protected Tensor call(Tensor inputs, Tensor mask, boolean training) {
        if (mask == null) return call(inputs, training);
        int steps = spatialAxes()[0];
        Tensor m = Ops.expandDims(mask.ne(0f), steps == 1 ? 2 : 1);
        Tensor sum = Ops.sum(Ops.multiply(inputs, m), keepdims(), steps);
        return Ops.divide(sum, m.sum(keepdims(), steps));
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return null;
    }

    public static GlobalAveragePooling1D fromConfig(Map<String, Object> c) {
        return configure(new GlobalAveragePooling1D(), c);
    }
}
