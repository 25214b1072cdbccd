package keras4j.callbacks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training loop without training, as {@code fit} drives callbacks: epoch {@code e} "trains" by setting the fake
 * model's weight to {@code e + 1} and reports the scripted value of {@code monitor}; stops when a callback asks.
 */
final class ScriptedFit {
    private ScriptedFit() {}

    /** Runs up to {@code values.length} epochs; returns the epochs run (from 0). */
    static List<Integer> run(FakeModel model, String monitor, double[] values, Callback... callbacks) {
        CallbackList list = new CallbackList(callbacks);
        list.setModel(model);
        list.setParams(Map.of("epochs", values.length, "steps", 1, "verbose", 0));
        model.setStopTraining(false);
        List<Integer> epochs = new ArrayList<>();
        list.onTrainBegin(null);
        for (int epoch = 0; epoch < values.length && !model.stopTraining(); epoch++) {
            list.onEpochBegin(epoch, null);
            model.setWeight(epoch + 1);
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", 1.0);
            logs.put(monitor, values[epoch]);
            list.onEpochEnd(epoch, logs);
            epochs.add(epoch);
        }
        list.onTrainEnd(null);
        return epochs;
    }
}
