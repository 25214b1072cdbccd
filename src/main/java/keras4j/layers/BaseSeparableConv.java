package keras4j.layers;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.ops.ConvOps;
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
    final WeightOptions depthwiseOptions = new WeightOptions("depthwise", "glorot_uniform");
    final WeightOptions pointwiseOptions = new WeightOptions("pointwise", "glorot_uniform");
    Variable depthwiseKernel;
    Variable pointwiseKernel;

    BaseSeparableConv(int rank, int filters, int[] kernelSize) {
        super(rank, kernelSize);
        this.filters = ConvArgs.positive(filters, "filters");
    }

    /** Keras's {@code depth_multiplier}: depthwise outputs per input channel (default 1). */
    public T depthMultiplier(int depthMultiplier) {
        return setOption(() -> this.depthMultiplier = ConvArgs.positive(depthMultiplier, "depth_multiplier"));
    }

    /** Keras's {@code depthwise_initializer}; null means {@code "glorot_uniform"}. */
    public T depthwiseInitializer(Object initializer) {
        return setOption(() -> depthwiseOptions.initializer(initializer));
    }

    /** Keras's {@code pointwise_initializer}; null means {@code "glorot_uniform"}. */
    public T pointwiseInitializer(Object initializer) {
        return setOption(() -> pointwiseOptions.initializer(initializer));
    }

    /** Keras's {@code depthwise_regularizer}. */
    public T depthwiseRegularizer(Object regularizer) {
        return setOption(() -> depthwiseOptions.regularizer(regularizer));
    }

    /** Keras's {@code pointwise_regularizer}. */
    public T pointwiseRegularizer(Object regularizer) {
        return setOption(() -> pointwiseOptions.regularizer(regularizer));
    }

    /** Keras's {@code depthwise_constraint}. */
    public T depthwiseConstraint(Object constraint) {
        return setOption(() -> depthwiseOptions.constraint(constraint));
    }

    /** Keras's {@code pointwise_constraint}. */
    public T pointwiseConstraint(Object constraint) {
        return setOption(() -> pointwiseOptions.constraint(constraint));
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
        int[] pointwise = new int[rank + 2];
        java.util.Arrays.fill(pointwise, 1);
        pointwise[rank] = channels * depthMultiplier;
        pointwise[rank + 1] = filters;
        depthwiseKernel = addWeight("depthwise_kernel", kernelShape(channels, depthMultiplier), depthwiseOptions);
        pointwiseKernel = addWeight("pointwise_kernel", pointwise, pointwiseOptions);
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
        putOptions(c, depthwiseOptions, pointwiseOptions);
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a layer made with its {@code filters} and {@code kernel_size}. */
    static <L extends BaseSeparableConv<L>> L configure(L layer, Map<String, Object> config) {
        applyCommonConfig(layer, config);
        layer.depthMultiplier(Config.getInt(config, "depth_multiplier", 1));
        layer.configureKernels(config, layer.depthwiseOptions, layer.pointwiseOptions);
        return layer;
    }
}
