package keras4j.constraints;

import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/** A projection applied to a weight after each optimizer update ({@code keras.constraints.Constraint}). */
public abstract class Constraint implements KerasObject {
    public abstract Tensor call(Tensor w);

    @Override
    public String module() {
        return "keras.constraints";
    }

    static Tensor norms(Tensor w, int axis) {
        return w.square().sum(true, axis).sqrt();
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
