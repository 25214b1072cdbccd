package keras4j.layers;

import java.util.Map;
import keras4j.ops.ConvOps;
import keras4j.tensor.Tensor;

/**
 * 1D convolution over a sequence, Keras's {@code keras.layers.Conv1D(filters, kernel_size, strides=1,
 * padding="valid", data_format=None, dilation_rate=1, groups=1, activation=None, use_bias=True, ...)}.
 *
 * <p>Shapes: {@code (batch, steps, channels) → (batch, new_steps, filters)} (channels last) or
 * {@code (batch, channels, steps) → (batch, filters, new_steps)}. Kernel {@code (kernel_size, channels / groups,
 * filters)}. Besides {@code "valid"} and {@code "same"}, {@code padding="causal"} left-pads
 * {@code dilation_rate·(kernel_size − 1)} zeros so that {@code output[t]} depends only on {@code input[≤ t·stride]}
 * (the output length is then {@code ceil(steps / stride)}).
 *
 * <pre>{@code
 * Layer conv = new Conv1D(32, 5).padding("causal").dilationRate(2).activation("relu");
 * }</pre>
 */
public final class Conv1D extends BaseConv<Conv1D> {

    /** {@code Conv1D(filters, kernel_size)}; kernel_size is one integer (or a one-element tuple). */
    public Conv1D(int filters, int... kernelSize) {
        super(1, filters, kernelSize);
    }

    @Override
    boolean allowsCausal() {
        return true;
    }

    /** Causal padding is {@code dilation·(k − 1)} zeros before the sequence and none after (Keras's {@code _compute_causal_padding}). */
    @Override
    Tensor convolution(Tensor inputs, Tensor kernel, Tensor bias) {
        if (!padding.equals("causal")) return super.convolution(inputs, kernel, bias);
        int[][] causal = {{dilationRate[0] * (kernelSize[0] - 1), 0}};
        return ConvOps.convBias(inputs, kernel, bias, strides, causal, dilationRate, groups, dataFormat);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Conv1D fromConfig(Map<String, Object> config) {
        return configure(new Conv1D(ConvArgs.requiredInt(config, "filters", "Conv1D"), ConvArgs.requiredInts(config, "kernel_size", "Conv1D")), config);
    }
}
