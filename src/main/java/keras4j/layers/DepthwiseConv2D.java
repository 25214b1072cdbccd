package keras4j.layers;

import java.util.Map;

/**
 * 2D depthwise convolution, Keras's {@code keras.layers.DepthwiseConv2D(kernel_size, strides=(1, 1), padding="valid",
 * depth_multiplier=1, data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True, ...)}: every input channel is
 * convolved with its own {@code depth_multiplier} filters.
 *
 * <p>Shapes (channels last): {@code (batch, rows, cols, channels) → (batch, new_rows, new_cols, channels·depth_multiplier)}. Kernel {@code (kh, kw, channels, depth_multiplier)}.
 *
 * <pre>{@code
 * Layer dw = new DepthwiseConv2D(3).depthMultiplier(2).padding("same");
 * }</pre>
 */
public final class DepthwiseConv2D extends BaseDepthwiseConv<DepthwiseConv2D> {

    /** {@code DepthwiseConv2D(kernel_size)}; kernel_size is one integer for both axes or two. */
    public DepthwiseConv2D(int... kernelSize) {
        super(2, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static DepthwiseConv2D fromConfig(Map<String, Object> config) {
        return configure(new DepthwiseConv2D(ConvArgs.requiredInts(config, "kernel_size", "DepthwiseConv2D")), config);
    }
}
