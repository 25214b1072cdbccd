package keras4j.saving;

import java.util.Objects;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * One weight of a legacy Keras 1/2 {@code .h5} file: its name as listed in the layer's {@code weight_names}
 * attribute (for example {@code dense_1/kernel:0}, or Keras 3's {@code dense/kernel}) and its value.
 */
public record NamedTensor(String name, Tensor value) {
    public NamedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + " " + Shape.formatInts(value.shape());
    }
}
