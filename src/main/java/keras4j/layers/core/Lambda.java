package keras4j.layers.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import keras4j.layers.AbstractLayer;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code Lambda(function, output_shape=None)}: wraps a Java function written in {@code keras4j.ops}
 * (trainable through autograd). The output shape is inferred by tracing the function, or given.
 *
 * <p>Serialization is safe: a config refers to the function by the name it was registered under with
 * {@link #register}; loading a Lambda whose name is not registered fails (Keras's {@code safe_mode}),
 * and nothing from a file is ever executed.
 */
public final class Lambda extends AbstractLayer<Lambda> {
    private static final Map<String, UnaryOperator<Tensor>> REGISTRY = new TreeMap<>();

    private final UnaryOperator<Tensor> function;
    private final String functionName;
    private int[] outputShape;

    /** A Lambda over a function registered under {@code functionName} (serializable). */
    public Lambda(String functionName) {
        UnaryOperator<Tensor> f;
        synchronized (REGISTRY) {
            f = REGISTRY.get(functionName);
        }
        if (f == null) {
            throw new IllegalArgumentException("Lambda function '" + functionName + "' is not registered. Register the Java function with "
                    + "Lambda.register(\"" + functionName + "\", fn) before loading; keras4j never runs code from a file (Keras's safe_mode). Registered: "
                    + registered());
        }
        this.function = f;
        this.functionName = functionName;
    }

    /** A Lambda over an unnamed function (usable, but its config cannot be loaded back). */
    public Lambda(UnaryOperator<Tensor> function) {
        this.function = function;
        this.functionName = null;
    }

    /** Makes {@code function} available to Lambda layers (and loaded configs) under {@code name}. */
    public static void register(String name, UnaryOperator<Tensor> function) {
        synchronized (REGISTRY) {
            REGISTRY.put(name, function);
        }
    }

    public static java.util.Set<String> registered() {
        synchronized (REGISTRY) {
            return java.util.Set.copyOf(REGISTRY.keySet());
        }
    }

    /** Keras's {@code output_shape=} (without the batch axis), when tracing is not wanted. */
    public Lambda outputShape(int... shape) {
        this.outputShape = shape.clone();
        return this;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return function.apply(inputs);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (outputShape == null) return super.computeOutputShape(inputShape);
        int[] s = new int[outputShape.length + 1];
        s[0] = inputShape[0];
        System.arraycopy(outputShape, 0, s, 1, outputShape.length);
        return s;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("function", functionName == null ? null : Config.of("class_name", "function", "config", functionName));
        c.put("output_shape", outputShape == null ? null : Config.shape(outputShape));
        c.put("arguments", new java.util.LinkedHashMap<>());
        return c;
    }

    /** Rebuilds only from a registered function name; Python bytecode in a config is refused. */
    @SuppressWarnings("unchecked")
    public static Lambda fromConfig(Map<String, Object> c) {
        Object f = c.get("function");
        String name = null;
        if (f instanceof Map<?, ?> m && "function".equals(m.get("class_name")) && m.get("config") instanceof String s) name = s;
        if (name == null || !registered().contains(name)) {
            String layer = String.valueOf(c.get("name"));
            throw new IllegalArgumentException("Requested the deserialization of Lambda layer '" + layer + "' whose function "
                    + (name == null ? "is Python code" : "'" + name + "' is not registered")
                    + ". keras4j never executes code from a file; register an equivalent Java function with Lambda.register(name, fn).");
        }
        Lambda l = new Lambda(name);
        l.applyBaseConfig(c);
        if (c.get("output_shape") instanceof java.util.List<?>) l.outputShape(Config.toShape(c.get("output_shape")));
        return l;
    }
}
