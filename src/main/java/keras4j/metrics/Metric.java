package keras4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.autograd.GradientTape;
import keras4j.autograd.Variable;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;
import keras4j.utils.Names;

/**
 * Base class of metrics, Keras's {@code keras.metrics.Metric}: a stateful accumulator. {@link #updateState}
 * adds a batch, {@link #result()} reads the value over everything seen since the last {@link #resetState()}
 * (Keras resets at the start of each epoch). The state lives in non-trainable {@link Variable}s
 * ({@link #variables()}), zero after a reset. Updates are never recorded on a gradient tape.
 */
public abstract class Metric implements KerasObject {
    private String name;
    private String direction;
    private final List<Variable> variables = new ArrayList<>();

    /** @param name the metric's name, or null for Keras's unique snake_case class name ({@code precision}, {@code precision_1}, ...) */
    protected Metric(String name) {
        this.name = name;
    }

    /** The name under which the metric is logged, e.g. {@code accuracy} or {@code val_accuracy} for validation. */
    public String name() {
        if (name == null) name = Names.unique(Config.snakeCase(className()));
        return name;
    }

    /** Renames the metric (Keras's {@code name=}, and what {@code compile} does with string metrics). */
    public Metric setName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException(className() + ": name must be a non-empty string. Received: name=" + name);
        this.name = name;
        return this;
    }

    /**
     * Whether larger values are better ({@code "up"}, e.g. accuracy, AUC) or smaller ({@code "down"}, e.g. errors and
     * crossentropies), Keras's {@code metric._direction}; null when Keras does not say (e.g. {@link Mean}, counts).
     * Callbacks with {@code mode="auto"} use it.
     */
    public String direction() {
        return direction;
    }

    protected void setDirection(String direction) {
        this.direction = direction;
    }

    /**
     * Adds a batch: labels {@code yTrue}, predictions {@code yPred} and optional per-sample weights
     * {@code sampleWeight} (null for all 1).
     */
    public final void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        GradientTape.withoutRecording(() -> {
            update(yTrue, yPred, sampleWeight);
            return null;
        });
    }

    /** The update itself (called with recording paused). */
    protected abstract void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

    /** The current value as a tensor: a scalar for most metrics, a vector for per-class or per-threshold results. */
    public abstract Tensor resultTensor();

    /** The current value of a scalar metric (Keras's {@code float(metric.result())}). */
    public float result() {
        Tensor r = resultTensor();
        if (r.size() != 1) {
            throw new IllegalStateException(name() + ": result has shape " + Shape.format(r.shape()) + "; use resultTensor() for non-scalar results");
        }
        return r.data()[0];
    }

    /** Zeroes the state (Keras's {@code reset_state}). */
    public void resetState() {
        for (Variable v : variables) Arrays.fill(v.peek().data(), 0f);
    }

    /** The state variables, in creation order. */
    public List<Variable> variables() {
        return List.copyOf(variables);
    }

    /** Adds a zero-filled state variable (Keras's {@code add_variable} with the zeros initializer). */
    protected Variable addVariable(String name, int... shape) {
        Variable v = new Variable(name, Tensor.zeros(shape), false);
        variables.add(v);
        return v;
    }

    @Override
    public String module() {
        return "keras.metrics";
    }

    /** {@code {"name", "dtype": "float32"}}; subclasses add their arguments. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("dtype", "float32");
        return c;
    }

    @Override
    public String toString() {
        return "<" + className() + " name=" + name() + ">";
    }

    /** Keras's {@code divide_no_nan} on scalars. */
    static float divideNoNan(float a, float b) {
        return b == 0 ? 0f : a / b;
    }

    static <T extends Metric> T withName(T metric, Map<String, Object> config) {
        if (config.get("name") != null) metric.setName(config.get("name").toString());
        return metric;
    }
}
