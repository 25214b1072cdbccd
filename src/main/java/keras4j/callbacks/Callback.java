package keras4j.callbacks;

import java.util.Map;

/**
 * Hooks into training, evaluation and prediction, like {@code keras.callbacks.Callback}. Override the hooks
 * you need; {@code logs} hold the current metric values by Keras's names ({@code loss}, {@code accuracy},
 * {@code val_loss}, ...). Epochs are counted from 0 as in Keras.
 */
public abstract class Callback {
    private TrainingModel model;
    private Map<String, Object> params = Map.of();

    /** Called by {@code fit} before training starts. */
    public void setModel(TrainingModel model) {
        this.model = model;
    }

    public TrainingModel model() {
        return model;
    }

    /** Training parameters: {@code epochs}, {@code steps}, {@code verbose}. */
    public void setParams(Map<String, Object> params) {
        this.params = Map.copyOf(params);
    }

    public Map<String, Object> params() {
        return params;
    }

    public void onTrainBegin(Map<String, Double> logs) {}
    public void onTrainEnd(Map<String, Double> logs) {}
    public void onEpochBegin(int epoch, Map<String, Double> logs) {}
    public void onEpochEnd(int epoch, Map<String, Double> logs) {}
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {}
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}
    public void onTestBegin(Map<String, Double> logs) {}
    public void onTestEnd(Map<String, Double> logs) {}
    public void onTestBatchBegin(int batch, Map<String, Double> logs) {}
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {}
    public void onPredictBegin(Map<String, Double> logs) {}
    public void onPredictEnd(Map<String, Double> logs) {}
    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {}
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {}
}
