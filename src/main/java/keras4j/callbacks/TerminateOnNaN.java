package keras4j.callbacks;

import java.util.Map;

/**
 * Stops training when a batch's loss is NaN or infinite, like Keras's {@code TerminateOnNaN(raise_error=False)};
 * with {@code raiseError} it throws instead.
 */
public class TerminateOnNaN extends Callback {
    private final boolean raiseError;

    public TerminateOnNaN() {
        this(false);
    }

    public TerminateOnNaN(boolean raiseError) {
        this.raiseError = raiseError;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && (loss.isNaN() || loss.isInfinite())) {
            if (raiseError) throw new IllegalStateException("NaN or Inf found in loss at batch " + batch);
            System.out.println("Batch " + batch + ": Invalid loss, terminating training");
            model().setStopTraining(true);
        }
    }
}
