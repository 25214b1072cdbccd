package keras4j.layers;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.ops.ConvOps;
import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;

/**
 * The transposed convolution layer behind {@link Conv1DTranspose}, {@link Conv2DTranspose} and
 * {@link Conv3DTranspose}, Keras's {@code base_conv_transpose.py}: the gradient of a convolution with respect
 * to its input, used to upsample. {@code outputs = activation(conv_transpose(inputs, kernel) + bias)}.
 *
 * <p>Weights: {@code kernel} of shape {@code kernel_size + (filters, input_channels)} and {@code bias}
 * {@code (filters,)}. Output length per spatial axis ({@code k_eff = d(k−1)+1}): {@code valid}
 * {@code (L−1)·s + k_eff + op} where {@code op} defaults to {@code max(k_eff, s) − k_eff}; {@code same}
 * {@code L·s} without {@code output_padding}, else {@code (L−1)·s + k_eff mod 2 + op}.
 *
 * @param <T> the concrete layer class
 */
public abstract class BaseConvTranspose<T extends BaseConvTranspose<T>> extends AbstractConv<T> {
    final int filters;
    int[] outputPadding;
    final WeightOptions kernelOptions = new WeightOptions("kernel", "glorot_uniform");
    Variable kernel;

    BaseConvTranspose(int rank, int filters, int[] kernelSize) {
        super(rank, kernelSize);
        this.filters = ConvArgs.positive(filters, "filters");
    }

    /**
     * Keras's {@code output_padding}: extra rows at the end of each output axis, one value for all axes or one per
     * axis, each {@code >= 0} and smaller than the stride; null restores Keras's default.
     */
    public T outputPadding(int... outputPadding) {
        checkMutable();
        int[] op = outputPadding == null ? null : ConvArgs.tuple(outputPadding, rank, "output_padding", true);
        checkOutputPadding(op, strides);
        this.outputPadding = op;
        return self();
    }

    /** Keras's {@code kernel_initializer}; null means {@code "glorot_uniform"}. */
    public T kernelInitializer(Object initializer) {
        return setOption(() -> kernelOptions.initializer(initializer));
    }

    /** Keras's {@code kernel_regularizer}. */
    public T kernelRegularizer(Object regularizer) {
        return setOption(() -> kernelOptions.regularizer(regularizer));
    }

    /** Keras's {@code kernel_constraint}. */
    public T kernelConstraint(Object constraint) {
        return setOption(() -> kernelOptions.constraint(constraint));
    }

    public int filters() {
        return filters;
    }

    /** The output padding, or null for Keras's default. */
    public int[] outputPadding() {
        return outputPadding == null ? null : outputPadding.clone();
    }

    /** The kernel weight, or null before building. */
    public Variable kernel() {
        return kernel;
    }

    @Override
    void validateWindow(int[] strides, int[] dilationRate) {
        checkOutputPadding(outputPadding, strides);
        ConvArgs.checkStridesAndDilation(strides, dilationRate);
    }

    private static void checkOutputPadding(int[] outputPadding, int[] strides) {
        if (outputPadding == null) return;
        for (int i = 0; i < strides.length; i++) {
            if (outputPadding[i] >= strides[i]) {
                throw new IllegalArgumentException("`output_padding` must be strictly less than `strides` for all dimensions. At dimension " + i
                        + ", `output_padding` is " + outputPadding[i] + " but `strides` is " + strides[i] + ". Received: output_padding="
                        + Shapes.str(outputPadding) + ", strides=" + Shapes.str(strides));
            }
        }
    }

    @Override
    public void build(int[] inputShape) {
        int channels = inputChannels(inputShape);
        fixInputChannels(channels);
        kernel = addWeight("kernel", kernelShape(filters, channels), kernelOptions);
        buildBias(filters);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return finish(ConvOps.convTranspose(inputs, kernel.value(), strides, padding, outputPadding, dilationRate, dataFormat));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return ConvOps.convTransposeOutputShape(inputShape, kernelSize, filters, strides, padding, outputPadding, dataFormat, dilationRate);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("filters", filters);
        putWindow(c, outputPadding, true);
        putOptions(c, kernelOptions);
        return c;
    }

    /** Applies a Keras 3 or Keras 2 config to a layer made with its {@code filters} and {@code kernel_size}. */
    static <L extends BaseConvTranspose<L>> L configure(L layer, Map<String, Object> config) {
        applyCommonConfig(layer, config);
        int[] op = ConvArgs.ints(config, "output_padding");
        if (op != null) layer.outputPadding(op);
        layer.configureKernels(config, layer.kernelOptions);
        return layer;
    }
}
