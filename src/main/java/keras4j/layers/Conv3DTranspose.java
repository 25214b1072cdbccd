package keras4j.layers;

import java.util.Map;

/**
 * 3D transposed convolution (sometimes called deconvolution), Keras's {@code keras.layers.Conv3DTranspose(filters,
 * kernel_size, strides=(1, 1, 1), padding="valid", output_padding=None, data_format=None, dilation_rate=(1, 1, 1),
 * activation=None, use_bias=True, ...)}.
 *
 * <p>Shapes (channels last): {@code (batch, depth, rows, cols, channels) → (batch, new_depth, new_rows, new_cols, filters)}; channels first puts the channel axis
 * second. Kernel {@code (kd, kh, kw, filters, channels)}, bias {@code (filters,)}. Output lengths follow
 * {@link BaseConvTranspose}.
 */
public final class Conv3DTranspose extends BaseConvTranspose<Conv3DTranspose> {

    /** {@code Conv3DTranspose(filters, kernel_size)}; kernel_size is one integer for all three axes or three. */
    public Conv3DTranspose(int filters, int... kernelSize) {
        super(3, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Conv3DTranspose fromConfig(Map<String, Object> config) {
        return configure(new Conv3DTranspose(ConvArgs.requiredInt(config, "filters", "Conv3DTranspose"),
                ConvArgs.requiredInts(config, "kernel_size", "Conv3DTranspose")), config);
    }
}
