package keras4j.layers;

import java.util.Map;

/**
 * 3D convolution over volumes, Keras's {@code keras.layers.Conv3D(filters, kernel_size, strides=(1, 1, 1),
 * padding="valid", data_format=None, dilation_rate=(1, 1, 1), groups=1, activation=None, use_bias=True, ...)}.
 *
 * <p>Shapes: {@code (batch, depth, height, width, channels) → (batch, new_depth, new_height, new_width, filters)}
 * (channels last) or {@code (batch, channels, depth, height, width) → (batch, filters, ...)}. Kernel
 * {@code (kd, kh, kw, channels / groups, filters)}, bias {@code (filters,)}.
 */
public final class Conv3D extends BaseConv<Conv3D> {

    /** {@code Conv3D(filters, kernel_size)}; kernel_size is one integer for all three axes or three. */
    public Conv3D(int filters, int... kernelSize) {
        super(3, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Conv3D fromConfig(Map<String, Object> config) {
        return configure(new Conv3D(ConvArgs.requiredInt(config, "filters", "Conv3D"), ConvArgs.requiredInts(config, "kernel_size", "Conv3D")), config);
    }
}
