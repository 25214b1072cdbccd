package keras4j.regularizers;

import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/** A penalty on a weight or activation, added to the loss ({@code keras.regularizers.Regularizer}). */
public abstract class Regularizer implements KerasObject {
    /** The penalty as a scalar tensor, differentiable with respect to {@code x}. */
    public abstract Tensor call(Tensor x);

    @Override
    public String module() {
        return "keras.regularizers";
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
