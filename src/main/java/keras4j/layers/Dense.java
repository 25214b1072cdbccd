package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.ops.Ops;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Tensor;
import keras4j.utils.KerasObject;

/**
 * The densely-connected layer, Keras's {@code keras.layers.Dense(units, activation=None, use_bias=True,
 * kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None,
 * activity_regularizer=None, kernel_constraint=None, bias_constraint=None)}: {@code activation(inputs · kernel + bias)}.
 *
 * <p>Shapes: {@code (batch, ..., d) → (batch, ..., units)} for any input of rank ≥ 2 (the kernel acts on the last
 * axis); weights {@code kernel (d, units)} and, with {@code useBias}, {@code bias (units,)}. After the first build the
 * last axis must keep size {@code d}.
 * <pre>{@code
 * new Dense(64).activation("relu").inputShape(784)
 * new Dense(10).kernelInitializer("he_normal").kernelRegularizer(new L2(1e-4))
 * }</pre>
 * Options take what Keras takes: a name ({@code "glorot_uniform"}, {@code "l2"}, {@code "max_norm"}), a serialized
 * map (Keras 3, or Keras 2 without {@code module}), or an object. Set them before the layer is built.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class Dense extends AbstractLayer<Dense> {
    private final int units;
    private ActivationFunction activation = Activations.get((Object) null);
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.get("glorot_uniform");
    private Initializer biasInitializer = Initializers.get("zeros");
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;
    private Regularizer activityRegularizer;
    private Constraint kernelConstraint;
    private Constraint biasConstraint;
    private Variable kernel;
    private Variable bias;

    /** {@code Dense(units)}: a positive number of output features. */
    public Dense(int units) {
        if (units <= 0) throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. Received: units=" + units);
        this.units = units;
        this.inputSpec = InputSpec.minNdim(2);
        this.supportsMasking = true;
    }

    private void notBuilt(String option) {
        if (built()) throw new IllegalStateException("Layer \"" + name() + "\" (Dense): set `" + option + "` before the layer is built");
    }

    /** Keras's {@code activation}: a name such as {@code "relu"}, or null for linear. */
    public Dense activation(String activation) {
        this.activation = Activations.get(activation);
        return this;
    }

    /** Keras's {@code activation} as a function. */
    public Dense activation(ActivationFunction activation) {
        this.activation = Activations.get(activation);
        return this;
    }

    /** Keras's {@code use_bias}. */
    public Dense useBias(boolean useBias) {
        notBuilt("use_bias");
        this.useBias = useBias;
        return this;
    }

    /** Keras's {@code kernel_initializer}: a name, a serialized map or an {@link Initializer}. */
    public Dense kernelInitializer(Object initializer) {
        notBuilt("kernel_initializer");
        this.kernelInitializer = required(Initializers.get(initializer), "kernel_initializer");
        return this;
    }

    /** Keras's {@code bias_initializer}. */
    public Dense biasInitializer(Object initializer) {
        notBuilt("bias_initializer");
        this.biasInitializer = required(Initializers.get(initializer), "bias_initializer");
        return this;
    }

    /** Keras's {@code kernel_regularizer}: a name, a serialized map, a {@link Regularizer}, or null. */
    public Dense kernelRegularizer(Object regularizer) {
        notBuilt("kernel_regularizer");
        this.kernelRegularizer = Regularizers.get(regularizer);
        return this;
    }

    /** Keras's {@code bias_regularizer}. */
    public Dense biasRegularizer(Object regularizer) {
        notBuilt("bias_regularizer");
        this.biasRegularizer = Regularizers.get(regularizer);
        return this;
    }

    /** Keras's {@code activity_regularizer}: a penalty on the output, divided by the batch size. */
    public Dense activityRegularizer(Object regularizer) {
        Regularizer r = Regularizers.get(regularizer);
        this.activityRegularizer = r;
        setActivityRegularizer(r == null ? null : r::call, r);
        return this;
    }

    /** Keras's {@code kernel_constraint}: a name, a serialized map, a {@link Constraint}, or null. */
    public Dense kernelConstraint(Object constraint) {
        notBuilt("kernel_constraint");
        this.kernelConstraint = Constraints.get(constraint);
        return this;
    }

    /** Keras's {@code bias_constraint}. */
    public Dense biasConstraint(Object constraint) {
        notBuilt("bias_constraint");
        this.biasConstraint = Constraints.get(constraint);
        return this;
    }

    private static <T> T required(T value, String option) {
        if (value == null) throw new IllegalArgumentException("Dense: `" + option + "` must not be None");
        return value;
    }

    public int units() {
        return units;
    }

    public ActivationFunction activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    /** The kernel variable {@code (input_dim, units)}; the layer must be built. */
    public Variable kernel() {
        if (kernel == null) throw new IllegalStateException("You must build the layer \"" + name() + "\" before accessing `kernel`.");
        return kernel;
    }

    /** The bias variable {@code (units,)}, or null without bias; the layer must be built. */
    public Variable bias() {
        if (kernel == null) throw new IllegalStateException("You must build the layer \"" + name() + "\" before accessing `bias`.");
        return bias;
    }

    @Override
    public void build(int[] inputShape) {
        int inputDim = inputShape[inputShape.length - 1];
        if (inputDim < 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Dense): The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: "
                    + formatShape(inputShape));
        }
        kernel = addWeight("kernel", new int[] {inputDim, units}, kernelInitializer::call,
                kernelRegularizer == null ? null : kernelRegularizer::call, kernelConstraint, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {units}, biasInitializer::call,
                    biasRegularizer == null ? null : biasRegularizer::call, biasConstraint, true);
        }
        this.inputSpec = InputSpec.minNdim(2).axis(-1, inputDim);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return BiasActivation.apply(Ops.matmul(inputs, kernel.value()), bias == null ? null : bias.value(), -1, activation);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        inputSpec.check(name(), 0, inputShape);
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    private static Object serialize(KerasObject o) {
        return o == null ? null : o.serialize();
    }

    /** Keras 3's keys: base ({@code name, trainable, dtype}, {@code activity_regularizer} when set), then Dense's. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        if (activityRegularizer != null) c.put("activity_regularizer", activityRegularizer.serialize());
        c.put("units", units);
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("kernel_initializer", kernelInitializer.serialize());
        c.put("bias_initializer", biasInitializer.serialize());
        c.put("kernel_regularizer", serialize(kernelRegularizer));
        c.put("bias_regularizer", serialize(biasRegularizer));
        c.put("kernel_constraint", serialize(kernelConstraint));
        c.put("bias_constraint", serialize(biasConstraint));
        c.put("quantization_config", null);
        return c;
    }

    /**
     * Rebuilds from a Keras 3 config or a Keras 2 one ({@code batch_input_shape}, activation names, initializer and
     * regularizer maps without {@code module}). Keras 3's {@code lora_rank} and a non-null {@code quantization_config}
     * are refused, as keras4j has neither.
     */
    public static Dense fromConfig(Map<String, Object> config) {
        Object units = config.get("units");
        if (!(units instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. Received: units=" + units);
        }
        if (config.get("lora_rank") != null) throw new IllegalArgumentException("Dense: LoRA (`lora_rank`) is not supported by keras4j. Received: lora_rank=" + config.get("lora_rank"));
        if (config.get("quantization_config") != null) throw new IllegalArgumentException("Dense: quantized layers are not supported by keras4j. Received a `quantization_config`.");
        Dense d = new Dense(n.intValue());
        d.activation = keras4j.layers.LayerOptions.activation(config.get("activation"), config);
        d.useBias = !Boolean.FALSE.equals(config.get("use_bias"));
        if (config.get("kernel_initializer") != null) d.kernelInitializer(config.get("kernel_initializer"));
        if (config.get("bias_initializer") != null) d.biasInitializer(config.get("bias_initializer"));
        d.kernelRegularizer(config.get("kernel_regularizer"));
        d.biasRegularizer(config.get("bias_regularizer"));
        d.activityRegularizer(config.get("activity_regularizer"));
        d.kernelConstraint(config.get("kernel_constraint"));
        d.biasConstraint(config.get("bias_constraint"));
        d.applyBaseConfig(config);
        return d;
    }
}
