package keras4j.tensor;

/**
 * Reusable per-thread buffers for the convolution kernels, so steady-state training steps do not
 * allocate patch matrices. Each thread keeps one patch buffer (bounded by the kernels' chunk size)
 * and, for the thread that starts a kernel-gradient computation, the per-task partial sums.
 */
final class ConvScratch {
    private static final ThreadLocal<ConvScratch> LOCAL = ThreadLocal.withInitial(ConvScratch::new);
    /** A one-element offset array {0} for single-segment products. */
    static final int[] ZERO = {0};

    private float[] patches = new float[0];
    private float[] kernel = new float[0];
    private float[] line = new float[0];
    private long[] pairLine = new long[0];
    private float[] forwardKernel = new float[0];
    private final int[] length = new int[1];
    private float[][] partials = new float[0][];

    private ConvScratch() {}

    /**
     * This thread's patch buffer with room for at least {@code n} floats; contents are undefined. Valid
     * until the same thread asks again, so it must not be held across calls that may use it.
     */
    static float[] patches(int n) {
        ConvScratch s = LOCAL.get();
        if (s.patches.length < n) s.patches = new float[n];
        return s.patches;
    }

    /** This thread's buffer for one output line's staged input rows ({@link ConvDirect}); contents are undefined. */
    static float[] line(int n) {
        ConvScratch s = LOCAL.get();
        if (s.line.length < n) s.line = new float[n];
        return s.line;
    }

    /** This thread's buffer for one output line's staged input rows packed into channel pairs; contents are undefined. */
    static long[] pairLine(int n) {
        ConvScratch s = LOCAL.get();
        if (s.pairLine.length < n) s.pairLine = new long[n];
        return s.pairLine;
    }

    /**
     * The calling thread's buffer for a kernel rearranged for a direct forward pass (interleaved for channel pairs, or
     * padded to whole filter blocks for position vectors), read by the tasks it starts; contents are undefined.
     */
    static float[] forwardKernel(int n) {
        ConvScratch s = LOCAL.get();
        if (s.forwardKernel.length < n) s.forwardKernel = new float[n];
        return s.forwardKernel;
    }

    /** This thread's one-element array holding {@code k}, the segment length of a single-segment product. */
    static int[] length(int k) {
        int[] l = LOCAL.get().length;
        l[0] = k;
        return l;
    }

    /** The calling thread's buffer for a rearranged kernel (read by the tasks it starts); contents are undefined. */
    static float[] kernel(int n) {
        ConvScratch s = LOCAL.get();
        if (s.kernel.length < n) s.kernel = new float[n];
        return s.kernel;
    }

    /**
     * {@code count} buffers of at least {@code n} floats owned by the calling thread, for partial kernel
     * gradients written by other threads and summed by the caller; contents are undefined.
     */
    static float[][] partials(int count, int n) {
        ConvScratch s = LOCAL.get();
        if (s.partials.length < count) {
            float[][] grown = new float[count][];
            System.arraycopy(s.partials, 0, grown, 0, s.partials.length);
            for (int i = s.partials.length; i < count; i++) grown[i] = new float[0];
            s.partials = grown;
        }
        for (int i = 0; i < count; i++) {
            if (s.partials[i].length < n) s.partials[i] = new float[n];
        }
        return s.partials;
    }
}
