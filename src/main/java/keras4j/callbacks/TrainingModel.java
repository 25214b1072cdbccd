package keras4j.callbacks;

import java.nio.file.Path;
import java.util.List;
import keras4j.tensor.Tensor;

/**
 * What a callback may do with the model being trained (Keras's {@code callback.model}). Models implement
 * it; callbacks depend only on this interface, so {@code keras4j.callbacks} never imports {@code keras4j.models}.
 */
public interface TrainingModel {
    /** The model's name. */
    String name();

    /** Asks {@code fit} to stop after the current batch/epoch (Keras's {@code model.stop_training = True}). */
    void setStopTraining(boolean stop);

    boolean stopTraining();

    /** Copies of all weights. */
    List<Tensor> getWeights();

    /** Overwrites all weights. */
    void setWeights(List<Tensor> weights);

    /** Current learning rate of the compiled optimizer. */
    float learningRate();

    /** Sets the compiled optimizer's learning rate (for schedulers). */
    void setLearningRate(float learningRate);

    /** Saves the whole model to {@code path} (written to a temporary file first, then renamed). */
    void save(Path path);

    /** Saves only the weights to {@code path} (written to a temporary file first, then renamed). */
    void saveWeights(Path path);
}
