package keras4j.losses;

import keras4j.tensor.Tensor;

/**
 * A per-sample loss or metric function {@code fn(y_true, y_pred) -> values}, like Keras's
 * {@code keras.losses.mean_squared_error}; {@link keras4j.metrics.MeanMetricWrapper} averages one.
 */
@FunctionalInterface
public interface LossFunction {
    Tensor apply(Tensor yTrue, Tensor yPred);
}
