package keras4j.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import keras4j.callbacks.Callback;

/**
 * A callback that draws the training curves while {@code fit} runs: in a notebook it displays them once
 * and then updates that same output in place after epochs, at most once per {@code minIntervalMillis}
 * (and always after the last epoch). Outside a notebook (terminal, {@code jshell}, tests) it does nothing.
 *
 * <pre>{@code model.fit(x, y, new FitOptions().epochs(20).callbacks(new LiveCurves()));}</pre>
 */
public final class LiveCurves extends Callback {
    static {
        NotebookBridge.enable();
    }

    private final long minIntervalMillis;
    private final Supplier<Object> kernelLookup;
    private final Map<String, List<Double>> history = new LinkedHashMap<>();
    private final List<Integer> epochs = new ArrayList<>();
    private Object kernel;
    private String displayId;
    private long lastDraw;
    private boolean dirty;
    private int draws;

    /** Redraws at most once a second. */
    public LiveCurves() {
        this(1000);
    }

    public LiveCurves(long minIntervalMillis) {
        if (minIntervalMillis < 0) {
            throw new IllegalArgumentException("Argument `minIntervalMillis` should be >= 0. Received: minIntervalMillis=" + minIntervalMillis);
        }
        this.minIntervalMillis = minIntervalMillis;
        this.kernelLookup = NotebookBridge::kernel;
    }

    /** For tests: {@code kernelLookup} stands in for the running kernel. */
    LiveCurves(long minIntervalMillis, Supplier<Object> kernelLookup) {
        this.minIntervalMillis = minIntervalMillis;
        this.kernelLookup = kernelLookup;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        history.clear();
        epochs.clear();
        displayId = null;
        dirty = false;
        kernel = kernelLookup.get();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        for (Map.Entry<String, Double> e : logs.entrySet()) history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        dirty = true;
        long now = System.currentTimeMillis();
        if (displayId == null || now - lastDraw >= minIntervalMillis) draw(now);
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (dirty) draw(System.currentTimeMillis());
        kernel = null;
    }

    /** The curves recorded so far (also usable outside a notebook). */
    public TrainingCurves curves() {
        return new TrainingCurves(history, epochs, 480, 340);
    }

    /** How many times the picture was sent to the notebook (0 outside one). */
    public int draws() {
        return draws;
    }

    private void draw(long now) {
        if (kernel == null) return;
        try {
            Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
            Object stream = io.getClass().getField("display").get(io);
            Object renderer = kernel.getClass().getMethod("getRenderer").invoke(kernel);
            NotebookBridge.install(renderer);
            Object data = renderer.getClass().getMethod("render", Object.class).invoke(renderer, curves());
            if (displayId == null) {
                displayId = UUID.randomUUID().toString();
                // Looked up by name: the method's return type differs between kernel versions.
                data.getClass().getMethod("setDisplayId", String.class).invoke(data, displayId);
                stream.getClass().getMethod("display", data.getClass()).invoke(stream, data);
            } else {
                stream.getClass().getMethod("updateDisplay", String.class, data.getClass()).invoke(stream, displayId, data);
            }
            draws++;
            lastDraw = now;
            dirty = false;
        } catch (Throwable t) {
            // Live plotting must never stop training; give up on the kernel for this run.
            kernel = null;
        }
    }
}
