package keras4j.ops;

import static keras4j.autograd.GradientTape.isRecording;
import static keras4j.autograd.GradientTape.record;

import java.util.Arrays;
import java.util.Locale;
import keras4j.tensor.ConvKernels;
import keras4j.tensor.ConvSpec;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Differentiable convolutions of rank 1, 2 and 3: Keras's {@code ops.conv}, {@code ops.conv_transpose},
 * {@code ops.depthwise_conv} and {@code ops.separable_conv}, plus the shape rules of
 * {@code keras/src/ops/operation_utils.py} that layers use in {@code computeOutputShape}.
 *
 * <p>Inputs are {@code (batch, *spatial, channels)} for {@code "channels_last"} (the default, also for a
 * null data format) or {@code (batch, channels, *spatial)} for {@code "channels_first"}, which is
 * transposed to channels last around the kernels. Kernels use Keras's layouts. Strides and dilation
 * rates are given per spatial axis, or as one value for all axes. While a
 * {@link keras4j.autograd.GradientTape} records, the gradients with respect to the input and the
 * kernel are recorded as two tape entries, so an input that needs no gradient (the data fed to a
 * first layer) costs no backward pass. Bias is added separately with {@link Ops#add}.
 */
public final class ConvOps {
    private ConvOps() {}

    // ------------------------------------------------------------------ convolution

    /**
     * N-d convolution (cross-correlation), Keras's {@code ops.conv} with {@code groups}: kernel
     * {@code (*kernelSize, inChannels / groups, filters)}; output {@code (batch, *outSpatial, filters)}
     * (channels last). Padding {@code "valid"}, {@code "same"} (the extra element at the end) or
     * {@code "causal"} (rank 1: {@code dilation·(k−1)} zeros on the left).
     */
    public static Tensor conv(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilationRate, int groups, String dataFormat) {
        return convBias(x, kernel, null, strides, padding, dilationRate, groups, dataFormat);
    }

    /**
     * {@link #conv(Tensor, Tensor, int[], String, int[], int, String)} plus {@code bias} (shape {@code (filters,)}, or
     * null for none) in one pass; see {@link #convBias(Tensor, Tensor, Tensor, int[], int[][], int[], int, String)}.
     */
    public static Tensor convBias(Tensor x, Tensor kernel, Tensor bias, int[] strides, String padding, int[] dilationRate, int groups,
                                  String dataFormat) {
        int rank = rankOf(x, "conv");
        boolean first = channelsFirst(dataFormat);
        checkKernelRank(x, kernel, "conv");
        int[] spatial = spatialShape(x.shape(), first);
        int[] k = Arrays.copyOf(kernel.shape(), rank);
        int[] s = dims(strides, rank, "strides"), d = dims(dilationRate, rank, "dilation_rate");
        return convBias(x, kernel, bias, s, padding(padding, spatial, k, s, d), d, groups, dataFormat);
    }

    /**
     * N-d convolution with explicit zero padding {@code padding[axis] = {before, after}} per spatial axis
     * (negative values crop).
     */
    public static Tensor conv(Tensor x, Tensor kernel, int[] strides, int[][] padding, int[] dilationRate, int groups, String dataFormat) {
        return convBias(x, kernel, null, strides, padding, dilationRate, groups, dataFormat);
    }

    /**
     * {@link #conv(Tensor, Tensor, int[], int[][], int[], int, String)} plus {@code bias} (shape {@code (filters,)}, or
     * null for none) on the channel axis, computed in one pass: the convolution's sums start from the bias. The
     * same values as Keras's {@code ops.conv} followed by {@code ops.add(outputs, bias)} up to float rounding, with
     * one output tensor instead of two.
     */
    public static Tensor convBias(Tensor x, Tensor kernel, Tensor bias, int[] strides, int[][] padding, int[] dilationRate, int groups,
                                  String dataFormat) {
        int rank = rankOf(x, "conv");
        boolean first = channelsFirst(dataFormat);
        if (padding.length != rank) {
            throw new IllegalArgumentException("conv: padding needs one (before, after) pair per spatial axis (" + rank + "). Received: "
                    + Arrays.deepToString(padding));
        }
        int[] pb = new int[rank], pa = new int[rank];
        for (int i = 0; i < rank; i++) {
            pb[i] = padding[i][0];
            pa[i] = padding[i][1];
        }
        Tensor in = first ? Ops.transpose(x, toChannelsLast(rank)) : x;
        ConvSpec spec = ConvSpec.of(in.shape(), kernel.shape(), dims(strides, rank, "strides"), dims(dilationRate, rank, "dilation_rate"), pb, pa, groups);
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != kernel.dim(-1))) {
            throw new IllegalArgumentException("conv: the bias must have shape (" + kernel.dim(-1) + ",), one value per filter of the kernel "
                    + Shape.format(kernel.shape()) + ". Received: bias.shape=" + Shape.format(bias.shape()));
        }
        Tensor y = convLast(spec, in, kernel, bias);
        return first ? Ops.transpose(y, toChannelsFirst(rank)) : y;
    }

    /** Channels-last convolution with dilation 1 and the groups implied by the kernel (input channels / kernel's input axis). */
    public static Tensor conv(Tensor x, Tensor kernel, int[] strides, String padding) {
        int rank = rankOf(x, "conv");
        int cin = x.dim(-1), kin = kernel.dim(-2);
        int groups = kin > 0 && cin % kin == 0 ? cin / kin : 1;
        return conv(x, kernel, strides, padding, new int[] {1}, groups, "channels_last");
    }

    private static Tensor convLast(ConvSpec spec, Tensor x, Tensor kernel, Tensor bias) {
        Tensor y = ConvKernels.forward(spec, x, kernel, bias);
        if (isRecording()) {
            record("conv.input", y, g -> new Tensor[] {ConvKernels.backwardInput(spec, g, kernel)}, x);
            if (bias == null) {
                record("conv.kernel", y, g -> new Tensor[] {ConvKernels.backwardKernel(spec, x, g)}, kernel);
            } else {
                record("conv.kernel", y, g -> ConvKernels.backwardKernelAndBias(spec, x, g, true), kernel, bias);
            }
        }
        return y;
    }

    // ------------------------------------------------------------------ transposed convolution

    /**
     * Transposed convolution (the gradient of a convolution with respect to its input), Keras's
     * {@code ops.conv_transpose}: kernel {@code (*kernelSize, filters, inChannels)}; each output length is
     * {@link #convTransposeOutputLength}. {@code outputPadding} may be null (Keras's default) or give one
     * value per axis (or one for all), each smaller than the stride.
     */
    public static Tensor convTranspose(Tensor x, Tensor kernel, int[] strides, String padding, int[] outputPadding, int[] dilationRate,
                                       String dataFormat) {
        int rank = rankOf(x, "conv_transpose");
        boolean first = channelsFirst(dataFormat);
        checkKernelRank(x, kernel, "conv_transpose");
        String pad = transposePadding(padding);
        int[] s = dims(strides, rank, "strides"), d = dims(dilationRate, rank, "dilation_rate");
        int[] op = outputPadding == null ? null : dims(outputPadding, rank, "output_padding");
        Tensor in = first ? Ops.transpose(x, toChannelsLast(rank)) : x;
        int[] inShape = in.shape(), kShape = kernel.shape();
        if (kShape[rank + 1] != inShape[rank + 1]) {
            throw new IllegalArgumentException("conv_transpose: the kernel of shape " + Shape.format(kShape) + " expects " + kShape[rank + 1]
                    + " input channels, but the input has shape " + Shape.format(x.shape()));
        }
        int[] outShape = new int[rank + 2];
        int[] pb = new int[rank], pa = new int[rank];
        outShape[0] = inShape[0];
        outShape[rank + 1] = kShape[rank];
        for (int i = 0; i < rank; i++) {
            int eff = d[i] * (kShape[i] - 1) + 1;
            int[] lr = transposePads(eff, s[i], pad, op == null ? null : op[i]);
            pb[i] = eff - 1 - lr[0];
            pa[i] = eff - 1 - lr[1];
            outShape[i + 1] = (inShape[i + 1] - 1) * s[i] + lr[0] + lr[1] - eff + 2;
            if (outShape[i + 1] <= 0) {
                throw new IllegalArgumentException("conv_transpose: computed output size would be zero or negative. Received input shape "
                        + Shape.format(x.shape()) + ", kernel shape " + Shape.format(kShape) + ", strides=" + Arrays.toString(s) + ", padding=" + pad);
            }
        }
        ConvSpec spec = ConvSpec.of(outShape, kShape, s, d, pb, pa, 1);
        Tensor y = ConvKernels.backwardInput(spec, in, kernel);
        if (isRecording()) {
            record("convTranspose.input", y, g -> new Tensor[] {ConvKernels.forward(spec, g, kernel)}, in);
            record("convTranspose.kernel", y, g -> new Tensor[] {ConvKernels.backwardKernel(spec, g, in)}, kernel);
        }
        return first ? Ops.transpose(y, toChannelsFirst(rank)) : y;
    }

    /** Channels-last transposed convolution without output padding or dilation. */
    public static Tensor convTranspose(Tensor x, Tensor kernel, int[] strides, String padding) {
        return convTranspose(x, kernel, strides, padding, null, new int[] {1}, "channels_last");
    }

    /**
     * Keras's conv-transpose padding as a JAX-style {@code (left, right)} pair on the stride-dilated input
     * ({@code keras/src/backend/common/backend_utils.py}).
     */
    private static int[] transposePads(int eff, int stride, String padding, Integer outputPadding) {
        if (padding.equals("valid")) {
            int op = outputPadding == null ? Math.max(eff, stride) - eff : outputPadding;
            return new int[] {eff - 1, eff - 1 + op};
        }
        int padLen = outputPadding == null ? stride + eff - 2 : eff + eff % 2 - 2 + outputPadding;
        int left = Math.min(padLen / 2 + padLen % 2, eff - 1);
        return new int[] {left, padLen - left};
    }

    // ------------------------------------------------------------------ depthwise and separable

    /**
     * Depthwise convolution, Keras's {@code ops.depthwise_conv}: kernel {@code (*kernelSize, channels,
     * depthMultiplier)}; output channel {@code c·depthMultiplier + m} convolves input channel {@code c}
     * with {@code kernel[..., c, m]}. Padding {@code "valid"} or {@code "same"}.
     */
    public static Tensor depthwiseConv(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilationRate, String dataFormat) {
        int rank = rankOf(x, "depthwise_conv");
        boolean first = channelsFirst(dataFormat);
        String pad = standardizePadding(padding, false);
        checkKernelRank(x, kernel, "depthwise_conv");
        int[] ks = kernel.shape();
        int channels = first ? x.dim(1) : x.dim(-1);
        if (ks[rank] != channels) {
            throw new IllegalArgumentException("depthwise_conv: the kernel of shape " + Shape.format(ks) + " expects " + ks[rank]
                    + " input channels, but the input has shape " + Shape.format(x.shape()));
        }
        int[] grouped = ks.clone();
        grouped[rank] = 1;
        grouped[rank + 1] = ks[rank] * ks[rank + 1];
        return conv(x, Ops.reshape(kernel, grouped), strides, pad, dilationRate, channels, dataFormat);
    }

    /**
     * Separable convolution, Keras's {@code ops.separable_conv}: a depthwise convolution (strides, padding
     * and dilation apply here) followed by a 1×…×1 pointwise convolution with kernel
     * {@code (1, …, 1, channels·depthMultiplier, filters)}.
     */
    public static Tensor separableConv(Tensor x, Tensor depthwiseKernel, Tensor pointwiseKernel, int[] strides, String padding,
                                       int[] dilationRate, String dataFormat) {
        int rank = rankOf(x, "separable_conv");
        Tensor depthwise = depthwiseConv(x, depthwiseKernel, strides, padding, dilationRate, dataFormat);
        int[] ones = new int[rank];
        Arrays.fill(ones, 1);
        int[][] none = new int[rank][2];
        return conv(depthwise, pointwiseKernel, ones, none, ones, 1, dataFormat);
    }

    // ------------------------------------------------------------------ padding and shape rules

    /**
     * Explicit {@code {before, after}} padding per spatial axis for Keras's padding modes: {@code valid}
     * none; {@code same} {@code P = max((ceil(L/s)−1)·s + d(k−1)+1 − L, 0)} split with the extra element
     * after; {@code causal} (rank 1 only) {@code d(k−1)} before.
     */
    public static int[][] padding(String padding, int[] spatial, int[] kernelSize, int[] strides, int[] dilationRate) {
        int rank = spatial.length;
        String p = standardizePadding(padding, rank == 1);
        int[] s = dims(strides, rank, "strides"), d = dims(dilationRate, rank, "dilation_rate"), k = dims(kernelSize, rank, "kernel_size");
        int[][] out = new int[rank][2];
        for (int i = 0; i < rank; i++) {
            int eff = d[i] * (k[i] - 1) + 1;
            if (p.equals("same")) {
                int len = (spatial[i] + s[i] - 1) / s[i];
                int total = Math.max((len - 1) * s[i] + eff - spatial[i], 0);
                out[i][0] = total / 2;
                out[i][1] = total - total / 2;
            } else if (p.equals("causal")) {
                out[i][0] = eff - 1;
            }
        }
        return out;
    }

    /**
     * Keras's {@code compute_conv_output_shape}: the output shape (batch first, -1 for None) of a
     * convolution with {@code filters} outputs; {@code causal} follows {@code same}.
     *
     * @throws IllegalArgumentException with Keras's message when a {@code valid} output size is not positive
     */
    public static int[] convOutputShape(int[] inputShape, int filters, int[] kernelSize, int[] strides, String padding, String dataFormat,
                                        int[] dilationRate) {
        boolean first = channelsFirst(dataFormat);
        int rank = inputShape.length - 2;
        if (rank < 1 || kernelSize.length != rank) {
            throw new IllegalArgumentException("Kernel shape must have the same length as input, but received kernel of shape "
                    + Shape.format(Arrays.copyOf(kernelSize, kernelSize.length + 2)) + " and input of shape " + Shape.format(inputShape) + ".");
        }
        String p = standardizePadding(padding, true);
        int[] s = dims(strides, rank, "strides"), d = dims(dilationRate, rank, "dilation_rate");
        int[] out = inputShape.clone();
        for (int i = 0; i < rank; i++) {
            int a = first ? i + 2 : i + 1;
            int len = inputShape[a];
            if (len < 0) continue;
            if (p.equals("valid")) {
                out[a] = Math.floorDiv(len - d[i] * (kernelSize[i] - 1) - 1, s[i]) + 1;
                if (out[a] <= 0) {
                    int[] kShape = Arrays.copyOf(kernelSize, rank + 2);
                    kShape[rank] = first ? inputShape[1] : inputShape[rank + 1];
                    kShape[rank + 1] = filters;
                    throw new IllegalArgumentException("Computed output size would be zero or negative. Received `inputs shape=" + Shape.format(inputShape)
                            + "`, `kernel shape=" + Shape.format(kShape) + "`, `dilation_rate=" + Shape.format(d) + "`, `strides=" + Shape.format(s) + "`, `padding=" + p + "`.");
                }
            } else {
                out[a] = Math.floorDiv(len - 1, s[i]) + 1;
            }
        }
        out[first ? 1 : rank + 1] = filters;
        return out;
    }

    /**
     * One output length of a transposed convolution (Keras's {@code compute_conv_transpose_output_shape}):
     * {@code valid}: {@code (L−1)·s + k_eff + op} with {@code op} defaulting to {@code max(k_eff, s) − k_eff};
     * {@code same}: {@code L·s} without output padding, else {@code (L−1)·s + k_eff mod 2 + op}. -1 stays -1.
     */
    public static int convTransposeOutputLength(int length, int kernelSize, int stride, int dilation, String padding, Integer outputPadding) {
        if (length < 0) return -1;
        String p = transposePadding(padding);
        int eff = dilation * (kernelSize - 1) + 1;
        if (p.equals("valid")) {
            int op = outputPadding == null ? Math.max(eff, stride) - eff : outputPadding;
            return (length - 1) * stride + eff + op;
        }
        return outputPadding == null ? length * stride : (length - 1) * stride + eff % 2 + outputPadding;
    }

    /** The output shape of a transposed convolution with {@code filters} outputs (batch first, -1 for None). */
    public static int[] convTransposeOutputShape(int[] inputShape, int[] kernelSize, int filters, int[] strides, String padding,
                                                 int[] outputPadding, String dataFormat, int[] dilationRate) {
        boolean first = channelsFirst(dataFormat);
        int rank = inputShape.length - 2;
        int[] s = dims(strides, rank, "strides"), d = dims(dilationRate, rank, "dilation_rate"), k = dims(kernelSize, rank, "kernel_size");
        int[] op = outputPadding == null ? null : dims(outputPadding, rank, "output_padding");
        int[] out = inputShape.clone();
        for (int i = 0; i < rank; i++) {
            int a = first ? i + 2 : i + 1;
            out[a] = convTransposeOutputLength(inputShape[a], k[i], s[i], d[i], padding, op == null ? null : op[i]);
        }
        out[first ? 1 : rank + 1] = filters;
        return out;
    }

    /**
     * Keras's {@code standardize_padding}: lower-cases and checks the mode.
     *
     * @param allowCausal whether {@code "causal"} is accepted (Conv1D)
     */
    public static String standardizePadding(String padding, boolean allowCausal) {
        String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
        boolean ok = p.equals("valid") || p.equals("same") || (allowCausal && p.equals("causal"));
        if (!ok) {
            throw new IllegalArgumentException("The `padding` argument must be a list/tuple or one of "
                    + (allowCausal ? "{'valid', 'same', 'causal'}" : "{'valid', 'same'}") + ". Received: " + p);
        }
        return p;
    }

    /**
     * Keras's {@code standardize_data_format}: {@code null} means {@code "channels_last"} (Keras's default
     * {@code image_data_format}); otherwise {@code "channels_last"} or {@code "channels_first"}, case-insensitive.
     */
    public static String standardizeDataFormat(String dataFormat) {
        if (dataFormat == null) return "channels_last";
        String f = dataFormat.toLowerCase(Locale.ROOT);
        if (!f.equals("channels_last") && !f.equals("channels_first")) {
            throw new IllegalArgumentException("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format="
                    + dataFormat);
        }
        return f;
    }

    private static String transposePadding(String padding) {
        String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
        if (!p.equals("valid") && !p.equals("same")) {
            throw new IllegalArgumentException("The `padding` argument must be one of 'valid', 'same'. Received: padding=" + padding);
        }
        return p;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean channelsFirst(String dataFormat) {
        return standardizeDataFormat(dataFormat).equals("channels_first");
    }

    private static int rankOf(Tensor x, String op) {
        int rank = x.rank() - 2;
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException(op + ": inputs must have rank 3, 4 or 5 (batch, spatial axes, channels). Received: inputs.shape=" + Shape.format(x.shape()));
        }
        return rank;
    }

    private static void checkKernelRank(Tensor x, Tensor kernel, String op) {
        if (kernel.rank() != x.rank()) {
            throw new IllegalArgumentException(op + ": kernel shape must have the same length as input, but received kernel of shape "
                    + Shape.format(kernel.shape()) + " and input of shape " + Shape.format(x.shape()));
        }
    }

    private static int[] spatialShape(int[] shape, boolean first) {
        int rank = shape.length - 2;
        return Arrays.copyOfRange(shape, first ? 2 : 1, first ? rank + 2 : rank + 1);
    }

    /** A per-axis option from one value for all axes or one per axis (Keras's {@code standardize_tuple}). */
    static int[] dims(int[] v, int rank, String name) {
        if (v == null) {
            int[] ones = new int[rank];
            Arrays.fill(ones, 1);
            return ones;
        }
        if (v.length == 1 && rank != 1) {
            int[] r = new int[rank];
            Arrays.fill(r, v[0]);
            return r;
        }
        if (v.length != rank) {
            throw new IllegalArgumentException("The `" + name + "` argument must be a tuple of " + rank + " integers. Received " + name + "=" + Shape.format(v));
        }
        return v.clone();
    }

    private static int[] toChannelsLast(int rank) {
        int[] p = new int[rank + 2];
        for (int i = 1; i <= rank; i++) p[i] = i + 1;
        p[rank + 1] = 1;
        return p;
    }

    private static int[] toChannelsFirst(int rank) {
        int[] p = new int[rank + 2];
        p[1] = rank + 1;
        for (int i = 2; i < rank + 2; i++) p[i] = i - 1;
        return p;
    }

    /** A shape as Keras prints it: {@code (None, 26, 26, 32)}. */

}
