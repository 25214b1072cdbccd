package keras4j.tensor;

import java.util.Arrays;

/**
 * The geometry of one N-d convolution (N = 1, 2 or 3) in channels-last layout, as the
 * {@link ConvKernels} see it: input {@code (batch, *spatial, inChannels)}, kernel
 * {@code (*kernelSize, inChannels / groups, outChannels)} (Keras's layout), output
 * {@code (batch, *outSpatial, outChannels)}.
 *
 * <p>Output position {@code o} along a spatial axis reads input positions
 * {@code o·stride + k·dilation − padBefore} for {@code k < kernelSize}; positions outside
 * {@code [0, length)} read zeros. The output length is
 * {@code floor((length + padBefore + padAfter − dilation·(kernelSize−1) − 1) / stride) + 1}. Padding may
 * be negative (a crop), which transposed convolutions with {@code output_padding} need.
 *
 * <p>Ranks 1 and 2 are stored as rank 3 with leading spatial axes of size 1, so one windowing
 * implementation serves every rank.
 */
public final class ConvSpec {
    final int rank;
    final int batch;
    final int inChannels;
    final int outChannels;
    final int groups;
    /** Input and output channels of one group. */
    final int cinG;
    final int coutG;
    /** Spatial sizes normalised to three axes (depth, height, width). */
    final int[] in = new int[3];
    final int[] out = new int[3];
    final int[] k = new int[3];
    final int[] s = new int[3];
    final int[] d = new int[3];
    final int[] pad = new int[3];
    final int inSpatial;
    final int outSpatial;
    final int kSpatial;
    /** Columns of one group's patch: {@code kSpatial · cinG}. */
    final int patch;
    /** Columns of a full patch row: {@code groups · patch}. */
    final int cols;
    /** Rows of the patch matrix: {@code batch · outSpatial}. */
    final int rows;
    /**
     * Per axis and output position {@code o}: the input position of tap 0 ({@code o·s − pad}) and the range
     * {@code [tapLo, tapHi)} of taps that fall inside the input (empty when {@code tapLo >= tapHi}).
     */
    final int[][] origin = new int[3][];
    final int[][] tapLo = new int[3][];
    final int[][] tapHi = new int[3][];
    /** Output positions along the width whose whole window lies inside the input: {@code [interiorLo, interiorHi)} (empty if lo >= hi). */
    final int interiorLo;
    final int interiorHi;

    private ConvSpec(int[] inputShape, int[] kernelShape, int[] strides, int[] dilations, int[] padBefore, int[] padAfter, int groups) {
        rank = inputShape.length - 2;
        batch = inputShape[0];
        inChannels = inputShape[rank + 1];
        outChannels = kernelShape[rank + 1];
        this.groups = groups;
        cinG = kernelShape[rank];
        coutG = outChannels / groups;
        int lead = 3 - rank;
        Arrays.fill(in, 1);
        Arrays.fill(out, 1);
        Arrays.fill(k, 1);
        Arrays.fill(s, 1);
        Arrays.fill(d, 1);
        for (int i = 0; i < rank; i++) {
            int a = lead + i;
            in[a] = inputShape[i + 1];
            k[a] = kernelShape[i];
            s[a] = strides[i];
            d[a] = dilations[i];
            pad[a] = padBefore[i];
            long span = in[a] + (long) padBefore[i] + padAfter[i] - (long) dilations[i] * (k[a] - 1) - 1;
            out[a] = span < 0 ? 0 : (int) (span / strides[i] + 1);
        }
        inSpatial = in[0] * in[1] * in[2];
        outSpatial = out[0] * out[1] * out[2];
        kSpatial = k[0] * k[1] * k[2];
        patch = kSpatial * cinG;
        cols = patch * groups;
        rows = Math.multiplyExact(batch, outSpatial);
        for (int a = 0; a < 3; a++) {
            int n = Math.max(0, out[a]);
            origin[a] = new int[n];
            tapLo[a] = new int[n];
            tapHi[a] = new int[n];
            for (int o = 0; o < n; o++) {
                int base = o * s[a] - pad[a];
                origin[a][o] = base;
                tapLo[a][o] = base >= 0 ? 0 : Math.min(k[a], (-base + d[a] - 1) / d[a]);
                int room = in[a] - base;
                tapHi[a][o] = room <= 0 ? 0 : Math.min(k[a], (room + d[a] - 1) / d[a]);
            }
        }
        int lo = 0, hi = Math.max(0, out[2]);
        while (lo < hi && tapLo[2][lo] != 0) lo++;
        while (hi > lo && tapHi[2][hi - 1] != k[2]) hi--;
        interiorLo = lo;
        interiorHi = hi;
    }

