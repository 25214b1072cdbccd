package keras4j.layers;

import java.util.Map;

/**
 * 1D transposed convolution (sometimes called deconvolution), Keras's {@code keras.layers.Conv1DTranspose(filters,
 * kernel_size, strides=1, padding="valid", output_padding=None, data_format=None, dilation_rate=1,
 * activation=None, use_bias=True, ...)}.
 *
 * <p>Shapes (channels last): {@code (batch, steps, channels) → (batch, new_steps, filters)}; channels first puts the channel axis
 * second. Kernel {@code (kernel_size, filters, channels)}, bias {@code (filters,)}. Output lengths follow
 * {@link BaseConvTranspose}.
 */
public final class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {

    /** {@code Conv1DTranspose(filters, kernel_size)}; kernel_size is one integer (or a one-element tuple). */
    public Conv1DTranspose(int filters, int... kernelSize) {
        super(1, filters, kernelSize);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Conv1DTranspose fromConfig(Map<String, Object> config) {
        return configure(new Conv1DTranspose(ConvArgs.requiredInt(config, "filters", "Conv1DTranspose"),
                ConvArgs.requiredInts(config, "kernel_size", "Conv1DTranspose")), config);
    }
}
