package keras4j.layers;

import java.util.Map;

/**
 * 1D depthwise convolution, Keras's {@code keras.layers.DepthwiseConv1D(kernel_size, strides=1, padding="valid",
 * depth_multiplier=1, data_format=None, dilation_rate=1, activation=None, use_bias=True, ...)}: every input channel is
 * convolved with its own {@code depth_multiplier} filters.
 *
 * <p>Shapes (channels last): {@code (batch, steps, channels) → (batch, new_steps, channels·depth_multiplier)}. Kernel {@code (kernel_size, channels, depth_multiplier)}.
 *
 * <pre>{@code
 * Layer dw = new DepthwiseConv1D(3).depthMultiplier(2).padding("same");
 * }</pre>
 */
public final class DepthwiseConv1D extends BaseDepthwiseConv<DepthwiseConv1D> {

    /** {@code DepthwiseConv1D(kernel_size)}; kernel_size is one integer (or a one-element tuple). */
    public DepthwiseConv1D(int... kernelSize) {
        super(1, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static DepthwiseConv1D fromConfig(Map<String, Object> config) {
        return configure(new DepthwiseConv1D(ConvArgs.requiredInts(config, "kernel_size", "DepthwiseConv1D")), config);
    }
}
