package keras4j.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The callbacks of one {@code fit}, {@code evaluate} or {@code predict}, called together; Keras's
 * {@code keras.callbacks.CallbackList(callbacks, add_history=False, model=None, **params)}. The training loop
 * calls the hooks of this list only:
 *
 * <pre>{@code
 * CallbackList callbacks = new CallbackList(userCallbacks, true);
 * callbacks.setModel(model);
 * callbacks.setParams(Map.of("epochs", epochs, "steps", steps, "verbose", verbose));
 * callbacks.onTrainBegin(null);
 * ...
 * callbacks.onEpochEnd(epoch, epochLogs);
 * Map<String, Double> shown = callbacks.lastLogs();   // with the callbacks' additions, e.g. learning_rate
 * ...
 * return callbacks.history();
 * }</pre>
 *
 * <p>Every hook passes each callback, in list order, the same fresh mutable copy of the logs with keys sorted (Keras's
 * {@code pythonify_logs}): a callback's additions, such as {@code learning_rate}, reach the callbacks after it (the
 * {@link History} added by {@code addHistory} comes last and records them) but never the caller's map.
 * {@code null} logs are an empty map.
 */
public class CallbackList extends Callback implements Iterable<Callback> {
    private final List<Callback> callbacks = new ArrayList<>();
    private History history;
    private Map<String, Double> lastLogs = Map.of();

    /** The given callbacks, in order. */
    public CallbackList(List<? extends Callback> callbacks) {
        this(callbacks, false);
    }

    /**
     * The given callbacks, in order, and with {@code addHistory} a {@link History} at the end unless the list
     * already has one (Keras's {@code add_history}).
     */
    public CallbackList(List<? extends Callback> callbacks, boolean addHistory) {
        for (Callback c : callbacks) {
            if (c == null) throw new IllegalArgumentException("CallbackList: callbacks must not be null. Received: " + callbacks);
            this.callbacks.add(c);
            if (history == null && c instanceof History) history = (History) c;
        }
        if (history == null && addHistory) {
            history = new History();
            this.callbacks.add(history);
        }
    }

    /** The given callbacks, in order. */
    public CallbackList(Callback... callbacks) {
        this(List.of(callbacks), false);
    }

    /** Adds a callback at the end; it gets the list's model and params. */
    public CallbackList append(Callback callback) {
        if (callback == null) throw new IllegalArgumentException("CallbackList: callbacks must not be null.");
        callbacks.add(callback);
        if (history == null && callback instanceof History) history = (History) callback;
        if (model() != null) callback.setModel(model());
        if (!params().isEmpty()) callback.setParams(params());
        return this;
    }

    /** The callbacks, in calling order (read-only). */
    public List<Callback> callbacks() {
        return Collections.unmodifiableList(callbacks);
    }

    /** The {@link History} in the list, added or given, or null. */
    public History history() {
        return history;
    }

    /** The logs as the callbacks left them after the last hook, e.g. with {@code learning_rate} added (read-only). */
    public Map<String, Double> lastLogs() {
        return Collections.unmodifiableMap(lastLogs);
    }

    @Override
    public Iterator<Callback> iterator() {
        return callbacks().iterator();
    }

    /** Sets the model on the list and on every callback (a null model is ignored, as in Keras). */
    @Override
    public void setModel(TrainingModel model) {
        if (model == null) return;
        super.setModel(model);
        for (Callback c : callbacks) c.setModel(model);
    }

    /** Sets the params on the list and, when there are any, on every callback (Keras's {@code set_params}). */
    @Override
    public void setParams(Map<String, Object> params) {
        super.setParams(params);
        if (!params.isEmpty()) for (Callback c : callbacks) c.setParams(params);
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTrainBegin(l));
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTrainEnd(l));
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onEpochBegin(epoch, l));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onEpochEnd(epoch, l));
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTrainBatchBegin(batch, l));
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTrainBatchEnd(batch, l));
    }

    @Override
    public void onTestBegin(Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTestBegin(l));
    }

    @Override
    public void onTestEnd(Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTestEnd(l));
    }

    @Override
    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTestBatchBegin(batch, l));
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onTestBatchEnd(batch, l));
    }

    @Override
    public void onPredictBegin(Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onPredictBegin(l));
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onPredictEnd(l));
    }

    @Override
    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onPredictBatchBegin(batch, l));
    }

    @Override
    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
        dispatch(logs, (c, l) -> c.onPredictBatchEnd(batch, l));
    }

    /** Calls {@code event} on every callback in order, all with one {@link #copy} of {@code logs}. */
    private void dispatch(Map<String, Double> logs, BiConsumer<Callback, Map<String, Double>> event) {
        Map<String, Double> l = copy(logs);
        for (Callback c : callbacks) event.accept(c, l);
    }

    /** Keras's {@code pythonify_logs}: a new map, keys in sorted order, that the callbacks may add to. */
    private Map<String, Double> copy(Map<String, Double> logs) {
        Map<String, Double> copy = new LinkedHashMap<>();
        if (logs != null) copy.putAll(new TreeMap<>(logs));
        lastLogs = copy;
        return copy;
    }
}
