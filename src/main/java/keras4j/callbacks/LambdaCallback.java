package keras4j.callbacks;

import java.util.Map;

/**
 * A callback made of lambdas; Keras's {@code keras.callbacks.LambdaCallback(on_epoch_begin=None,
 * on_epoch_end=None, on_train_begin=None, on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None)}.
 *
 * <pre>{@code
 * new LambdaCallback()
 *         .onEpochEnd((epoch, logs) -> System.out.println(epoch + ": " + logs.get("loss")))
 *         .onTrainEnd(logs -> System.out.println("done"))
 * }</pre>
 *
 * <p>Hooks left unset do nothing. Setting a hook again replaces it.
 */
public class LambdaCallback extends Callback {
    /** A hook given an index (epoch or batch, from 0) and the logs: Keras's {@code lambda epoch, logs: ...}. */
    @FunctionalInterface
    public interface IndexedHook {
        void accept(int index, Map<String, Double> logs);
    }

    /** A hook given the logs: Keras's {@code lambda logs: ...}. */
    @FunctionalInterface
    public interface Hook {
        void accept(Map<String, Double> logs);
    }

    private IndexedHook epochBegin;
    private IndexedHook epochEnd;
    private Hook trainBegin;
    private Hook trainEnd;
    private IndexedHook trainBatchBegin;
    private IndexedHook trainBatchEnd;

    /** A callback that does nothing until hooks are set. */
    public LambdaCallback() {}

    /** Called at the beginning of every epoch with the epoch and logs (Keras's {@code on_epoch_begin}). */
    public LambdaCallback onEpochBegin(IndexedHook hook) {
        this.epochBegin = hook;
        return this;
    }

    /** Called at the end of every epoch with the epoch and its logs (Keras's {@code on_epoch_end}). */
    public LambdaCallback onEpochEnd(IndexedHook hook) {
        this.epochEnd = hook;
        return this;
    }

    /** Called once before training (Keras's {@code on_train_begin}). */
    public LambdaCallback onTrainBegin(Hook hook) {
        this.trainBegin = hook;
        return this;
    }

    /** Called once after training (Keras's {@code on_train_end}). */
    public LambdaCallback onTrainEnd(Hook hook) {
        this.trainEnd = hook;
        return this;
    }

    /** Called before every training batch (Keras's {@code on_train_batch_begin}). */
    public LambdaCallback onTrainBatchBegin(IndexedHook hook) {
        this.trainBatchBegin = hook;
        return this;
    }

    /** Called after every training batch with the running logs (Keras's {@code on_train_batch_end}). */
    public LambdaCallback onTrainBatchEnd(IndexedHook hook) {
        this.trainBatchEnd = hook;
        return this;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        if (epochBegin != null) epochBegin.accept(epoch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (epochEnd != null) epochEnd.accept(epoch, logs);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        if (trainBegin != null) trainBegin.accept(logs);
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (trainEnd != null) trainEnd.accept(logs);
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        if (trainBatchBegin != null) trainBatchBegin.accept(batch, logs);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (trainBatchEnd != null) trainBatchEnd.accept(batch, logs);
    }
}
