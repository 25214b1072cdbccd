package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.ops.ConvOps;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * What every convolution layer shares (Keras's {@code BaseConv}, {@code BaseConvTranspose},
 * {@code BaseDepthwiseConv} and {@code BaseSeparableConv} all have these arguments): the window
 * ({@code kernel_size}, {@code strides}, {@code padding}, {@code dilation_rate}), the
 * {@code data_format}, the activation, and the bias with its initializer, regularizer and constraint,
 * plus the activity regularizer.
 *
 * <p>Options are fluent setters named as Keras's keyword arguments and validated with Keras's messages;
 * they cannot change once the layer is built. Inputs are {@code (batch, *spatial, channels)} for
 * {@code "channels_last"} (the default) or {@code (batch, channels, *spatial)} for {@code "channels_first"}.
 *
 * @param <T> the concrete layer class
 */
public abstract class AbstractConv<T extends AbstractConv<T>> extends AbstractLayer<T> {
    final int rank;
    final int[] kernelSize;
    int[] strides;
    String padding = "valid";
    String dataFormat = "channels_last";
    int[] dilationRate;
    ActivationFunction activation = Activations.get(null);
    boolean useBias = true;
    final WeightOptions biasOptions = new WeightOptions("bias", "zeros");
    Regularizer activityRegularizer;
    Variable bias;

    AbstractConv(int rank, int[] kernelSize) {
        this.rank = rank;
        this.kernelSize = ConvArgs.tuple(kernelSize, rank, "kernel_size", false);
        this.strides = ConvArgs.tuple(new int[] {1}, rank, "strides", false);
        this.dilationRate = strides.clone();
        this.inputSpec = InputSpec.minNdim(rank + 2);
    }

    // ------------------------------------------------------------------ options

    /**
     * The initializer, regularizer and constraint of one weight: Keras's {@code <key>_initializer},
     * {@code <key>_regularizer} and {@code <key>_constraint} arguments ({@code key} is {@code "kernel"},
     * {@code "depthwise"}, {@code "pointwise"} or {@code "bias"}). Every convolution layer keeps one for the bias
     * and one for each of its kernels; its public setters delegate here through {@link #setOption(Runnable)}.
     */
    static final class WeightOptions {
        /** The prefix of the three config keys. */
        final String key;
        private final String defaultInitializer;
        Initializer initializer;
        Regularizer regularizer;
        Constraint constraint;

        /** Options with no regularizer or constraint and the initializer named {@code defaultInitializer}. */
        WeightOptions(String key, String defaultInitializer) {
            this.key = key;
            this.defaultInitializer = defaultInitializer;
            this.initializer = Initializers.get(defaultInitializer);
        }

        /** A name, a serialized map or an {@link Initializer}; null restores the default initializer. */
        void initializer(Object identifier) {
            this.initializer = identifier == null ? Initializers.get(defaultInitializer) : Initializers.get(identifier);
        }

        /** A name, a serialized map, a {@link Regularizer}, or null for none. */
        void regularizer(Object identifier) {
            this.regularizer = Regularizers.get(identifier);
        }

        /** A name, a serialized map, a {@link Constraint}, or null for none. */
        void constraint(Object identifier) {
            this.constraint = Constraints.get(identifier);
        }
    }

    /**
     * Runs {@code change} (an option's assignment and validation) if the layer is not built yet, and returns the
     * layer: the body of every fluent option setter.
     *
     * @throws IllegalStateException once the layer is built, before {@code change} runs
     */
    final T setOption(Runnable change) {
        checkMutable();
        change.run();
        return self();
    }

    /** Keras's {@code strides}: one value for every spatial axis or one per axis, each positive. */
    public T strides(int... strides) {
        checkMutable();
        int[] s = ConvArgs.tuple(strides, rank, "strides", false);
        validateWindow(s, dilationRate);
        this.strides = s;
        return self();
    }

    /** Keras's {@code padding}: {@code "valid"} or {@code "same"} (case-insensitive); Conv1D also accepts {@code "causal"}. */
    public T padding(String padding) {
        return setOption(() -> this.padding = ConvOps.standardizePadding(padding, allowsCausal()));
    }

    /** Keras's {@code data_format}: {@code "channels_last"} (default, also for null) or {@code "channels_first"}. */
    public T dataFormat(String dataFormat) {
        return setOption(() -> this.dataFormat = ConvOps.standardizeDataFormat(dataFormat));
    }

