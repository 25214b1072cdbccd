package keras4j.activations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.ObjectRegistry;

/**
 * The activation functions of {@code keras.activations} (Keras 3), differentiable through
 * {@link keras4j.autograd.GradientTape}, and the name registry that layers use to read and write
 * {@code "activation": "relu"} in configs.
 *
 * <pre>{@code
 * Tensor y = Activations.gelu(x, true);
 * ActivationFunction f = Activations.get("swish");   // silu
 * String name = Activations.serialize(f);             // "silu"
 * }</pre>
 */
public final class Activations {
    private Activations() {}

    private static final ObjectRegistry<ActivationFunction> REGISTRY = new ObjectRegistry<>("activation", ActivationFunction.class);

    /** Keras 2's {@code hard_sigmoid}, {@code clip(0.2·x + 0.5, 0, 1)}; serialises as {@code "hard_sigmoid"}. */
    public static final ActivationFunction HARD_SIGMOID_KERAS2 = ActivationFunction.of("hard_sigmoid", Activations::hardSigmoidKeras2);

    static {
        register("relu", Activations::relu);
        register("leaky_relu", Activations::leakyRelu);
        register("relu6", Activations::relu6);
        register("softmax", Activations::softmax);
        register("celu", Activations::celu);
        register("elu", Activations::elu);
        register("selu", Activations::selu);
        register("softplus", Activations::softplus);
        register("softsign", Activations::softsign);
        register("squareplus", Activations::squareplus);
        register("soft_shrink", Activations::softShrink);
        register("sparse_plus", Activations::sparsePlus);
        register("silu", Activations::silu);
        register("gelu", Activations::gelu);
        register("glu", Activations::glu);
        register("tanh", Activations::tanh);
        register("tanh_shrink", Activations::tanhShrink);
        register("threshold", x -> {
            // Keras's threshold has no defaults for its arguments, so it cannot run from a name alone either.
            throw new IllegalArgumentException("activation 'threshold' needs `threshold` and `default_value`; "
                    + "call Activations.threshold(x, threshold, defaultValue) instead");
        });
        register("sigmoid", Activations::sigmoid);
        register("sparse_sigmoid", Activations::sparseSigmoid);
        register("exponential", Activations::exponential);
        register("hard_sigmoid", Activations::hardSigmoid);
        register("hard_silu", Activations::hardSilu);
        register("hard_tanh", Activations::hardTanh);
        register("hard_shrink", Activations::hardShrink);
        register("linear", Activations::linear);
        register("mish", Activations::mish);
        register("log_softmax", Activations::logSoftmax);
        register("log_sigmoid", Activations::logSigmoid);
        register("sparsemax", Activations::sparsemax);
        REGISTRY.alias("swish", "silu");
        REGISTRY.alias("hard_swish", "hard_silu");
    }

    private static void register(String name, java.util.function.UnaryOperator<Tensor> f) {
        REGISTRY.addValue(name, ActivationFunction.of(name, f));
    }

    // ------------------------------------------------------------------ registry

    /** The registered activation of {@code name} (or alias). */
    private static ActivationFunction named(String name) {
        return REGISTRY.fromConfig(name, Map.of());
    }

    /**
     * The activation for a Keras identifier (Keras's {@code keras.activations.get}): a name such as
     * {@code "relu"} or an alias ({@code "swish"} → silu, {@code "hard_swish"} → hard_silu), {@code null}
     * or {@code "None"} (→ linear), an {@link ActivationFunction} (returned as is), or a serialized
     * function map whose {@code "config"} is a name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static ActivationFunction get(Object identifier) {
        return get(identifier, false);
    }

    /**
     * Like {@link #get(Object)}; with {@code keras2} true, {@code "hard_sigmoid"} means Keras 2's
     * {@code clip(0.2·x + 0.5, 0, 1)} ({@link #HARD_SIGMOID_KERAS2}) instead of Keras 3's
     * {@code clip(x/6 + 0.5, 0, 1)}, for models saved by Keras 2 / tf.keras.
     */
    public static ActivationFunction get(Object identifier, boolean keras2) {
        if (identifier == null) return named("linear");
        if (identifier instanceof ActivationFunction f) return f;
        if (identifier instanceof Map<?, ?> m) {
            Object name = m.get("config");
            if (name instanceof String s) return get(s, keras2);
            throw new IllegalArgumentException("Could not interpret activation function identifier: " + identifier);
        }
        if (identifier instanceof String name) {
            if (name.equals("None")) return named("linear");
            if (keras2 && name.equals("hard_sigmoid")) return HARD_SIGMOID_KERAS2;
            if (REGISTRY.find(name) == null) throw Config.unknown("activation", name, names());
            return named(name);
        }
        throw new IllegalArgumentException("Could not interpret activation function identifier: " + identifier
                + " (expected a name, an ActivationFunction, a serialized map or null)");
    }

