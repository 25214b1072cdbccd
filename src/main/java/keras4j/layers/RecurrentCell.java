package keras4j.layers;

import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.initializers.Initializer;
import keras4j.regularizers.Regularizer;

/**
 * The weights of one recurrent layer, saved under {@code <layer>/cell/vars/0..2} as Keras 3 saves an RNN's cell
 * ({@code kernel}, {@code recurrent_kernel}, {@code bias}). The recurrence itself lives in the RNN layer.
 */
final class RecurrentCell extends Layer {
    RecurrentCell(String name) {
        setName(name);
    }

    Variable weight(String weightName, int[] shape, Initializer init, Regularizer reg, Constraint constraint) {
        return addWeight(weightName, shape, init::call, LayerOptions.fn(reg), LayerOptions.fn(constraint), true);
    }

    void built(int[] inputShape) {
        markBuilt(inputShape);
    }
}
