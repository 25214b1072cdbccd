package keras4j.callbacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import keras4j.tensor.Tensor;

/** A {@link TrainingModel} for callback tests: one weight tensor per entry, recorded saves, a learning rate field. */
final class FakeModel implements TrainingModel {
    final List<Tensor> weights = new ArrayList<>();
    final List<String> saves = new ArrayList<>();
    float learningRate = 0.01f;
    boolean stopTraining;
    int getWeightsCalls;
    int setWeightsCalls;

    FakeModel(float... initial) {
        for (float w : initial) weights.add(Tensor.vector(w));
    }

    /** The first weight's value, which tests use as "the state after epoch N". */
    float weight() {
        return weights.get(0).get(0);
    }

    /** What a training epoch does to the weights in these tests. */
    void setWeight(float value) {
        weights.set(0, Tensor.vector(value));
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void setStopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    @Override
    public boolean stopTraining() {
        return stopTraining;
    }

    @Override
    public List<Tensor> getWeights() {
        getWeightsCalls++;
        List<Tensor> copies = new ArrayList<>();
        for (Tensor t : weights) copies.add(t.copy());
        return copies;
    }

    @Override
    public void setWeights(List<Tensor> newWeights) {
        setWeightsCalls++;
        weights.clear();
        for (Tensor t : newWeights) weights.add(t.copy());
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void save(Path path) {
        saves.add("model " + path);
    }

    @Override
    public void saveWeights(Path path) {
        saves.add("weights " + path);
    }
}
