package keras4j.layers;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.ops.ConvOps;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The depthwise convolution layer behind {@link DepthwiseConv1D} and {@link DepthwiseConv2D}, Keras's
 * {@code base_depthwise_conv.py}: each input channel is convolved with its own {@code depth_multiplier} filters,
 * so output channel {@code c·depth_multiplier + m} comes from input channel {@code c}.
 *
 * <p>Weights: {@code kernel} of shape {@code kernel_size + (input_channels, depth_multiplier)} and {@code bias}
 * {@code (input_channels·depth_multiplier,)}. Spatial output lengths as for {@link BaseConv}.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseDepthwiseConv<T extends BaseDepthwiseConv<T>> extends AbstractConv<T> {
    int depthMultiplier = 1;
    final WeightOptions depthwiseOptions = new WeightOptions("depthwise", "glorot_uniform");
    Variable kernel;

    BaseDepthwiseConv(int rank, int[] kernelSize) {
        super(rank, kernelSize);
    }

    /** Keras's {@code depth_multiplier}: output channels per input channel (default 1). */
    public T depthMultiplier(int depthMultiplier) {
        return setOption(() -> this.depthMultiplier = ConvArgs.positive(depthMultiplier, "depth_multiplier"));
    }

    /** Keras's {@code depthwise_initializer}; null means {@code "glorot_uniform"}. */
    public T depthwiseInitializer(Object initializer) {
        return setOption(() -> depthwiseOptions.initializer(initializer));
    }

    /** Keras's {@code depthwise_regularizer}. */
    public T depthwiseRegularizer(Object regularizer) {
        return setOption(() -> depthwiseOptions.regularizer(regularizer));
    }

    /** Keras's {@code depthwise_constraint}. */
    public T depthwiseConstraint(Object constraint) {
        return setOption(() -> depthwiseOptions.constraint(constraint));
    }

    public int depthMultiplier() {
        return depthMultiplier;
    }

    /** The depthwise kernel weight, or null before building. */
    public Variable kernel() {
        return kernel;
    }

    @Override
    public void build(int[] inputShape) {
        int channels = inputChannels(inputShape);
        fixInputChannels(channels);
        computeOutputShape(inputShape);
        kernel = addWeight("kernel", kernelShape(channels, depthMultiplier), depthwiseOptions);
        buildBias(channels * depthMultiplier);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return finish(ConvOps.depthwiseConv(inputs, kernel.value(), strides, padding, dilationRate, dataFormat));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int channels = inputShape[dataFormat.equals("channels_last") ? inputShape.length - 1 : 1];
        int outChannels = channels < 0 ? -1 : channels * depthMultiplier;
        return ConvOps.convOutputShape(inputShape, outChannels, kernelSize, strides, padding, dataFormat, dilationRate);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("depth_multiplier", depthMultiplier);
        putWindow(c, null, false);
        putOptions(c, depthwiseOptions);
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a layer made with its {@code kernel_size}. */
    static <L extends BaseDepthwiseConv<L>> L configure(L layer, Map<String, Object> config) {
        applyCommonConfig(layer, config);
        layer.depthMultiplier(Config.getInt(config, "depth_multiplier", 1));
        layer.configureKernels(config, layer.depthwiseOptions);
        return layer;
    }
}
