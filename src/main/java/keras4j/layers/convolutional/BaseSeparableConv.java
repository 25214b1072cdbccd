package keras4j.layers.convolutional;

import java.util.Map;
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
 * The separable convolution layer behind {@link SeparableConv1D} and {@link SeparableConv2D}, Keras's
 * {@code base_separable_conv.py}: a depthwise convolution (strides, padding and dilation apply to it) followed by
 * a 1×…×1 pointwise convolution that mixes channels into {@code filters} outputs.
 *
 * <p>Weights: {@code depthwise_kernel} {@code kernel_size + (input_channels, depth_multiplier)},
 * {@code pointwise_kernel} {@code (1, …, 1, input_channels·depth_multiplier, filters)} and {@code bias}
 * {@code (filters,)}.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseSeparableConv<T extends BaseSeparableConv<T>> extends AbstractConv<T> {
    final int filters;
    int depthMultiplier = 1;
    Initializer depthwiseInitializer = Initializers.get("glorot_uniform");
    Initializer pointwiseInitializer = Initializers.get("glorot_uniform");
    Regularizer depthwiseRegularizer;
    Regularizer pointwiseRegularizer;
    Constraint depthwiseConstraint;
    Constraint pointwiseConstraint;
    Variable depthwiseKernel;
    Variable pointwiseKernel;

    BaseSeparableConv(int rank, int filters, int[] kernelSize) {
        super(rank, kernelSize);
        this.filters = ConvArgs.positive(filters, "filters");
    }

    /** Keras's {@code depth_multiplier}: depthwise outputs per input channel (default 1). */
    public T depthMultiplier(int depthMultiplier) {
        checkMutable();
        this.depthMultiplier = ConvArgs.positive(depthMultiplier, "depth_multiplier");
        return self();
    }

    /** Keras's {@code depthwise_initializer}; null means {@code "glorot_uniform"}. */
    public T depthwiseInitializer(Object initializer) {
        checkMutable();
        this.depthwiseInitializer = initializer == null ? Initializers.get("glorot_uniform") : Initializers.get(initializer);
        return self();
    }

    /** Keras's {@code pointwise_initializer}; null means {@code "glorot_uniform"}. */
    public T pointwiseInitializer(Object initializer) {
        checkMutable();
        this.pointwiseInitializer = initializer == null ? Initializers.get("glorot_uniform") : Initializers.get(initializer);
        return self();
    }

    /** Keras's {@code depthwise_regularizer}. */
    public T depthwiseRegularizer(Object regularizer) {
        checkMutable();
        this.depthwiseRegularizer = Regularizers.get(regularizer);
        return self();
    }

    /** Keras's {@code pointwise_regularizer}. */
    public T pointwiseRegularizer(Object regularizer) {
        checkMutable();
        this.pointwiseRegularizer = Regularizers.get(regularizer);
        return self();
    }

    /** Keras's {@code depthwise_constraint}. */
    public T depthwiseConstraint(Object constraint) {
        checkMutable();
        this.depthwiseConstraint = Constraints.get(constraint);
        return self();
    }

    /** Keras's {@code pointwise_constraint}. */
    public T pointwiseConstraint(Object constraint) {
        checkMutable();
        this.pointwiseConstraint = Constraints.get(constraint);
        return self();
    }

    public int filters() {
        return filters;
    }

    public int depthMultiplier() {
        return depthMultiplier;
    }

    public Variable depthwiseKernel() {
        return depthwiseKernel;
    }

    public Variable pointwiseKernel() {
        return pointwiseKernel;
    }

    @Override
    public void build(int[] inputShape) {
        int channels = inputChannels(inputShape);
        fixInputChannels(channels);
        computeOutputShape(inputShape);
        int[] depthwise = java.util.Arrays.copyOf(kernelSize, rank + 2);
        depthwise[rank] = channels;
        depthwise[rank + 1] = depthMultiplier;
        int[] pointwise = new int[rank + 2];
        java.util.Arrays.fill(pointwise, 1);
        pointwise[rank] = channels * depthMultiplier;
        pointwise[rank + 1] = filters;
        Regularizer dr = depthwiseRegularizer, pr = pointwiseRegularizer;
        depthwiseKernel = addWeight("depthwise_kernel", depthwise, depthwiseInitializer::call, dr == null ? null : dr::call, depthwiseConstraint, true);
        pointwiseKernel = addWeight("pointwise_kernel", pointwise, pointwiseInitializer::call, pr == null ? null : pr::call, pointwiseConstraint, true);
        buildBias(filters);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return finish(ConvOps.separableConv(inputs, depthwiseKernel.value(), pointwiseKernel.value(), strides, padding, dilationRate, dataFormat));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return ConvOps.convOutputShape(inputShape, filters, kernelSize, strides, padding, dataFormat, dilationRate);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("depth_multiplier", depthMultiplier);
        c.put("filters", filters);
        putWindow(c, null, false);
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("depthwise_initializer", serialize(depthwiseInitializer));
        c.put("pointwise_initializer", serialize(pointwiseInitializer));
        c.put("bias_initializer", serialize(biasInitializer));
        c.put("depthwise_regularizer", serialize(depthwiseRegularizer));
        c.put("pointwise_regularizer", serialize(pointwiseRegularizer));
        c.put("bias_regularizer", serialize(biasRegularizer));
        c.put("activity_regularizer", serialize(activityRegularizer));
        c.put("depthwise_constraint", serialize(depthwiseConstraint));
        c.put("pointwise_constraint", serialize(pointwiseConstraint));
        c.put("bias_constraint", serialize(biasConstraint));
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a layer made with its {@code filters} and {@code kernel_size}. */
    static <L extends BaseSeparableConv<L>> L configure(L layer, Map<String, Object> config) {
        applyCommonConfig(layer, config);
        layer.depthMultiplier(Config.getInt(config, "depth_multiplier", 1));
        layer.depthwiseInitializer(config.get("depthwise_initializer"));
        layer.pointwiseInitializer(config.get("pointwise_initializer"));
        layer.depthwiseRegularizer(config.get("depthwise_regularizer"));
        layer.pointwiseRegularizer(config.get("pointwise_regularizer"));
        layer.depthwiseConstraint(config.get("depthwise_constraint"));
        layer.pointwiseConstraint(config.get("pointwise_constraint"));
        return layer;
    }
}
