package keras4j.activations;

import static keras4j.ops.Ops.abs;
import static keras4j.ops.Ops.add;
import static keras4j.ops.Ops.clip;
import static keras4j.ops.Ops.divide;
import static keras4j.ops.Ops.erf;
import static keras4j.ops.Ops.exp;
import static keras4j.ops.Ops.expm1;
import static keras4j.ops.Ops.log;
import static keras4j.ops.Ops.maximum;
import static keras4j.ops.Ops.minimum;
import static keras4j.ops.Ops.multiply;
import static keras4j.ops.Ops.negative;
import static keras4j.ops.Ops.power;
import static keras4j.ops.Ops.slice;
import static keras4j.ops.Ops.sqrt;
import static keras4j.ops.Ops.square;
import static keras4j.ops.Ops.subtract;
import static keras4j.ops.Ops.where;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras 3's activation functions ({@code keras.activations}), each differentiable, and the registry that
 * maps Keras names to them. Formulas are Keras's; e.g. {@code hard_sigmoid(x) = clip(x/6 + 0.5, 0, 1)}
 * (Keras 3) while Keras 2 used {@code clip(0.2x + 0.5, 0, 1)} — see {@link #hardSigmoidKeras2}.
 */
public final class Activations {
    private Activations() {}

    private static final float SELU_ALPHA = 1.6732632423543772848170429916717f;
    private static final float SELU_SCALE = 1.0507009873554804934193349852946f;

    /** {@code max(x, 0)}. */
    public static Tensor relu(Tensor x) {
        return Ops.relu(x);
    }

    /**
     * Keras's generalised relu: {@code x} for {@code threshold <= x < maxValue}, {@code maxValue} above it,
     * {@code negativeSlope * (x - threshold)} below the threshold. {@code maxValue} may be null (no cap).
     */
    public static Tensor relu(Tensor x, float negativeSlope, Float maxValue, float threshold) {
        Tensor below = x.lt(threshold);
        Tensor y = where(below, multiply(subtract(x, threshold), negativeSlope), x);
        if (maxValue != null) y = where(x.ge(maxValue), Tensor.full(maxValue, x.shape()), y);
        return y;
    }

    /** {@code x} for x ≥ 0, {@code negativeSlope·x} otherwise (Keras default slope 0.2). */
    public static Tensor leakyRelu(Tensor x, float negativeSlope) {
        return where(x.ge(0f), x, multiply(x, negativeSlope));
    }

    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.2f);
    }

    /** {@code min(max(x, 0), 6)}. */
    public static Tensor relu6(Tensor x) {
        return clip(x, 0f, 6f);
    }

    /** {@code x} for x > 0, {@code alpha·(exp(x) − 1)} otherwise. */
    public static Tensor elu(Tensor x, float alpha) {
        return Ops.elu(x, alpha);
    }

    public static Tensor elu(Tensor x) {
        return elu(x, 1f);
    }

    /** {@code scale · elu(x, alpha)} with Keras's SELU constants. */
    public static Tensor selu(Tensor x) {
        return multiply(Ops.elu(x, SELU_ALPHA), SELU_SCALE);
    }

    /** {@code max(x, 0) + min(0, alpha·(exp(x/alpha) − 1))}. */
    public static Tensor celu(Tensor x, float alpha) {
        return add(maximum(x, 0f), minimum(multiply(expm1(divide(x, alpha)), alpha), 0f));
    }

    /** GELU: exact {@code x·Φ(x) = 0.5x(1 + erf(x/√2))}, or the tanh approximation. */
    public static Tensor gelu(Tensor x, boolean approximate) {
        if (approximate) {
            Tensor inner = multiply(add(x, multiply(power(x, 3f), 0.044715f)), (float) Math.sqrt(2 / Math.PI));
            return multiply(multiply(x, 0.5f), add(Ops.tanh(inner), 1f));
        }
        return multiply(multiply(x, 0.5f), add(erf(divide(x, (float) Math.sqrt(2))), 1f));
    }

    /** Keras 3's default {@code gelu} is the exact (erf) form. */
    public static Tensor gelu(Tensor x) {
        return gelu(x, false);
    }

    /** {@code x · sigmoid(x)} (also {@code swish}). */
    public static Tensor silu(Tensor x) {
        return multiply(x, Ops.sigmoid(x));
    }

    /** {@code log(1 + exp(x))}. */
    public static Tensor softplus(Tensor x) {
        return Ops.softplus(x);
    }

    /** {@code x / (1 + |x|)}. */
    public static Tensor softsign(Tensor x) {
        return divide(x, add(abs(x), 1f));
    }

    public static Tensor sigmoid(Tensor x) {
        return Ops.sigmoid(x);
    }

    /** Keras 3: {@code clip(x/6 + 0.5, 0, 1)}. */
    public static Tensor hardSigmoid(Tensor x) {
        return clip(add(divide(x, 6f), 0.5f), 0f, 1f);
    }

    /** Keras 2 / tf.keras: {@code clip(0.2x + 0.5, 0, 1)} — what {@code hard_sigmoid} means in Keras 2 files. */
    public static Tensor hardSigmoidKeras2(Tensor x) {
        return clip(add(multiply(x, 0.2f), 0.5f), 0f, 1f);
    }

    /** {@code x · hard_sigmoid(x)} (also {@code hard_swish}). */
    public static Tensor hardSilu(Tensor x) {
        return multiply(x, hardSigmoid(x));
    }

    /** {@code log(sigmoid(x)) = −softplus(−x)}. */
    public static Tensor logSigmoid(Tensor x) {
        return negative(Ops.softplus(negative(x)));
    }

    public static Tensor tanh(Tensor x) {
        return Ops.tanh(x);
    }

    /** {@code x − tanh(x)}. */
    public static Tensor tanhShrink(Tensor x) {
        return subtract(x, Ops.tanh(x));
    }

    /** {@code clip(x, −1, 1)}. */
    public static Tensor hardTanh(Tensor x) {
        return clip(x, -1f, 1f);
    }

    /** Softmax along {@code axis} (Keras default −1). */
    public static Tensor softmax(Tensor x, int axis) {
        return Ops.softmax(x, axis);
    }

    public static Tensor softmax(Tensor x) {
        return softmax(x, -1);
    }

    public static Tensor logSoftmax(Tensor x, int axis) {
        return Ops.logSoftmax(x, axis);
    }

    public static Tensor logSoftmax(Tensor x) {
        return logSoftmax(x, -1);
    }

    public static Tensor exponential(Tensor x) {
        return exp(x);
    }

    /** The identity (Keras's {@code linear}, also what {@code None} means). */
    public static Tensor linear(Tensor x) {
        return x;
    }

    /** {@code x · tanh(softplus(x))}. */
    public static Tensor mish(Tensor x) {
        return multiply(x, Ops.tanh(Ops.softplus(x)));
    }

    /** {@code (x + sqrt(x² + b)) / 2} (Keras default b = 4). */
    public static Tensor squareplus(Tensor x, float b) {
        return divide(add(x, sqrt(add(square(x), b))), 2f);
    }

    /** {@code x − t} above t, {@code x + t} below −t, 0 between (default t = 0.5). */
    public static Tensor softShrink(Tensor x, float threshold) {
        return where(x.gt(threshold), subtract(x, threshold), where(x.lt(-threshold), add(x, threshold), Tensor.scalar(0f)));
    }

    /** {@code x} where |x| > t, else 0 (default t = 0.5). */
    public static Tensor hardShrink(Tensor x, float threshold) {
        return where(x.abs().gt(threshold), x, Tensor.scalar(0f));
    }

    /** 0 for x ≤ −1, {@code (x+1)²/4} for −1 < x < 1, x for x ≥ 1. */
    public static Tensor sparsePlus(Tensor x) {
        Tensor mid = divide(square(add(x, 1f)), 4f);
        return where(x.le(-1f), Tensor.scalar(0f), where(x.ge(1f), x, mid));
    }

    /** 0 for x ≤ −1, {@code (x+1)/2} for −1 < x < 1, 1 for x ≥ 1. */
    public static Tensor sparseSigmoid(Tensor x) {
        return clip(divide(add(x, 1f), 2f), 0f, 1f);
    }

    /** Gated linear unit: split {@code x} in halves a, b along {@code axis}; {@code a · sigmoid(b)}. */
    public static Tensor glu(Tensor x, int axis) {
        int n = x.dim(axis);
        if (n % 2 != 0) {
            throw new IllegalArgumentException("glu expects the size of axis " + axis + " to be even. Received: shape " + java.util.Arrays.toString(x.shape()));
        }
        return multiply(slice(x, axis, 0, n / 2), Ops.sigmoid(slice(x, axis, n / 2, n)));
    }

    /** {@code x} where x > threshold, else {@code defaultValue}. */
    public static Tensor threshold(Tensor x, float threshold, float defaultValue) {
        return where(x.gt(threshold), x, Tensor.scalar(defaultValue));
    }

    /**
     * Sparsemax along {@code axis} (Martins and Astudillo, 2016): the Euclidean projection onto the simplex.
     * The support and threshold are computed without gradients; the output is {@code max(x − τ, 0)}.
     */
    public static Tensor sparsemax(Tensor x, int axis) {
        Tensor tau = SparsemaxThreshold.tau(x, axis);
        return Ops.relu(subtract(x, tau));
    }

    // ------------------------------------------------------------------ registry

    private static final Map<String, ActivationFunction> REGISTRY = new LinkedHashMap<>();

    private static void reg(String name, java.util.function.UnaryOperator<Tensor> f) {
        REGISTRY.put(name, ActivationFunction.of(name, f));
    }

    static {
        reg("relu", Activations::relu);
        reg("leaky_relu", Activations::leakyRelu);
        reg("relu6", Activations::relu6);
        reg("elu", Activations::elu);
        reg("selu", Activations::selu);
        reg("celu", x -> celu(x, 1f));
        reg("gelu", Activations::gelu);
        reg("silu", Activations::silu);
        reg("softplus", Activations::softplus);
        reg("softsign", Activations::softsign);
        reg("sigmoid", Activations::sigmoid);
        reg("hard_sigmoid", Activations::hardSigmoid);
        reg("hard_silu", Activations::hardSilu);
        reg("log_sigmoid", Activations::logSigmoid);
        reg("tanh", Activations::tanh);
        reg("tanh_shrink", Activations::tanhShrink);
        reg("hard_tanh", Activations::hardTanh);
        reg("softmax", Activations::softmax);
        reg("log_softmax", Activations::logSoftmax);
        reg("exponential", Activations::exponential);
        reg("linear", Activations::linear);
        reg("mish", Activations::mish);
        reg("squareplus", x -> squareplus(x, 4f));
        reg("soft_shrink", x -> softShrink(x, 0.5f));
        reg("hard_shrink", x -> hardShrink(x, 0.5f));
        reg("sparse_plus", Activations::sparsePlus);
        reg("sparse_sigmoid", Activations::sparseSigmoid);
        reg("sparsemax", x -> sparsemax(x, -1));
        reg("glu", x -> glu(x, -1));
    }

    private static final Map<String, String> ALIASES = Map.of("swish", "silu", "hard_swish", "hard_silu");

    /** The Keras names this registry knows (aliases included). */
    public static Set<String> names() {
        Set<String> s = new java.util.TreeSet<>(REGISTRY.keySet());
        s.addAll(ALIASES.keySet());
        return s;
    }

    /** The activation named {@code name} (Keras 3 semantics); {@code null} and {@code "None"} mean linear. */
    public static ActivationFunction get(String name) {
        return get(name, false);
    }

    /**
     * The activation named {@code name}; with {@code keras2} true, names whose meaning changed take their
     * Keras 2 definition ({@code hard_sigmoid} = {@code clip(0.2x + 0.5, 0, 1)}), for loading Keras 2 files.
     */
    public static ActivationFunction get(String name, boolean keras2) {
        if (name == null || name.equals("None")) return REGISTRY.get("linear");
        String key = ALIASES.getOrDefault(name, name);
        if (keras2 && key.equals("hard_sigmoid")) return ActivationFunction.of("hard_sigmoid", Activations::hardSigmoidKeras2);
        ActivationFunction f = REGISTRY.get(key);
        if (f == null) throw Config.unknown("activation", name, names());
        return f;
    }

    /** A name, an {@link ActivationFunction}, or null (linear). */
    public static ActivationFunction get(Object identifier) {
        if (identifier == null) return get((String) null);
        if (identifier instanceof ActivationFunction f) return f;
        if (identifier instanceof String s) return get(s);
        if (identifier instanceof Map<?, ?> m && m.get("class_name") != null) return get(m.get("class_name").toString());
        throw new IllegalArgumentException("Could not interpret activation: " + identifier + " (expected a name or an ActivationFunction)");
    }

    /** The Keras name of an activation, as stored in configs. */
    public static String serialize(ActivationFunction f) {
        return f.name();
    }
}
