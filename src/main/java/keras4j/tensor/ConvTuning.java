package keras4j.tensor;

/**
 * Every threshold {@link ConvPlan#of} decides with, in one place, each with the measurement or the reason behind it
 * (as EJML keeps its in {@code EjmlParameters}). "Paired A/B" figures are new time over old time, alternating the
 * two builds in one session on the project's AMD EPYC machines (AVX-512, 2 cores); the commit that introduced each
 * value is named so its message can be read in full.
 */
final class ConvTuning {
    private ConvTuning() {}

    // ------------------------------------------------------------------ work partitioning

    /** Target patch-matrix floats per chunk (1 MiB), so a chunk stays in the L2 cache (7db9967; sized by the cache, not measured). */
    static final int PATCH_BUDGET = 1 << 18;
    /** Chunks never have fewer rows than this, so the matrix products stay efficient for large patches (7db9967). */
    static final int MIN_CHUNK_ROWS = 32;
    /** Chunks never have more rows than this, so work splits into enough pieces to balance threads (7db9967). */
    static final int MAX_CHUNK_ROWS = 2048;
    /** Parallel tasks per thread aimed for when the problem allows, so uneven tasks balance themselves (7db9967). */
    static final int TASKS_PER_THREAD = 4;

    // ------------------------------------------------------------------ products

    /**
     * Widest forward product (in vectors) given to the narrow kernel: for wider results the packed {@link Gemm} reuses its
     * B panels better across the many rows of a forward pass (db98c51). Kernel gradients use the narrow kernel up to its
     * {@link ConvNarrowKernel#maxColumns()}.
     */
    static final int NARROW_FORWARD_MAX_VECTORS = 2;

    /**
     * Without the narrow kernel, the kernel gradient runs as {@code dwᵀ = dyᵀ · cols} when that fills the GEMM micro-tile
     * better by more than this fraction (e464725: few output channels fill MR×NR tiles far better as rows).
     */
    static final double ORIENTATION_MARGIN = 0.05;

    // ------------------------------------------------------------------ direct (no patch matrix)

    /** Output lines shorter than this leave too many partial row blocks in the direct forward pass: patches win (db98c51). */
    static final int MIN_LINE = 24;
    /** Output lines shorter than this make the direct kernel-gradient reductions too short to beat im2col (db98c51). */
    static final int MIN_KERNEL_LINE = 16;
    /** Tap runs (floats per segment) shorter than this make the direct kernel-gradient products too small to beat im2col (db98c51). */
    static final int MIN_SEGMENT = 8;
    /**
     * Direct lines are staged (input rows copied with the width padding written out) when at least one position in this
     * many is an edge position; longer lines compute their interior in place and their few edges through patches
     * (fc73a92: causal Conv1D, 8 edges in 1,000 positions: forward 0.95x, input gradient 0.93x on 1 thread, paired A/B;
     * staging itself, e21cb9e: Conv3D same forward 0.72x, kernel gradient 0.87x).
     */
    static final int STAGE_EDGE_RATIO = 32;

    /**
     * Channel pairs for forward results of at most {@code vectorLength / PAIRS_MAX_RESULT_FRACTION} columns: otherwise
     * half the lanes would idle. For results of a whole vector, pairs measured no faster (233e89a: the Conv3D input
     * gradient with 8 input channels as a flipped forward pass on pairs, 0.65x of col2im's time).
     */
    static final int PAIRS_MAX_RESULT_FRACTION = 2;

    /**
     * The stride-1 input gradient runs as a flipped forward pass when its results fill whole vectors, or more than
     * {@code 1 / FLIPPED_MIN_FILL} of a vector as channel pairs (two lanes per channel), and that forward pass reads its
     * windows directly; otherwise col2im is cheaper (ce2634c, 233e89a).
     */
    static final int FLIPPED_MIN_FILL = 4;

    /**
     * Least {@code filters · kernel taps} for position vectors: the channels-first copy costs about one scalar move per
     * input element, and with less work per element than this it measured slower than the other products (a1d8b58: a
     * Conv1D of 16 filters and 5 taps 1.07x; a Conv3D of 8 or 16 filters and 27 taps 0.70–0.81x, paired A/B).
     */
    static final int POSITION_MIN_WORK = 128;
    /** The widest result computed on position vectors; wider ones reuse their broadcasts better in rows in registers (a1d8b58). */
    static final int POSITION_MAX_FILTERS = 16;
    /**
     * Floats of one task's channels-first input copy for position vectors: larger images go in line ranges, so copies stay
     * bounded per task (ca958ca: 4M floats, 16 MB per task; a memory bound, not a measured optimum).
     */
    static final int POSITION_COPY_BUDGET = 1 << 22;
}
