package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected sequences come from Keras 3's algorithm run in NumPy with a float32 learning rate. */
class ReduceLROnPlateauTest {

    /** Runs the epochs and returns the {@code learning_rate} each epoch's logs got. */
    private static List<Double> loggedRates(FakeModel model, String monitor, double[] values, ReduceLROnPlateau callback) {
        List<Double> rates = new ArrayList<>();
        LambdaCallback recorder = new LambdaCallback().onEpochEnd((epoch, logs) -> rates.add(logs.get("learning_rate")));
        ScriptedFit.run(model, monitor, values, callback, recorder);
        return rates;
    }

    @Test
    void defaultsAreKeras() {
        ReduceLROnPlateau r = new ReduceLROnPlateau();
        assertEquals("val_loss", r.monitor());
        assertEquals(0.1, r.factor());
        assertEquals(10, r.patience());
        assertEquals(0, r.verbose());
        assertEquals("auto", r.mode());
        assertEquals(1e-4, r.minDelta());
        assertEquals(0, r.cooldown());
        assertEquals(0.0, r.minLr());
    }

    @Test
    void reducesAfterPatienceWithCooldownDownToMinLr() {
        FakeModel model = new FakeModel(0f);
        model.learningRate = 1.0f;
        ReduceLROnPlateau r = new ReduceLROnPlateau().factor(0.5).patience(2).cooldown(1).minLr(0.2).verbose(1);
        double[] flat = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        List<Double> rates = new ArrayList<>();
        Console console = Console.capture(() -> rates.addAll(loggedRates(model, "val_loss", flat, r)));
        assertEquals(List.of(1.0, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25, (double) 0.2f, (double) 0.2f, (double) 0.2f), rates);
        assertEquals(0.2f, model.learningRate);
        assertEquals("\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.5.\n"
                + "\nEpoch 5: ReduceLROnPlateau reducing learning rate to 0.25.\n"
                + "\nEpoch 7: ReduceLROnPlateau reducing learning rate to 0.2.\n", console.out);
    }

    @Test
    void minDeltaDecidesWhatImproves() {
        FakeModel model = new FakeModel(0f);
        model.learningRate = 0.001f;
        ReduceLROnPlateau r = new ReduceLROnPlateau().patience(1).verbose(1);
        double[] values = {1.0, 0.9, 0.95, 0.85, 0.8999, 0.84995, 0.9, 0.9};
        List<Double> rates = new ArrayList<>();
        Console console = Console.capture(() -> rates.addAll(loggedRates(model, "val_loss", values, r)));
        assertEquals(List.of(0.0010000000474974513, 0.0010000000474974513, 0.0010000000474974513, 0.00010000000474974513,
                0.00010000000474974513, 1.0000000656873453e-05, 1.0000001111620804e-06, 1.000000082740371e-07), rates);
        assertEquals(1.000000082740371e-08, (double) model.learningRate);
        assertEquals("\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.00010000000474974513.\n"
                + "\nEpoch 5: ReduceLROnPlateau reducing learning rate to 1.0000000474974514e-05.\n"
                + "\nEpoch 6: ReduceLROnPlateau reducing learning rate to 1.0000000656873453e-06.\n"
                + "\nEpoch 7: ReduceLROnPlateau reducing learning rate to 1.0000001111620805e-07.\n"
                + "\nEpoch 8: ReduceLROnPlateau reducing learning rate to 1.000000082740371e-08.\n", console.out);
    }

    @Test
    void maximisesAccuracyAndStopsAtTheFloat32MinLr() {
        FakeModel model = new FakeModel(0f);
        model.learningRate = 0.01f;
        ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("val_accuracy").patience(1).minLr(0.001).verbose(1);
        List<Double> rates = new ArrayList<>();
        Console console = Console.capture(() -> rates.addAll(loggedRates(model, "val_accuracy", new double[] {0.5, 0.4, 0.4, 0.4, 0.4, 0.4}, r)));
        assertEquals(List.of(0.009999999776482582, 0.009999999776482582, 0.0010000000474974513, 0.0010000000474974513,
                0.0010000000474974513, 0.0010000000474974513), rates);
        assertEquals("\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.001.\n", console.out);
    }

    @Test
    void improvementsResetTheWait() {
        FakeModel model = new FakeModel(0f);
        model.learningRate = 1.0f;
        ReduceLROnPlateau r = new ReduceLROnPlateau().patience(2).factor(0.5);
        loggedRates(model, "val_loss", new double[] {5, 6, 4, 6, 3, 6, 2}, r);
        assertEquals(1.0f, model.learningRate);
        assertEquals(2.0, r.best());
        assertFalse(r.inCooldown());
    }

    @Test
    void stateIsResetAtTrainBegin() {
        FakeModel model = new FakeModel(0f);
        model.learningRate = 1.0f;
        ReduceLROnPlateau r = new ReduceLROnPlateau().patience(1).factor(0.5).cooldown(5);
        loggedRates(model, "val_loss", new double[] {1, 2}, r);
        assertTrue(r.inCooldown());
        assertEquals(0.5f, model.learningRate);
        loggedRates(model, "val_loss", new double[] {9, 9}, r);
        assertEquals(9.0, r.best(), "a new fit starts from no best");
        assertEquals(0.25f, model.learningRate, "and without the previous cooldown");
    }

    @Test
    void rejectsAFactorOfOneOrMore() {
        assertEquals("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=1.0",
                assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(2.5));
    }

    @Test
    void aMissingMonitorWarnsListingTheLogsWithTheLearningRate() {
        FakeModel model = new FakeModel(0f);
        ReduceLROnPlateau r = new ReduceLROnPlateau().patience(0);
        r.setModel(model);
        Console console = Console.capture(() -> {
            r.onTrainBegin(Map.of());
            CallbackList list = new CallbackList(r);
            list.onEpochEnd(0, Map.of("loss", 1.0));
            list.onEpochEnd(1, Map.of("loss", 2.0));
        });
        assertEquals(0.01f, model.learningRate);
        assertEquals("UserWarning: Learning rate reduction is conditioned on metric `val_loss` which is not available."
                + " Available metrics are: loss,learning_rate.\n", console.err);
    }

    @Test
    void readOnlyLogsAreLeftAlone() {
        FakeModel model = new FakeModel(0f);
        ReduceLROnPlateau r = new ReduceLROnPlateau();
        r.setModel(model);
        r.onTrainBegin(null);
        r.onEpochEnd(0, Map.of("val_loss", 1.0));
        assertEquals(1.0, r.best());
    }
}
