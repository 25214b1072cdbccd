package keras4j.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.ObjectRegistry;

/**
 * Wraps a function of tensors as a layer, Keras's {@code keras.layers.Lambda(function, output_shape=None)}.
 *
 * <p>The function must be written with {@link keras4j.ops.Ops} so gradients flow through it. Shapes: the
 * output shape is {@code (batch, *outputShape)} when {@link #outputShape(int...)} is given, otherwise it is
 * inferred by running the function on zeros (Keras's shape inference).
 *
 * <p>Configs refer to the function by name: register it once with {@link #register(String, Function)} and
 * {@code getConfig()} writes it as Keras writes a registered function
 * ({@code {"class_name": "function", "config": name, ...}}); {@link #fromConfig} looks the name up and fails,
 * naming it, when it is not registered. An unregistered function is written as Keras writes a Python lambda
 * ({@code "__lambda__"}, without code). Code stored in a config (Keras's marshalled Python bytecode) is never
 * executed: such configs are refused like Keras's {@code safe_mode}.
 * <pre>{@code
 * Lambda.register("double", x -> Ops.multiply(x, 2f));
 * Layer l = new Lambda("double");                        // or new Lambda(fn) with the registered fn
 * }</pre>
 *
 * <p>Not mask-aware: an incoming mask is dropped (Keras's default without the {@code mask} argument).
 */
public final class Lambda extends AbstractLayer<Lambda> {
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final ObjectRegistry<Function<Tensor, Tensor>> REGISTRY = new ObjectRegistry<>("function", (Class) Function.class);

    private final Function<Tensor, Tensor> function;
    private int[] outputShape;

    /** {@code Lambda(function)}. */
    public Lambda(Function<Tensor, Tensor> function) {
        if (function == null) throw new IllegalArgumentException("Lambda: `function` must not be null");
        this.function = function;
    }

    /** A Lambda running the function registered under {@code functionName}. */
    public Lambda(String functionName) {
        this(lookup(functionName, null));
    }

    /** Makes {@code function} known to configs as {@code name} (Keras's {@code register_keras_serializable} for functions). */
    public static void register(String name, Function<Tensor, Tensor> function) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("Lambda.register: name must not be empty");
        if (function == null) throw new IllegalArgumentException("Lambda.register: function must not be null");
        REGISTRY.addValue(name, function);
    }

    /** The registered function names. */
    public static List<String> registeredFunctions() {
        return List.copyOf(REGISTRY.registered());
    }

    private static Function<Tensor, Tensor> lookup(String name, String layerName) {
        Function<Tensor, Tensor> f = registered(name);
        if (f == null && name != null && name.contains(">")) f = registered(name.substring(name.lastIndexOf('>') + 1));
        if (f == null) {
            throw new IllegalArgumentException("Could not locate function '" + name + "'" + (layerName == null ? "" : " for Lambda layer '" + layerName + "'")
                    + ". Register it first with Lambda.register(\"" + name + "\", fn). Registered functions: " + registeredFunctions());
        }
        return f;
    }

    private static Function<Tensor, Tensor> registered(String name) {
        Function<Map<String, Object>, Function<Tensor, Tensor>> entry = REGISTRY.find(name);
        return entry == null ? null : entry.apply(Map.of());
    }

    private static String nameOf(Function<Tensor, Tensor> f) {
        return REGISTRY.nameOf(f);
    }

    /** Keras's {@code output_shape}: the output shape without the batch axis (-1 for unknown sizes). */
    public Lambda outputShape(int... shape) {
        this.outputShape = shape == null ? null : shape.clone();
        return this;
    }

    public Function<Tensor, Tensor> function() {
        return function;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return function.apply(inputs);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (outputShape == null || inputShapes.size() != 1) return super.computeOutputShapes(inputShapes);
        int[] in = inputShapes.get(0);
        int[] out = new int[outputShape.length + 1];
        out[0] = in.length == 0 ? -1 : in[0];
        System.arraycopy(outputShape, 0, out, 1, outputShape.length);
        return List.of(out);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        String fn = nameOf(function);
        if (fn != null) {
            c.put("function", Config.of("module", null, "class_name", "function", "config", fn, "registered_name", fn));
        } else {
            c.put("function", Config.of("class_name", "__lambda__", "config", Config.of("code", null, "defaults", null, "closure", null)));
        }
        if (outputShape != null) c.put("output_shape", Config.shape(outputShape));
        c.put("arguments", new LinkedHashMap<String, Object>());
        return c;
    }

    /**
     * Rebuilds from a Keras 3 config ({@code function} as a serialized function) or a Keras 2 one ({@code function}
     * a name with {@code function_type: "function"}). The function must have been registered under its name;
     * serialized Python lambdas (Keras 3 {@code "__lambda__"}, Keras 2 {@code function_type: "lambda"}) are refused.
     */
    public static Lambda fromConfig(Map<String, Object> config) {
        String layerName = (String) config.get("name");
        Object fn = config.get("function");
        String fnName;
        if (fn instanceof Map<?, ?> m) {
            if ("__lambda__".equals(m.get("class_name"))) throw lambdaRefused(layerName);
            Object registered = m.get("registered_name");
            fnName = registered instanceof String s ? s : m.get("config") instanceof String s2 ? s2 : null;
        } else if ("lambda".equals(config.get("function_type")) || fn instanceof List<?>) {
            throw lambdaRefused(layerName);
        } else {
            fnName = fn instanceof String s ? s : null;
        }
        if (fnName == null) throw new IllegalArgumentException("Lambda layer '" + layerName + "': cannot read `function` from its config. Received: function=" + fn);
        Lambda l = new Lambda(lookup(fnName, layerName));
        Object shape = config.get("output_shape");
        if (shape instanceof List<?> list) {
            l.outputShape(Config.toShape(list));
        } else if (shape != null) {
            throw new IllegalArgumentException("Lambda layer '" + layerName + "': `output_shape` must be a list of sizes; a serialized function is not executed. Received: output_shape=" + shape);
        }
        Object args = config.get("arguments");
        if (args instanceof Map<?, ?> a && !a.isEmpty()) {
            throw new IllegalArgumentException("Lambda layer '" + layerName + "': `arguments` " + a + " cannot be passed to a Java function; register a function that includes them.");
        }
        l.applyBaseConfig(config);
        return l;
    }

    private static IllegalArgumentException lambdaRefused(String layerName) {
        return new IllegalArgumentException("Requested the deserialization of a `Lambda` layer" + (layerName == null ? "" : " ('" + layerName + "')")
                + " whose `function` is a Python lambda. keras4j never executes code stored in a config (like Keras's safe_mode). "
                + "Rewrite the function in Java, register it with Lambda.register(name, fn), and refer to it by name in the config.");
    }
}
