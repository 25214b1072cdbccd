package keras4j.constraints;

import keras4j.tensor.Tensor;

/** Sets negative weights to 0 ({@code keras.constraints.NonNeg}). */
public final class NonNeg extends Constraint {
    @Override
    public Tensor call(Tensor w) {
        return w.mul(w.ge(0f));
    }

    @Override
    public java.util.Map<String, Object> getConfig() {
        return new java.util.LinkedHashMap<>();
    }
}
