package keras4j.constraints;

import java.util.Map;
import keras4j.tensor.Tensor;

/** {@code keras.constraints.NonNeg()} (name {@code "non_neg"}): {@code max(w, 0)}. Config {@code {}}. */
public final class NonNeg extends Constraint {
    @Override
    public Tensor call(Tensor w) {
        return w.maximum(0f);
    }

    public static NonNeg fromConfig(Map<String, Object> config) {
        return new NonNeg();
    }
}