    /** Keras's {@code dilation_rate}: one value for every spatial axis or one per axis, each positive. */
    public T dilationRate(int... dilationRate) {
        checkMutable();
        int[] d = ConvArgs.tuple(dilationRate, rank, "dilation_rate", false);
        validateWindow(strides, d);
        this.dilationRate = d;
        return self();
    }

    /** Keras's {@code activation}: a name ({@code "relu"}), an {@link ActivationFunction}, or null for linear. */
    public T activation(Object activation) {
        return setOption(() -> this.activation = Activations.get(activation));
    }

    /** Keras's {@code use_bias}. */
    public T useBias(boolean useBias) {
        return setOption(() -> this.useBias = useBias);
    }

    /** Keras's {@code bias_initializer}: a name, a serialized map or an {@link Initializer}; null means {@code "zeros"}. */
    public T biasInitializer(Object initializer) {
        return setOption(() -> biasOptions.initializer(initializer));
    }

    /** Keras's {@code bias_regularizer}: a name, a serialized map, a {@link Regularizer}, or null. */
    public T biasRegularizer(Object regularizer) {
        return setOption(() -> biasOptions.regularizer(regularizer));
    }

    /** Keras's {@code activity_regularizer}: a penalty on the layer's output, divided by the batch size. */
    public T activityRegularizer(Object regularizer) {
        checkMutable();
        Regularizer r = Regularizers.get(regularizer);
        this.activityRegularizer = r;
        setActivityRegularizer(r == null ? null : r::call, r == null ? null : Regularizers.serialize(r));
        return self();
    }

    /** Keras's {@code bias_constraint}: a name, a serialized map, a {@link Constraint}, or null. */
    public T biasConstraint(Object constraint) {
        return setOption(() -> biasOptions.constraint(constraint));
    }

