package keras4j.layers;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.initializers.Initializer;
import keras4j.ops.ConvOps;
import keras4j.regularizers.Regularizer;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The N-d convolution layer behind {@link Conv1D}, {@link Conv2D} and {@link Conv3D}, Keras's
 * {@code keras/src/layers/convolutional/base_conv.py}: {@code outputs = activation(conv(inputs, kernel) + bias)}.
 *
 * <p>Weights: {@code kernel} of shape {@code kernel_size + (input_channels / groups, filters)} and {@code bias}
 * of shape {@code (filters,)}. Output shape per spatial axis: {@code valid} {@code floor((L − d(k−1) − 1)/s) + 1},
 * {@code same} (and Conv1D's {@code causal}) {@code ceil(L/s)}; the channel axis becomes {@code filters}.
 * With {@code groups > 1} the input channels are split into groups, each convolved with
 * {@code filters / groups} filters, and the results are concatenated along the channel axis.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseConv<T extends BaseConv<T>> extends AbstractConv<T> {
    final int filters;
    int groups = 1;
    final WeightOptions kernelOptions = new WeightOptions("kernel", "glorot_uniform");
    Variable kernel;

    BaseConv(int rank, int filters, int[] kernelSize) {
        super(rank, kernelSize);
        this.filters = ConvArgs.positive(filters, "filters");
    }

    /** Keras's {@code groups}: the input channels and {@code filters} must both be divisible by it. */
    public T groups(int groups) {
        checkMutable();
        if (groups <= 0) throw new IllegalArgumentException("The number of groups must be a positive integer. Received: groups=" + groups + ".");
        if (filters % groups != 0) {
            throw new IllegalArgumentException("The number of filters must be evenly divisible by the number of groups. Received: groups="
                    + groups + ", filters=" + filters + ".");
        }
        this.groups = groups;
        return self();
    }

    /** Keras's {@code kernel_initializer}: a name, a serialized map or an {@link Initializer}; null means {@code "glorot_uniform"}. */
    public T kernelInitializer(Object initializer) {
        return setOption(() -> kernelOptions.initializer(initializer));
    }

    /** Keras's {@code kernel_regularizer}: a name, a serialized map, a {@link Regularizer}, or null. */
    public T kernelRegularizer(Object regularizer) {
        return setOption(() -> kernelOptions.regularizer(regularizer));
    }

    /** Keras's {@code kernel_constraint}: a name, a serialized map, a {@link Constraint}, or null. */
    public T kernelConstraint(Object constraint) {
        return setOption(() -> kernelOptions.constraint(constraint));
    }

    public int filters() {
        return filters;
    }

    public int groups() {
        return groups;
    }

    /** The kernel weight, or null before building. */
    public Variable kernel() {
        return kernel;
    }

    @Override
    void validateWindow(int[] strides, int[] dilationRate) {
        ConvArgs.checkStridesAndDilation(strides, dilationRate);
    }

    @Override
    public void build(int[] inputShape) {
        int channels = inputChannels(inputShape);
        fixInputChannels(channels);
        if (channels % groups != 0) {
            throw new IllegalArgumentException("The number of input channels must be evenly divisible by the number of groups. Received groups="
                    + groups + ", but the input has " + channels + " channels (full input shape is " + formatShape(inputShape) + ").");
        }
        computeOutputShape(inputShape);
        kernel = addWeight("kernel", kernelShape(channels / groups, filters), kernelOptions);
        buildBias(filters);
    }

    /**
     * {@code activation(conv(inputs, kernel) + bias)}. Unless the activation is relu (whose bias add is fused with it),
     * the bias is added inside the convolution's own pass ({@link ConvOps#convBias}).
     */
    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!useBias || fusesBiasWithActivation()) return finish(convolutionOp(inputs, kernel.value()));
        return activation.apply(convolution(inputs, kernel.value(), bias.value()));
    }

    /** The convolution alone (Keras's {@code convolution_op}). */
    protected Tensor convolutionOp(Tensor inputs, Tensor kernel) {
        return convolution(inputs, kernel, null);
    }

    /** The convolution plus {@code bias} (null for none); Conv1D overrides it for causal padding. */
    Tensor convolution(Tensor inputs, Tensor kernel, Tensor bias) {
        return ConvOps.convBias(inputs, kernel, bias, strides, padding, dilationRate, groups, dataFormat);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return ConvOps.convOutputShape(inputShape, filters, kernelSize, strides, padding, dataFormat, dilationRate);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("filters", filters);
        putWindow(c, null, false);
        c.put("groups", groups);
        putOptions(c, kernelOptions);
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a layer made with its {@code filters} and {@code kernel_size}. */
    static <L extends BaseConv<L>> L configure(L layer, Map<String, Object> config) {
        applyCommonConfig(layer, config);
        layer.groups(Config.getInt(config, "groups", 1));
        layer.configureKernels(config, layer.kernelOptions);
        return layer;
    }
}
