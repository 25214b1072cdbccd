package keras4j.layers;

import java.util.Map;

/**
 * 2D transposed convolution (sometimes called deconvolution), Keras's {@code keras.layers.Conv2DTranspose(filters,
 * kernel_size, strides=(1, 1), padding="valid", output_padding=None, data_format=None, dilation_rate=(1, 1),
 * activation=None, use_bias=True, ...)}.
 *
 * <p>Shapes (channels last): {@code (batch, rows, cols, channels) → (batch, new_rows, new_cols, filters)}; channels first puts the channel axis
 * second. Kernel {@code (kh, kw, filters, channels)}, bias {@code (filters,)}. Output lengths follow
 * {@link BaseConvTranspose}.
 */
public final class Conv2DTranspose extends BaseConvTranspose<Conv2DTranspose> {

    /** {@code Conv2DTranspose(filters, kernel_size)}; kernel_size is one integer for both axes or two. */
    public Conv2DTranspose(int filters, int... kernelSize) {
        super(2, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Conv2DTranspose fromConfig(Map<String, Object> config) {
        return configure(new Conv2DTranspose(ConvArgs.requiredInt(config, "filters", "Conv2DTranspose"),
                ConvArgs.requiredInts(config, "kernel_size", "Conv2DTranspose")), config);
    }
}