    /** The name Keras 3 writes in a layer config for this activation ({@code keras.activations.serialize}); null → "linear". */
    public static String serialize(ActivationFunction activation) {
        if (activation == null) return "linear";
        String name = activation.name();
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("activation " + activation + " has no name to serialize");
        return name;
    }

    /** Every name {@link #get(Object)} accepts, aliases included, sorted. */
    public static Set<String> names() {
        return REGISTRY.names();
    }

    // ------------------------------------------------------------------ rectifiers

    /** {@code keras.activations.relu(x)}: {@code max(x, 0)}. */
    public static Tensor relu(Tensor x) {
        return Ops.relu(x);
    }

    /**
     * {@code keras.activations.relu(x, negative_slope, max_value, threshold)}:
     * {@code min(x, max_value)} for {@code x > threshold}, {@code negative_slope·(x − threshold)} for
     * {@code x < threshold}, and 0 at {@code x = threshold}; {@code maxValue} null means no cap.
     */
    public static Tensor relu(Tensor x, float negativeSlope, Float maxValue, float threshold) {
        return Piecewise.relu(x, negativeSlope, maxValue, threshold);
    }

    /** {@code keras.activations.leaky_relu(x, negative_slope=0.2)}: {@code max(x, 0.2·x)}. */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.2f);
    }

    /** {@code keras.activations.leaky_relu(x, negative_slope)}: {@code max(x, negative_slope·x)}. */
    public static Tensor leakyRelu(Tensor x, float negativeSlope) {
        return Piecewise.leakyRelu(x, negativeSlope);
    }

    /** {@code keras.activations.relu6}: {@code min(max(x, 0), 6)}. */
    public static Tensor relu6(Tensor x) {
        return Piecewise.relu6(x);
    }

    /** {@code keras.activations.elu(x, alpha=1.0)}: {@code x} for x ≥ 0, {@code α·(eˣ − 1)} otherwise. */
    public static Tensor elu(Tensor x) {
        return elu(x, 1f);
    }

    /** {@code keras.activations.elu(x, alpha)}: {@code x} for x ≥ 0, {@code α·(eˣ − 1)} otherwise. */
    public static Tensor elu(Tensor x, float alpha) {
        return Ops.elu(x, alpha);
    }

    /**
     * {@code keras.activations.selu}: {@code scale·elu(x, α)} with α = 1.6732632423543772848170429916717,
     * scale = 1.0507009873554804934193349852946.
     */
    public static Tensor selu(Tensor x) {
        return Smooth.selu(x);
    }

    /** {@code keras.activations.celu(x, alpha=1.0)}: {@code max(x, 0) + α·(exp(min(x, 0)/α) − 1)}. */
    public static Tensor celu(Tensor x) {
        return celu(x, 1f);
    }

    /** {@code keras.activations.celu(x, alpha)}: {@code max(x, 0) + α·(exp(min(x, 0)/α) − 1)}. */
    public static Tensor celu(Tensor x, float alpha) {
        return Smooth.celu(x, alpha);
    }

    /** {@code keras.activations.threshold(x, threshold, default_value)}: {@code x} if x > threshold, else {@code default_value}. */
    public static Tensor threshold(Tensor x, float threshold, float defaultValue) {
        return Piecewise.threshold(x, threshold, defaultValue);
    }

    // ------------------------------------------------------------------ smooth

    /** {@code keras.activations.gelu(x, approximate=False)}: {@code x·(1 + erf(x/√2))/2}. */
    public static Tensor gelu(Tensor x) {
        return gelu(x, false);
    }

    /**
     * {@code keras.activations.gelu(x, approximate)}: exact {@code x·(1 + erf(x/√2))/2}, or with
     * {@code approximate} the tanh form {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}.
     */
    public static Tensor gelu(Tensor x, boolean approximate) {
        return Smooth.gelu(x, approximate);
    }

    /** {@code keras.activations.silu} (alias {@code swish}): {@code x·sigmoid(x)}. */
    public static Tensor silu(Tensor x) {
        return Smooth.silu(x);
    }

    /** {@code keras.activations.swish}, the same function as {@link #silu}: {@code x·sigmoid(x)}. */
    public static Tensor swish(Tensor x) {
        return Smooth.silu(x);
    }

    /** {@code keras.activations.softplus}: {@code log(1 + eˣ)}, computed without overflow. */
    public static Tensor softplus(Tensor x) {
        return Ops.softplus(x);
    }

    /** {@code keras.activations.softsign}: {@code x/(1 + |x|)}. */
    public static Tensor softsign(Tensor x) {
        return Smooth.softsign(x);
    }

    /** {@code keras.activations.sigmoid}: {@code 1/(1 + e^−x)}. */
    public static Tensor sigmoid(Tensor x) {
        return Ops.sigmoid(x);
    }

    /** {@code keras.activations.log_sigmoid}: {@code log(sigmoid(x)) = −softplus(−x)}. */
    public static Tensor logSigmoid(Tensor x) {
        return Smooth.logSigmoid(x);
    }

    /** {@code keras.activations.tanh}: {@code (eˣ − e^−x)/(eˣ + e^−x)}. */
    public static Tensor tanh(Tensor x) {
        return Ops.tanh(x);
    }

    /** {@code keras.activations.tanh_shrink}: {@code x − tanh(x)}. */
    public static Tensor tanhShrink(Tensor x) {
        return Smooth.tanhShrink(x);
    }

    /** {@code keras.activations.exponential}: {@code eˣ}. */
    public static Tensor exponential(Tensor x) {
        return Ops.exp(x);
    }

    /** {@code keras.activations.linear}: the input, unchanged. */
    public static Tensor linear(Tensor x) {
        return x;
    }

    /** {@code keras.activations.mish}: {@code x·tanh(softplus(x))}. */
    public static Tensor mish(Tensor x) {
        return Smooth.mish(x);
    }

    /** {@code keras.activations.squareplus(x, b=4)}: {@code (x + √(x² + b))/2}. */
    public static Tensor squareplus(Tensor x) {
        return squareplus(x, 4f);
    }

    /** {@code keras.activations.squareplus(x, b)}: {@code (x + √(x² + b))/2}. */
    public static Tensor squareplus(Tensor x, float b) {
        return Smooth.squareplus(x, b);
    }

    // ------------------------------------------------------------------ hard (piecewise linear)

    /** {@code keras.activations.hard_sigmoid} (Keras 3): {@code clip(x/6 + 0.5, 0, 1)}. */
    public static Tensor hardSigmoid(Tensor x) {
        return Piecewise.hardSigmoid(x);
    }

    /**
     * Keras 2 / tf.keras {@code hard_sigmoid}: {@code clip(0.2·x + 0.5, 0, 1)}; what a Keras-2 model
     * (e.g. an LSTM's {@code recurrent_activation}) naming {@code "hard_sigmoid"} computed.
     */
    public static Tensor hardSigmoidKeras2(Tensor x) {
        return Piecewise.hardSigmoidKeras2(x);
    }

    /** {@code keras.activations.hard_silu} (alias {@code hard_swish}): {@code x·clip(x/6 + 0.5, 0, 1)}. */
    public static Tensor hardSilu(Tensor x) {
        return Piecewise.hardSilu(x);
    }

    /** {@code keras.activations.hard_swish}, the same function as {@link #hardSilu}. */
    public static Tensor hardSwish(Tensor x) {
        return Piecewise.hardSilu(x);
    }

    /** {@code keras.activations.hard_tanh}: {@code clip(x, −1, 1)}. */
    public static Tensor hardTanh(Tensor x) {
        return Piecewise.hardTanh(x);
    }

    /** {@code keras.activations.soft_shrink(x, threshold=0.5)}: {@code x − t} for x > t, {@code x + t} for x < −t, else 0. */
    public static Tensor softShrink(Tensor x) {
        return softShrink(x, 0.5f);
    }

    /** {@code keras.activations.soft_shrink(x, threshold)}: {@code x − t} for x > t, {@code x + t} for x < −t, else 0. */
    public static Tensor softShrink(Tensor x, float threshold) {
        return Piecewise.softShrink(x, threshold);
    }

    /** {@code keras.activations.hard_shrink(x, threshold=0.5)}: {@code x} where |x| > t, else 0. */
    public static Tensor hardShrink(Tensor x) {
        return hardShrink(x, 0.5f);
    }

    /** {@code keras.activations.hard_shrink(x, threshold)}: {@code x} where |x| > t, else 0. */
    public static Tensor hardShrink(Tensor x, float threshold) {
        return Piecewise.hardShrink(x, threshold);
    }

    /** {@code keras.activations.sparse_plus}: 0 for x ≤ −1, {@code (x + 1)²/4} for −1 < x < 1, {@code x} for x ≥ 1. */
    public static Tensor sparsePlus(Tensor x) {
        return Piecewise.sparsePlus(x);
    }

    /** {@code keras.activations.sparse_sigmoid}: 0 for x ≤ −1, {@code (x + 1)/2} for −1 < x < 1, 1 for x ≥ 1. */
    public static Tensor sparseSigmoid(Tensor x) {
        return Piecewise.sparseSigmoid(x);
    }

    // ------------------------------------------------------------------ along an axis

    /** {@code keras.activations.softmax(x, axis=-1)}: {@code exp(x)/Σ exp(x)} along the last axis. */
    public static Tensor softmax(Tensor x) {
        return softmax(x, -1);
    }

    /** {@code keras.activations.softmax(x, axis)}: {@code exp(x)/Σ exp(x)} along {@code axis}. */
    public static Tensor softmax(Tensor x, int axis) {
        return Ops.softmax(x, axis);
    }

    /** {@code keras.activations.log_softmax(x, axis=-1)}: {@code x − log Σ exp(x)} along the last axis. */
    public static Tensor logSoftmax(Tensor x) {
        return logSoftmax(x, -1);
    }

    /** {@code keras.activations.log_softmax(x, axis)}: {@code x − log Σ exp(x)} along {@code axis}. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        return Ops.logSoftmax(x, axis);
    }

    /**
     * {@code keras.activations.sparsemax(x, axis=-1)}: {@code max(x − τ(x), 0)} along the last axis,
     * with τ such that the outputs sum to 1 (Martins & Astudillo, 2016).
     */
    public static Tensor sparsemax(Tensor x) {
        return sparsemax(x, -1);
    }

    /** {@code keras.activations.sparsemax(x, axis)}: {@code max(x − τ(x), 0)} along {@code axis}. */
    public static Tensor sparsemax(Tensor x, int axis) {
        return PerAxis.sparsemax(x, axis);
    }

    /**
     * {@code keras.activations.glu(x, axis=-1)}: {@code a·sigmoid(b)} where {@code a, b} are the two halves
     * of {@code x} along the last axis; shape {@code (..., 2n) → (..., n)}.
     */
    public static Tensor glu(Tensor x) {
        return glu(x, -1);
    }

    /** {@code keras.activations.glu(x, axis)}: {@code a·sigmoid(b)} over the two halves of {@code axis} (size must be even). */
    public static Tensor glu(Tensor x, int axis) {
        return PerAxis.glu(x, axis);
    }
}
