package keras4j.callbacks;

import java.util.Map;
import keras4j.utils.PyFormat;

/**
 * Stops training when a batch's loss is NaN or infinite; Keras's
 * {@code keras.callbacks.TerminateOnNaN(raise_error=False)}.
 *
 * <p>By default it prints {@code Batch 7: Invalid loss, terminating training} and asks the model to stop, so
 * {@code fit} returns after that batch. With {@code raiseError(true)} it throws instead, as Keras raises
 * {@code RuntimeError}, so training ends at once and the exception reaches the caller.
 */
public class TerminateOnNaN extends Callback {
    private boolean raiseError;

    /** Keras's default {@code raise_error=False}: stop gracefully. */
    public TerminateOnNaN() {}

    /** Keras's positional form {@code TerminateOnNaN(raise_error)}; same as {@code new TerminateOnNaN().raiseError(raiseError)}. */
    public TerminateOnNaN(boolean raiseError) {
        this.raiseError = raiseError;
    }

    /** Throw an {@link IllegalStateException} instead of stopping gracefully (Keras's {@code raise_error}). */
    public TerminateOnNaN raiseError(boolean raiseError) {
        this.raiseError = raiseError;
        return this;
    }

    public boolean raiseError() {
        return raiseError;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs == null ? null : logs.get("loss");
        if (loss == null || Double.isFinite(loss)) return;
        if (raiseError) {
            throw new IllegalStateException("NaN or Inf loss encountered at batch " + batch + ". Loss value: "
                    + PyFormat.repr(loss) + ". Terminating training immediately.");
        }
        Messages.print("Batch " + batch + ": Invalid loss, terminating training");
        model().setStopTraining(true);
    }
}
