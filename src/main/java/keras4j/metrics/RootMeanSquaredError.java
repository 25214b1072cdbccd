package keras4j.metrics;

import java.util.Map;
import keras4j.losses.Loss;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code keras.metrics.RootMeanSquaredError}: {@code sqrt(sum(w (y_pred - y_true)^2) / sum(w))}, the squared
 * errors averaged per sample first. Default name {@code root_mean_squared_error}; direction down.
 */
public final class RootMeanSquaredError extends MeanBase {

    public RootMeanSquaredError() {
        this("root_mean_squared_error");
    }

    public RootMeanSquaredError(String name) {
        super(name);
        setDirection("down");
    }

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        accumulate(p[1].sub(p[0]).square(), sampleWeight, null);
    }

    @Override
    public Tensor resultTensor() {
        return Tensor.scalar((float) Math.sqrt(mean()));
    }

    public static RootMeanSquaredError fromConfig(Map<String, Object> config) {
        return withName(new RootMeanSquaredError(), config);
    }
}
