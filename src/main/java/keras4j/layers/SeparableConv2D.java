package keras4j.layers;

import java.util.Map;

/**
 * 2D separable convolution, Keras's {@code keras.layers.SeparableConv2D(filters, kernel_size, strides=(1, 1),
 * padding="valid", data_format=None, dilation_rate=(1, 1), depth_multiplier=1, activation=None, use_bias=True, ...)}:
 * a depthwise convolution followed by a pointwise (1×…×1) convolution to {@code filters} channels.
 *
 * <p>Shapes (channels last): {@code (batch, rows, cols, channels) → (batch, new_rows, new_cols, filters)}. Weights {@code depthwise_kernel},
 * {@code pointwise_kernel} and {@code bias} (see {@link BaseSeparableConv}).
 */
public final class SeparableConv2D extends BaseSeparableConv<SeparableConv2D> {

    /** {@code SeparableConv2D(filters, kernel_size)}; kernel_size is one integer for both axes or two. */
    public SeparableConv2D(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static SeparableConv2D fromConfig(Map<String, Object> config) {
        return configure(new SeparableConv2D(ConvArgs.requiredInt(config, "filters", "SeparableConv2D"),
                ConvArgs.requiredInts(config, "kernel_size", "SeparableConv2D")), config);
    }
}
