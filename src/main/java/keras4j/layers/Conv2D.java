package keras4j.layers;

import java.util.Map;

/**
 * 2D convolution over images, Keras's {@code keras.layers.Conv2D(filters, kernel_size, strides=(1, 1),
 * padding="valid", data_format=None, dilation_rate=(1, 1), groups=1, activation=None, use_bias=True, ...)}.
 *
 * <p>Shapes: {@code (batch, height, width, channels) → (batch, new_height, new_width, filters)} (channels last)
 * or {@code (batch, channels, height, width) → (batch, filters, new_height, new_width)}. Kernel
 * {@code (kh, kw, channels / groups, filters)}, bias {@code (filters,)}.
 *
 * <pre>{@code
 * Layer conv = new Conv2D(32, 3).activation("relu");          // Conv2D(32, 3, activation="relu")
 * Layer down = new Conv2D(64, 3, 3).strides(2).padding("same");
 * }</pre>
 */
public final class Conv2D extends BaseConv<Conv2D> {

    /** {@code Conv2D(filters, kernel_size)}; kernel_size is one integer for both axes or two. */
    public Conv2D(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Conv2D fromConfig(Map<String, Object> config) {
        return configure(new Conv2D(ConvArgs.requiredInt(config, "filters", "Conv2D"), ConvArgs.requiredInts(config, "kernel_size", "Conv2D")), config);
    }
}
