package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void defaultsAreKeras() {
        EarlyStopping es = new EarlyStopping();
        assertEquals("val_loss", es.monitor());
        assertEquals(0.0, es.minDelta());
        assertEquals(0, es.patience());
        assertEquals(0, es.verbose());
        assertEquals("auto", es.mode());
        assertNull(es.baseline());
        assertFalse(es.restoreBestWeights());
        assertEquals(0, es.startFromEpoch());
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping().patience(2);
        List<Integer> epochs = ScriptedFit.run(model, "val_loss", new double[] {1.0, 0.8, 0.9, 0.85, 0.7, 0.6}, es);
        assertEquals(List.of(0, 1, 2, 3), epochs);
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
        assertEquals(0.8, es.best());
        assertTrue(model.stopTraining);
        assertEquals(4f, model.weight(), "without restoreBestWeights the last weights stay");
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovement() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping().monitor("loss");
        List<Integer> epochs = ScriptedFit.run(model, "loss", new double[] {1.0, 0.9, 0.9, 0.5}, es);
        assertEquals(List.of(0, 1, 2), epochs);
        assertEquals(2, es.stoppedEpoch());
    }

    @Test
    void restoresTheBestWeightsWhenStoppingWithKerasMessages() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping().patience(2).restoreBestWeights(true).verbose(1);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {1.0, 0.8, 0.9, 0.85, 0.7}, es));
        assertEquals(2f, model.weight(), "the weights after epoch 1 (the best)");
        assertEquals("Epoch 4: early stopping\nRestoring model weights from the end of the best epoch: 2.\n", console.out);
        assertEquals(1, model.setWeightsCalls);
    }

    @Test
    void restoresTheBestWeightsAtTheEndEvenWithoutStopping() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping().patience(5).restoreBestWeights(true).verbose(1);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {3, 2, 1, 2}, es));
        assertEquals(0, es.stoppedEpoch());
        assertFalse(model.stopTraining);
        assertEquals(3f, model.weight());
        assertEquals("Restoring model weights from the end of the best epoch: 3.\n", console.out);
    }

    @Test
    void silentByDefault() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping().patience(1).restoreBestWeights(true);
        Console console = Console.capture(() -> ScriptedFit.run(model, "val_loss", new double[] {1, 2, 3}, es));
        assertEquals(1, es.stoppedEpoch());
        assertEquals(1f, model.weight());
        assertEquals("", console.out);
        assertEquals("", console.err);
    }

    @Test
    void minDeltaSetsTheSizeOfAnImprovement() {
        EarlyStopping es = new EarlyStopping().patience(1).minDelta(0.1);
        assertEquals(List.of(0, 1), ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {1.0, 0.95, 0.85, 0.8}, es));
        assertEquals(1, es.stoppedEpoch());

        EarlyStopping es2 = new EarlyStopping().patience(1).minDelta(-0.1);
        assertEquals(0.1, es2.minDelta(), "Keras keeps abs(min_delta)");
        assertEquals(List.of(0, 1, 2), ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {1.0, 0.85, 0.80, 0.7}, es2));
        assertEquals(2, es2.stoppedEpoch());
        assertEquals(1, es2.bestEpoch());
    }

    @Test
    void accuracyIsMaximisedInAutoMode() {
        EarlyStopping es = new EarlyStopping().monitor("val_accuracy").patience(1);
        assertEquals(List.of(0, 1, 2), ScriptedFit.run(new FakeModel(0f), "val_accuracy", new double[] {0.5, 0.6, 0.6, 0.7}, es));
        assertEquals(2, es.stoppedEpoch());
        assertEquals(0.6, es.best());
    }

    @Test
    void explicitModeOverridesTheName() {
        EarlyStopping es = new EarlyStopping().monitor("val_loss").mode("max").patience(0);
        assertEquals(List.of(0, 1), ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {1.0, 0.5, 2.0}, es));
    }

    @Test
    void baselineStopsWhenNothingBeatsItWithinPatience() {
        EarlyStopping es = new EarlyStopping().patience(2).baseline(0.5);
        assertEquals(List.of(0, 1), ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.9, 0.95, 0.97, 0.2}, es));
        assertEquals(1, es.stoppedEpoch());
    }

    @Test
    void improvementsThatMissTheBaselineKeepTrainingUntilOneFails() {
        // Keras 3: an improvement returns before the patience check, but only beating the baseline resets the count.
        EarlyStopping es = new EarlyStopping().patience(2).baseline(0.5);
        assertEquals(List.of(0, 1, 2, 3, 4, 5),
                ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.56, 0.1}, es));
        assertEquals(5, es.stoppedEpoch());
    }

    @Test
    void beatingTheBaselineRestartsPatience() {
        EarlyStopping es = new EarlyStopping().patience(2).baseline(0.5);
        assertEquals(List.of(0, 1, 2, 3), ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {0.9, 0.4, 0.45, 0.45, 0.45}, es));
        assertEquals(3, es.stoppedEpoch());
        assertEquals(1, es.bestEpoch());
    }

    @Test
    void startFromEpochSkipsTheWarmUp() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping().startFromEpoch(3).restoreBestWeights(true);
        assertEquals(List.of(0, 1, 2, 3, 4), ScriptedFit.run(model, "val_loss", new double[] {5, 6, 7, 1, 2, 0}, es));
        assertEquals(4, es.stoppedEpoch());
        assertEquals(3, es.bestEpoch());
        assertEquals(4f, model.weight());
    }

    @Test
    void aMissingMonitorWarnsOnceAndNeverStops() {
        FakeModel model = new FakeModel(0f);
        EarlyStopping es = new EarlyStopping();
        es.setModel(model);
        Console console = Console.capture(() -> {
            es.onTrainBegin(Map.of());
            for (int epoch = 0; epoch < 3; epoch++) es.onEpochEnd(epoch, Map.of("accuracy", 0.5, "loss", 1.0));
        });
        assertFalse(model.stopTraining);
        String warning = "UserWarning: Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: ";
        assertTrue(console.err.startsWith(warning), console.err);
        assertEquals(1, console.err.split("\n").length, console.err);
        assertTrue(console.err.contains("accuracy") && console.err.contains("loss"), console.err);
    }

    @Test
    void anInstanceCanBeReusedAcrossFits() {
        EarlyStopping es = new EarlyStopping().patience(1).restoreBestWeights(true);
        ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {1, 2, 3}, es);
        assertEquals(1, es.stoppedEpoch());
        FakeModel second = new FakeModel(0f);
        assertEquals(List.of(0, 1, 2), ScriptedFit.run(second, "val_loss", new double[] {9, 8, 7}, es));
        assertEquals(0, es.stoppedEpoch());
        assertEquals(7.0, es.best());
        assertEquals(3f, second.weight());
    }

    @Test
    void anUnknownModeWarnsAndFallsBackToAuto() {
        EarlyStopping[] es = new EarlyStopping[1];
        Console console = Console.capture(() -> es[0] = new EarlyStopping().mode("maximum"));
        assertEquals("auto", es[0].mode());
        assertEquals("UserWarning: EarlyStopping mode 'maximum' is unknown, fallback to auto mode.\n", console.err);
    }

    @Test
    void autoModeRejectsAMetricOfUnknownDirectionBeforeTraining() {
        EarlyStopping es = new EarlyStopping().monitor("val_widgets");
        es.setModel(new FakeModel(0f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> es.onTrainBegin(Map.of()));
        assertTrue(e.getMessage().startsWith("EarlyStopping callback received monitor=val_widgets, but Keras isn't able to"
                + " automatically determine whether that metric should be maximized or minimized."), e.getMessage());
        EarlyStopping explicit = new EarlyStopping().monitor("val_widgets").mode("max").patience(0);
        assertEquals(List.of(0, 1), ScriptedFit.run(new FakeModel(0f), "val_widgets", new double[] {2, 1, 3}, explicit));
    }

    @Test
    void nanNeverImprovesOnABest() {
        EarlyStopping es = new EarlyStopping().patience(0);
        assertEquals(List.of(0, 1), ScriptedFit.run(new FakeModel(0f), "val_loss", new double[] {1.0, Double.NaN, 0.5}, es));
    }
}