    // ------------------------------------------------------------------ accessors

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] strides() {
        return strides.clone();
    }

    public String padding() {
        return padding;
    }

    public String dataFormat() {
        return dataFormat;
    }

    public int[] dilationRate() {
        return dilationRate.clone();
    }

    public ActivationFunction activation() {
        return activation;
    }

    public boolean useBias() {
        return useBias;
    }

    /** The bias weight, or null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    // ------------------------------------------------------------------ hooks for subclasses

    /** Whether {@code "causal"} padding is accepted (Conv1D only, as in Keras). */
    boolean allowsCausal() {
        return false;
    }

    /** Checks a candidate strides/dilation pair (and any option tied to them); the default accepts all. */
    void validateWindow(int[] strides, int[] dilationRate) {
    }

    final void checkMutable() {
        if (built()) {
            throw new IllegalStateException("Layer \"" + name() + "\": options cannot be changed after the layer is built (as in Keras, "
                    + "attributes are fixed once the layer has been called)");
        }
    }

    /** The channel axis of a batch-first shape. */
    final int channelAxis() {
        return dataFormat.equals("channels_last") ? -1 : 1;
    }

    /** The (known) number of input channels of a batch-first input shape. */
    final int inputChannels(int[] inputShape) {
        int axis = dataFormat.equals("channels_last") ? inputShape.length - 1 : 1;
        int channels = inputShape[axis];
        if (channels < 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": the channel dimension of the inputs should be defined. The input_shape received is "
                    + formatShape(inputShape) + ", where axis " + axis + " (0-based) is the channel dimension, which found to be `None`.");
        }
        return channels;
    }

    /** Restricts later inputs to this channel count (Keras's InputSpec with {@code axes={channel_axis: channels}}). */
    final void fixInputChannels(int channels) {
        this.inputSpec = InputSpec.minNdim(rank + 2).axis(channelAxis(), channels);
    }

    /** A kernel's shape: {@code kernel_size} followed by {@code inner} and {@code outer} (Keras's kernel layout). */
    final int[] kernelShape(int inner, int outer) {
        int[] shape = java.util.Arrays.copyOf(kernelSize, rank + 2);
        shape[rank] = inner;
        shape[rank + 1] = outer;
        return shape;
    }

    /** Creates the trainable weight {@code name} of {@code shape} with the initializer, regularizer and constraint of {@code options}. */
    final Variable addWeight(String name, int[] shape, WeightOptions options) {
        Regularizer r = options.regularizer;
        return addWeight(name, shape, options.initializer::call, r == null ? null : r::call, options.constraint, true);
    }

    /** Creates the bias of {@code size} when {@code use_bias}. */
    final void buildBias(int size) {
        if (!useBias) return;
        bias = addWeight("bias", new int[] {size}, biasOptions);
    }

    /** Whether {@link #finish} adds the bias in one pass with the activation (relu; see {@link BiasActivation}). */
    final boolean fusesBiasWithActivation() {
        return BiasActivation.fuses(activation);
    }

    /** Adds the bias along the channel axis and applies the activation (the tail of Keras's {@code call}). */
    final Tensor finish(Tensor outputs) {
        return BiasActivation.apply(outputs, useBias ? bias.value() : null, dataFormat.equals("channels_first") ? 1 : -1, activation);
    }

    // ------------------------------------------------------------------ config

    static Object serialize(Initializer initializer) {
        return initializer == null ? null : Initializers.serialize(initializer);
    }

    static Object serialize(Regularizer regularizer) {
        return regularizer == null ? null : Regularizers.serialize(regularizer);
    }

    static Object serialize(Constraint constraint) {
        return constraint == null ? null : Constraints.serialize(constraint);
    }

    /**
     * The option entries of a config in Keras's order, from {@code activation} to {@code bias_constraint}: the
     * initializers of {@code kernels} (in the given order) then the bias's, their regularizers then the bias's and the
     * activity regularizer, their constraints then the bias's.
     */
    final void putOptions(Map<String, Object> c, WeightOptions... kernels) {
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        for (WeightOptions k : kernels) c.put(k.key + "_initializer", serialize(k.initializer));
        c.put("bias_initializer", serialize(biasOptions.initializer));
        for (WeightOptions k : kernels) c.put(k.key + "_regularizer", serialize(k.regularizer));
        c.put("bias_regularizer", serialize(biasOptions.regularizer));
        c.put("activity_regularizer", serialize(activityRegularizer));
        for (WeightOptions k : kernels) c.put(k.key + "_constraint", serialize(k.constraint));
        c.put("bias_constraint", serialize(biasOptions.constraint));
    }

    /**
     * Applies the {@code <key>_initializer}, {@code <key>_regularizer} and {@code <key>_constraint} entries of a
     * config to {@code kernels} through their setters' rules (absent keys restore the defaults): all initializers,
     * then all regularizers, then all constraints, the order in which the layers' own setters were always called.
     */
    final void configureKernels(Map<String, Object> config, WeightOptions... kernels) {
        for (WeightOptions k : kernels) setOption(() -> k.initializer(config.get(k.key + "_initializer")));
        for (WeightOptions k : kernels) setOption(() -> k.regularizer(config.get(k.key + "_regularizer")));
        for (WeightOptions k : kernels) setOption(() -> k.constraint(config.get(k.key + "_constraint")));
    }

    /** The window entries of a config in Keras's order, from {@code kernel_size} to {@code dilation_rate}. */
    final void putWindow(Map<String, Object> c, int[] outputPadding, boolean withOutputPadding) {
        c.put("kernel_size", ConvArgs.list(kernelSize));
        c.put("strides", ConvArgs.list(strides));
        c.put("padding", padding);
        if (withOutputPadding) c.put("output_padding", outputPadding == null ? null : ConvArgs.list(outputPadding));
        c.put("data_format", dataFormat);
        c.put("dilation_rate", ConvArgs.list(dilationRate));
    }

    /**
     * Applies the shared options of a Keras 3 or Keras 2 config (absent keys keep Keras's defaults), plus
     * {@code name}, {@code trainable} and {@code batch_input_shape}/{@code batch_shape}.
     */
    static <L extends AbstractConv<L>> L applyCommonConfig(L layer, Map<String, Object> config) {
        layer.applyBaseConfig(config);
        int[] s = ConvArgs.ints(config, "strides");
        int[] d = ConvArgs.ints(config, "dilation_rate");
        if (d != null) layer.dilationRate(d);
        if (s != null) layer.strides(s);
        if (config.get("padding") != null) layer.padding(Config.getString(config, "padding", "valid"));
        layer.dataFormat(Config.getString(config, "data_format", null));
        layer.activation(config.get("activation"));
        layer.useBias(Config.getBool(config, "use_bias", true));
        layer.biasInitializer(config.get("bias_initializer"));
        layer.biasRegularizer(config.get("bias_regularizer"));
        layer.activityRegularizer(config.get("activity_regularizer"));
        layer.biasConstraint(config.get("bias_constraint"));
        return layer;
    }
}
