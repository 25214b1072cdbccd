package keras4j.layers;

import java.util.Map;

/**
 * 1D separable convolution, Keras's {@code keras.layers.SeparableConv1D(filters, kernel_size, strides=1,
 * padding="valid", data_format=None, dilation_rate=1, depth_multiplier=1, activation=None, use_bias=True, ...)}:
 * a depthwise convolution followed by a pointwise (1×…×1) convolution to {@code filters} channels.
 *
 * <p>Shapes (channels last): {@code (batch, steps, channels) → (batch, new_steps, filters)}. Weights {@code depthwise_kernel},
 * {@code pointwise_kernel} and {@code bias} (see {@link BaseSeparableConv}).
 */
public final class SeparableConv1D extends BaseSeparableConv<SeparableConv1D> {

    /** {@code SeparableConv1D(filters, kernel_size)}; kernel_size is one integer (or a one-element tuple). */
    public SeparableConv1D(int filters, int... kernelSize) {
        super(1, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static SeparableConv1D fromConfig(Map<String, Object> config) {
        return configure(new SeparableConv1D(ConvArgs.requiredInt(config, "filters", "SeparableConv1D"),
                ConvArgs.requiredInts(config, "kernel_size", "SeparableConv1D")), config);
    }
}
