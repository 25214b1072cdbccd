package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaCallbackTest {

    @Test
    void callsTheHooksThatAreSet() {
        List<String> calls = new ArrayList<>();
        LambdaCallback cb = new LambdaCallback()
                .onTrainBegin(logs -> calls.add("train begin " + logs))
                .onEpochBegin((epoch, logs) -> calls.add("epoch begin " + epoch))
                .onTrainBatchBegin((batch, logs) -> calls.add("batch begin " + batch))
                .onTrainBatchEnd((batch, logs) -> calls.add("batch end " + batch + " " + logs))
                .onEpochEnd((epoch, logs) -> calls.add("epoch end " + epoch + " " + logs))
                .onTrainEnd(logs -> calls.add("train end " + logs));
        ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.5}, cb);
        cb.onTrainBatchBegin(3, Map.of());
        cb.onTrainBatchEnd(3, Map.of("loss", 0.25));
        assertEquals(List.of("train begin {}", "epoch begin 0", "epoch end 0 {loss=1.0, val_loss=0.5}", "train end {}",
                "batch begin 3", "batch end 3 {loss=0.25}"), calls);
    }

    @Test
    void unsetHooksDoNothingAndSettingAgainReplaces() {
        List<String> calls = new ArrayList<>();
        LambdaCallback cb = new LambdaCallback()
                .onEpochEnd((epoch, logs) -> calls.add("first"))
                .onEpochEnd((epoch, logs) -> calls.add("second " + epoch));
        ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.5, 0.4}, cb);
        cb.onTestBegin(Map.of());
        cb.onPredictEnd(Map.of());
        assertEquals(List.of("second 0", "second 1"), calls);
    }

    @Test
    void aHookCanStopTraining() {
        FakeModel model = new FakeModel(0f);
        LambdaCallback cb = new LambdaCallback();
        cb.onEpochEnd((epoch, logs) -> {
            if (logs.get("val_loss") < 0.3) cb.model().setStopTraining(true);
        });
        assertEquals(List.of(0, 1), ScriptedFit.run(model, "val_loss", new double[] {0.5, 0.2, 0.1}, cb));
    }
}
