package keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminateOnNaNTest {

    private static TerminateOnNaN attached(FakeModel model, TerminateOnNaN callback) {
        callback.setModel(model);
        return callback;
    }

    @Test
    void stopsOnANaNLossWithKerasMessage() {
        FakeModel model = new FakeModel(0f);
        TerminateOnNaN t = attached(model, new TerminateOnNaN());
        Console console = Console.capture(() -> {
            t.onTrainBatchEnd(0, Map.of("loss", 0.5));
            t.onTrainBatchEnd(1, Map.of("loss", 1e30));
            assertFalse(model.stopTraining);
            t.onTrainBatchEnd(7, Map.of("loss", Double.NaN));
        });
        assertTrue(model.stopTraining);
        assertEquals("Batch 7: Invalid loss, terminating training\n", console.out);
    }

    @Test
    void infinityIsInvalidToo() {
        for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            FakeModel model = new FakeModel(0f);
            Console console = Console.capture(() -> attached(model, new TerminateOnNaN()).onTrainBatchEnd(2, Map.of("loss", bad)));
            assertTrue(model.stopTraining);
            assertEquals("Batch 2: Invalid loss, terminating training\n", console.out);
        }
    }

    @Test
    void otherMetricsAndMissingLossAreIgnored() {
        FakeModel model = new FakeModel(0f);
        TerminateOnNaN t = attached(model, new TerminateOnNaN());
        t.onTrainBatchEnd(0, Map.of("accuracy", Double.NaN));
        t.onTrainBatchEnd(1, Map.of());
        t.onTrainBatchEnd(2, null);
        t.onEpochEnd(0, Map.of("loss", Double.NaN));
        assertFalse(model.stopTraining);
    }

    @Test
    void raiseErrorThrowsInstead() {
        FakeModel model = new FakeModel(0f);
        TerminateOnNaN t = attached(model, new TerminateOnNaN().raiseError(true));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.onTrainBatchEnd(3, Map.of("loss", Double.POSITIVE_INFINITY)));
        assertEquals("NaN or Inf loss encountered at batch 3. Loss value: inf. Terminating training immediately.", e.getMessage());
        assertFalse(model.stopTraining);
        assertTrue(t.raiseError());
        assertFalse(new TerminateOnNaN().raiseError());
        assertTrue(new TerminateOnNaN(true).raiseError(), "Keras's positional raise_error");
    }
}
