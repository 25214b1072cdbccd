package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values come from Keras's algorithm in NumPy: Python-float schedules, float32 optimizer rates. */
class LearningRateSchedulerTest {

    @Test
    void setsTheRateAtEachEpochBeginAndLogsIt() {
        FakeModel model = new FakeModel(0f);
        model.learningRate = 0.1f;
        List<Double> seenBySchedule = new ArrayList<>();
        LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> {
            seenBySchedule.add(lr);
            return epoch < 2 ? lr : lr * 0.9;
        }).verbose(1);
        List<Double> logged = new ArrayList<>();
        LambdaCallback recorder = new LambdaCallback().onEpochEnd((epoch, logs) -> logged.add(logs.get("learning_rate")));
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {1, 1, 1, 1}, s, recorder));
        assertEquals(List.of(0.10000000149011612, 0.10000000149011612, 0.10000000149011612, 0.09000000357627869), seenBySchedule);
        assertEquals(List.of(0.10000000149011612, 0.10000000149011612, 0.09000000357627869, 0.08100000023841858), logged);
        assertEquals((float) 0.08100000321865082, model.learningRate);
        assertEquals("\nEpoch 1: LearningRateScheduler setting learning rate to 0.10000000149011612.\n"
                + "\nEpoch 2: LearningRateScheduler setting learning rate to 0.10000000149011612.\n"
                + "\nEpoch 3: LearningRateScheduler setting learning rate to 0.09000000134110452.\n"
                + "\nEpoch 4: LearningRateScheduler setting learning rate to 0.08100000321865082.\n", console.out);
    }

    @Test
    void aScheduleOfTheEpochOnly() {
        FakeModel model = new FakeModel(0f);
        LearningRateScheduler s = new LearningRateScheduler(epoch -> epoch < 1 ? 1e-3 : 1e-4).verbose(1);
        List<Double> logged = new ArrayList<>();
        LambdaCallback recorder = new LambdaCallback().onEpochEnd((epoch, logs) -> logged.add(logs.get("learning_rate")));
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {1, 1, 1}, s, recorder));
        assertEquals(List.of(0.0010000000474974513, 9.999999747378752e-05, 9.999999747378752e-05), logged);
        assertEquals("\nEpoch 1: LearningRateScheduler setting learning rate to 0.001.\n"
                + "\nEpoch 2: LearningRateScheduler setting learning rate to 0.0001.\n"
                + "\nEpoch 3: LearningRateScheduler setting learning rate to 0.0001.\n", console.out);
    }

    @Test
    void silentByDefault() {
        FakeModel model = new FakeModel(0f);
        LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> 0.5);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {1}, s));
        assertEquals(0.5f, model.learningRate);
        assertEquals("", console.out);
        assertEquals(0, s.verbose());
        assertEquals(1, new LearningRateScheduler((epoch, lr) -> lr, 1).verbose(), "Keras's positional verbose");
    }

    @Test
    void rejectsANullSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateScheduler((LearningRateScheduler.Schedule) null));
    }
}