    /**
     * Describes the convolution of an input of {@code inputShape} (channels last, batch first) with a
     * kernel of {@code kernelShape} {@code (*kernelSize, inChannels / groups, outChannels)}.
     *
     * @param strides   per spatial axis, each at least 1
     * @param dilations per spatial axis, each at least 1
     * @param padBefore zeros added before each spatial axis (negative crops)
     * @param padAfter  zeros added after each spatial axis (negative crops)
     * @throws IllegalArgumentException naming the argument when shapes or options do not fit together,
     *                                  or when an output size would be zero or negative
     */
    public static ConvSpec of(int[] inputShape, int[] kernelShape, int[] strides, int[] dilations,
                              int[] padBefore, int[] padAfter, int groups) {
        int rank = inputShape.length - 2;
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException("conv: inputs must have rank 3, 4 or 5 (batch, spatial..., channels). Received: inputs.shape="
                    + Shapes.str(inputShape));
        }
        if (kernelShape.length != rank + 2) {
            throw new IllegalArgumentException("conv: kernel shape must have the same length as input, but received kernel of shape "
                    + Shapes.str(kernelShape) + " and input of shape " + Shapes.str(inputShape));
        }
        for (int v : inputShape) {
            if (v <= 0) throw new IllegalArgumentException("conv: input dimensions must be positive. Received: inputs.shape=" + Shapes.str(inputShape));
        }
        for (int v : kernelShape) {
            if (v <= 0) throw new IllegalArgumentException("conv: kernel dimensions must be positive. Received: kernel.shape=" + Shapes.str(kernelShape));
        }
        checkLength("strides", strides, rank, 1);
        checkLength("dilation_rate", dilations, rank, 1);
        checkLength("padding", padBefore, rank, Integer.MIN_VALUE);
        checkLength("padding", padAfter, rank, Integer.MIN_VALUE);
        if (groups < 1) throw new IllegalArgumentException("conv: the number of groups must be a positive integer. Received: groups=" + groups);
        int inChannels = inputShape[rank + 1];
        int cinG = kernelShape[rank];
        int outChannels = kernelShape[rank + 1];
        if ((long) cinG * groups != inChannels) {
            throw new IllegalArgumentException("conv: the input has " + inChannels + " channels but the kernel of shape " + Shapes.str(kernelShape)
                    + " expects " + cinG + " channels per group with groups=" + groups + " (input shape " + Shapes.str(inputShape) + ")");
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("conv: the number of filters must be evenly divisible by the number of groups. Received: groups="
                    + groups + ", filters=" + outChannels);
        }
        ConvSpec spec = new ConvSpec(inputShape, kernelShape, strides, dilations, padBefore, padAfter, groups);
        for (int i = 3 - rank; i < 3; i++) {
            if (spec.out[i] <= 0) {
                throw new IllegalArgumentException("Computed output size would be zero or negative. Received `inputs shape="
                        + Shapes.str(inputShape) + "`, `kernel shape=" + Shapes.str(kernelShape) + "`, `dilation_rate="
                        + Arrays.toString(dilations) + "`, `strides=" + Arrays.toString(strides) + "`, `padding="
                        + Arrays.toString(padBefore) + "/" + Arrays.toString(padAfter) + "`.");
            }
        }
        return spec;
    }

    private static void checkLength(String name, int[] v, int rank, int min) {
        if (v == null || v.length != rank) {
            throw new IllegalArgumentException("conv: `" + name + "` must have " + rank + " values, one per spatial axis. Received: "
                    + name + "=" + Arrays.toString(v));
        }
        for (int x : v) {
            if (x < min) throw new IllegalArgumentException("conv: `" + name + "` values must be >= " + min + ". Received: " + name + "=" + Arrays.toString(v));
        }
    }

    /** Number of spatial axes (1, 2 or 3). */
    public int rank() {
        return rank;
    }

    public int groups() {
        return groups;
    }

    /** {@code (batch, *spatial, inChannels)}. */
    public int[] inputShape() {
        return shape(in, inChannels);
    }

    /** {@code (batch, *outSpatial, outChannels)}. */
    public int[] outputShape() {
        return shape(out, outChannels);
    }

    /** {@code (*kernelSize, inChannels / groups, outChannels)}. */
    public int[] kernelShape() {
        int[] r = new int[rank + 2];
        for (int i = 0; i < rank; i++) r[i] = k[3 - rank + i];
        r[rank] = cinG;
        r[rank + 1] = outChannels;
        return r;
    }

    private int[] shape(int[] spatial, int channels) {
        int[] r = new int[rank + 2];
        r[0] = batch;
        for (int i = 0; i < rank; i++) r[i + 1] = spatial[3 - rank + i];
        r[rank + 1] = channels;
        return r;
    }

    /** A 1×…×1 kernel with stride 1 and no padding: the convolution is a plain matrix product. */
    boolean isPointwise() {
        for (int i = 0; i < 3; i++) {
            if (k[i] != 1 || s[i] != 1 || pad[i] != 0 || out[i] != in[i]) return false;
        }
        return true;
    }

    boolean hasUnitStrides() {
        return s[0] == 1 && s[1] == 1 && s[2] == 1;
    }

    /**
     * For unit strides, the convolution whose forward pass is this one's input gradient: {@code dy} convolved with
     * the kernel flipped along every spatial axis and its channel axes swapped ({@link ConvKernels#flipKernel}),
     * padded by {@code d(k−1) − padBefore} before and {@code in + padBefore − out} after, so
     * {@code dx[p] = Σ_t dy[p + padBefore − t·d] · w[t]ᵀ}.
     */
    ConvSpec inputGradientSpec() {
        int[] kernel = kernelShape();
        kernel[rank] = coutG;
        kernel[rank + 1] = inChannels;
        int[] ones = new int[rank], dil = new int[rank], pb = new int[rank], pa = new int[rank];
        for (int i = 0; i < rank; i++) {
            int a = 3 - rank + i;
            ones[i] = 1;
            dil[i] = d[a];
            pb[i] = d[a] * (k[a] - 1) - pad[a];
            pa[i] = in[a] + pad[a] - out[a];
        }
        return of(outputShape(), kernel, ones, dil, pb, pa, groups);
    }

    /** One input channel per group with several groups (depthwise convolution): handled by a direct loop. */
    boolean isDepthwise() {
        return cinG == 1 && groups > 1;
    }

    @Override
    public String toString() {
        return "ConvSpec[input=" + Shapes.str(inputShape()) + ", kernel=" + Shapes.str(kernelShape()) + ", output=" + Shapes.str(outputShape())
                + ", strides=" + Arrays.toString(Arrays.copyOfRange(s, 3 - rank, 3)) + ", dilations=" + Arrays.toString(Arrays.copyOfRange(d, 3 - rank, 3))
                + ", padBefore=" + Arrays.toString(Arrays.copyOfRange(pad, 3 - rank, 3)) + ", groups=" + groups + "]";
    }
}
