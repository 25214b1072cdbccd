package keras4j.layers.convolutional;

import java.util.Map;
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
    Initializer kernelInitializer = Initializers.get("glorot_uniform");
    Regularizer kernelRegularizer;
    Constraint kernelConstraint;
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
        checkMutable();
        this.kernelInitializer = initializer == null ? Initializers.get("glorot_uniform") : Initializers.get(initializer);
        return self();
    }

    /** Keras's {@code kernel_regularizer}: a name, a serialized map, a {@link Regularizer}, or null. */
    public T kernelRegularizer(Object regularizer) {
        checkMutable();
        this.kernelRegularizer = Regularizers.get(regularizer);
        return self();
    }

    /** Keras's {@code kernel_constraint}: a name, a serialized map, a {@link Constraint}, or null. */
    public T kernelConstraint(Object constraint) {
        checkMutable();
        this.kernelConstraint = Constraints.get(constraint);
        return self();
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
        int[] shape = java.util.Arrays.copyOf(kernelSize, rank + 2);
        shape[rank] = channels / groups;
        shape[rank + 1] = filters;
        Regularizer r = kernelRegularizer;
        kernel = addWeight("kernel", shape, kernelInitializer::call, r == null ? null : r::call, kernelConstraint, true);
        buildBias(filters);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return finish(convolutionOp(inputs, kernel.value()));
    }

    /** The convolution alone (Keras's {@code convolution_op}); Conv1D overrides it for causal padding. */
    protected Tensor convolutionOp(Tensor inputs, Tensor kernel) {
        return ConvOps.conv(inputs, kernel, strides, padding, dilationRate, groups, dataFormat);
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
        c.put("activation", keras4j.activations.Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("kernel_initializer", serialize(kernelInitializer));
        c.put("bias_initializer", serialize(biasInitializer));
        c.put("kernel_regularizer", serialize(kernelRegularizer));
        c.put("bias_regularizer", serialize(biasRegularizer));
        c.put("activity_regularizer", serialize(activityRegularizer));
        c.put("kernel_constraint", serialize(kernelConstraint));
        c.put("bias_constraint", serialize(biasConstraint));
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a layer made with its {@code filters} and {@code kernel_size}. */
    static <L extends BaseConv<L>> L configure(L layer, Map<String, Object> config) {
        applyCommonConfig(layer, config);
        layer.groups(Config.getInt(config, "groups", 1));
        layer.kernelInitializer(config.get("kernel_initializer"));
        layer.kernelRegularizer(config.get("kernel_regularizer"));
        layer.kernelConstraint(config.get("kernel_constraint"));
        return layer;
    }
}
