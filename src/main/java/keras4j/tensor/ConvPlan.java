package keras4j.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Which code computes one pass of a convolution: the whole decision table is {@link #of(ConvSpec, Pass)}, its
 * thresholds are in {@link ConvTuning}, and {@link ConvKernels} only dispatches on the plan. {@link #all} lists every
 * plan that computes a spec correctly (the tests run each one against the reference), and {@link #describe} prints the
 * three plans of a convolution (the model benchmark shows what it ran).
 *
 * <p>Paths: depthwise loops; pointwise products (a 1×…×1 stride-1 convolution reads its patches straight from the
 * input); patches + product (im2col in chunks of {@link #chunkRows} rows, then the narrow kernel or GEMM); direct lines
 * (windows read from the input, rows in registers, lines staged or edges through patches); direct channel pairs; direct
 * position vectors; the input gradient as a flipped forward pass ({@link #flipped}) or as GEMM + col2im. Inside the
 * narrow kernel, the register blocks follow the vector width: 512-bit vectors (32 registers) add the 8×2, 3×4 and
 * position blocks to the 12×1 and 6×2 blocks of 256-bit vectors.
 */
public final class ConvPlan {

    /** The three passes of a convolution. */
    public enum Pass { FORWARD, INPUT_GRADIENT, KERNEL_GRADIENT }

    /** The algorithm of one pass. */
    enum Path { DEPTHWISE, POINTWISE, PATCHES, DIRECT_LINES, DIRECT_PAIRS, DIRECT_POSITIONS, FLIPPED_FORWARD, COL2IM }

    private static final ConvNarrowKernel NARROW = VectorModule.load("keras4j.tensor.ConvVectorKernel", ConvNarrowKernel.class);

    final ConvSpec spec;
    final Pass pass;
    final Path path;
    /**
     * The narrow-result kernel for the products (null: {@link Gemm}); for {@link Path#COL2IM}, whose products are GEMMs,
     * the kernel whose vector adds scatter the patches (null: scalar adds).
     */
    final ConvNarrowKernel narrow;
    /** Kernel gradient through GEMM as {@code dwᵀ = dyᵀ · cols} (else {@code dw = colsᵀ · dy}). */
    final boolean transposed;
    /** Direct lines: input rows copied with the width padding written out (else interior in place, edges through patches). */
    final boolean staged;
    /** {@link Path#FLIPPED_FORWARD}: the forward plan of {@link ConvSpec#inputGradientSpec()}. */
    final ConvPlan flipped;
    /** Rows of one patch chunk (also the unit of direct lines per task). */
    final int chunkRows;
    /** {@link Path#DIRECT_POSITIONS}: floats of one task's channels-first input copy. */
    final long positionCopyBudget;

    private ConvPlan(ConvSpec spec, Pass pass, Path path, ConvNarrowKernel narrow, boolean transposed, boolean staged, ConvPlan flipped,
                     long positionCopyBudget) {
        this.spec = spec;
        this.pass = pass;
        this.path = path;
        this.narrow = narrow;
        this.transposed = transposed;
        this.staged = staged;
        this.flipped = flipped;
        this.chunkRows = chunkRows(spec);
        this.positionCopyBudget = positionCopyBudget;
    }

    private static ConvPlan plan(ConvSpec c, Pass pass, Path path, ConvNarrowKernel narrow) {
        return new ConvPlan(c, pass, path, narrow, false, false, null, ConvTuning.POSITION_COPY_BUDGET);
    }

    /** The vector kernel of this JVM, or null without the Vector API. */
    static ConvNarrowKernel vectorKernel() {
        return NARROW;
    }

    // ------------------------------------------------------------------ the decision table

    /** The plan {@link ConvKernels} runs for {@code pass} of {@code c} on this JVM and at the current {@link Parallel#threads()}. */
    public static ConvPlan of(ConvSpec c, Pass pass) {
        ConvNarrowKernel k = NARROW;
        int vl = k == null ? 0 : k.vectorLength();
        switch (pass) {
            case FORWARD: {
                if (c.isDepthwise()) return plan(c, pass, Path.DEPTHWISE, null);
                // The narrow kernel for forward results of at most two vectors; wider ones go through the packed GEMM.
                ConvNarrowKernel narrow = fits(k, c.coutG) && c.coutG <= ConvTuning.NARROW_FORWARD_MAX_VECTORS * vl ? k : null;
                if (c.isPointwise()) return plan(c, pass, Path.POINTWISE, narrow);
                if (narrow != null && c.groups == 1 && c.out[2] >= ConvTuning.MIN_LINE) {
                    if (positionsFit(c, k) && c.outChannels <= ConvTuning.POSITION_MAX_FILTERS
                            && c.outChannels * c.kSpatial >= ConvTuning.POSITION_MIN_WORK) {
                        return plan(c, pass, Path.DIRECT_POSITIONS, k);
                    }
                    if (pairsFit(c, k)) return plan(c, pass, Path.DIRECT_PAIRS, k);
                    return lines(c, pass, k, stages(c));
                }
                return plan(c, pass, Path.PATCHES, narrow);
            }
            case INPUT_GRADIENT: {
                if (c.isDepthwise()) return plan(c, pass, Path.DEPTHWISE, null);
                if (c.isPointwise()) return plan(c, pass, Path.POINTWISE, null);
                // With stride 1 the input gradient is a forward convolution of dy with the flipped kernel: no scatter. It
                // pays only when that convolution reads its windows directly (one group, long lines) and fills its vectors
                // (whole vectors of input channels, or more than a quarter of one as channel pairs).
                if (c.hasUnitStrides() && fits(k, c.cinG) && c.cinG <= ConvTuning.NARROW_FORWARD_MAX_VECTORS * vl) {
                    ConvSpec f = c.inputGradientSpec();
                    boolean fills = c.cinG % vl == 0 || ConvTuning.FLIPPED_MIN_FILL * c.cinG > vl && pairsFit(f, k);
                    if (fills && f.groups == 1 && f.out[2] >= ConvTuning.MIN_LINE) return flippedForward(c, of(f, Pass.FORWARD));
                }
                return plan(c, pass, Path.COL2IM, k);
            }
            case KERNEL_GRADIENT: {
                ConvNarrowKernel narrow = fits(k, c.coutG) ? k : null;
                if (c.isDepthwise()) return plan(c, pass, Path.DEPTHWISE, null);
                int segment = c.d[2] == 1 ? c.k[2] * c.inChannels : c.inChannels;
                if (narrow != null && !c.isPointwise() && c.groups == 1 && segment >= ConvTuning.MIN_SEGMENT
                        && c.out[2] >= ConvTuning.MIN_KERNEL_LINE) {
                    return lines(c, pass, k, stages(c));
                }
                Path path = c.isPointwise() ? Path.POINTWISE : Path.PATCHES;
                return narrow != null ? plan(c, pass, path, narrow) : gemmKernelGradient(c, path, transposedKernelGradient(c));
            }
            default:
                throw new IllegalArgumentException("pass " + pass);
        }
    }

    /**
     * Whether direct lines are staged: when windows reach into the width padding at more than a few positions per line.
     * On long lines with few edge positions (a causal Conv1D: 8 of 1,000), copying every row would cost more than the
     * edge positions' patches.
     */
    private static boolean stages(ConvSpec c) {
        int interior = c.interiorHi - c.interiorLo;
        boolean edges = c.interiorLo > 0 || c.interiorHi < c.out[2];
        return edges && (interior < ConvTuning.MIN_LINE || (c.out[2] - interior) * ConvTuning.STAGE_EDGE_RATIO >= c.out[2]);
    }

    /**
     * Whether the kernel gradient through GEMM runs as {@code dwᵀ = dyᵀ · cols}: the GEMM micro-tile is MR rows by NR
     * columns (NR ≫ MR), so the orientation that fills whole tiles on both sides wins.
     */
    private static boolean transposedKernelGradient(ConvSpec c) {
        GemmKernel g = Gemm.kernel();
        double normal = fill(c.patch, g.mr()) * fill(c.coutG, g.nr());
        double swapped = fill(c.coutG, g.mr()) * fill(c.patch, g.nr());
        return swapped > normal + ConvTuning.ORIENTATION_MARGIN;
    }

    /** The fraction of {@code ceil(n / tile)} tiles that {@code n} fills. */
    private static double fill(int n, int tile) {
        return n / (double) GemmKernel.roundUp(n, tile);
    }

    // ------------------------------------------------------------------ what may run (correctness, not speed)

    /** Whether the narrow kernel exists and computes results of {@code n} columns. */
    private static boolean fits(ConvNarrowKernel k, int n) {
        return k != null && n <= k.maxColumns();
    }

    /** Channel pairs: results of at most half a vector, an even number of input channels, lines of at least one pair block. */
    private static boolean pairsFit(ConvSpec c, ConvNarrowKernel k) {
        return c.groups == 1 && ConvTuning.PAIRS_MAX_RESULT_FRACTION * c.outChannels <= k.vectorLength() && c.inChannels % 2 == 0
                && c.out[2] >= ConvNarrowKernel.PAIR_ROWS;
    }

    /** Position vectors: the kernel has position blocks (32 vector registers), unit width stride, lines at least one block wide. */
    private static boolean positionsFit(ConvSpec c, ConvNarrowKernel k) {
        int width = k.positionWidth();
        return width > 0 && c.groups == 1 && c.s[2] == 1 && c.out[2] >= width;
    }

    /**
     * Every plan that computes {@code pass} of {@code c} correctly on this JVM, the one {@link #of} chooses among them:
     * each path where it applies, with each product (narrow kernel, GEMM in either kernel-gradient orientation), direct
     * lines staged and not, and flipped forward passes with each forward plan of the flipped convolution.
     */
    static List<ConvPlan> all(ConvSpec c, Pass pass) {
        ConvNarrowKernel k = NARROW;
        List<ConvPlan> plans = new ArrayList<>();
        switch (pass) {
            case FORWARD -> {
                if (c.isDepthwise()) plans.add(plan(c, pass, Path.DEPTHWISE, null));
                for (Path path : c.isPointwise() ? new Path[] {Path.POINTWISE, Path.PATCHES} : new Path[] {Path.PATCHES}) {
                    plans.add(plan(c, pass, path, null));
                    if (fits(k, c.coutG)) plans.add(plan(c, pass, path, k));
                }
                if (fits(k, c.outChannels) && c.groups == 1) {
                    plans.add(lines(c, pass, k, true));
                    // Unstaged lines start from the first interior position's window: they need one.
                    if (c.interiorLo < c.interiorHi) plans.add(lines(c, pass, k, false));
                    if (pairsFit(c, k)) plans.add(plan(c, pass, Path.DIRECT_PAIRS, k));
                    if (positionsFit(c, k)) plans.add(plan(c, pass, Path.DIRECT_POSITIONS, k));
                }
            }
            case INPUT_GRADIENT -> {
                if (c.isDepthwise()) plans.add(plan(c, pass, Path.DEPTHWISE, null));
                if (c.isPointwise()) plans.add(plan(c, pass, Path.POINTWISE, null));
                plans.add(plan(c, pass, Path.COL2IM, null));
                if (k != null) plans.add(plan(c, pass, Path.COL2IM, k));
                if (c.hasUnitStrides()) {
                    for (ConvPlan f : all(c.inputGradientSpec(), Pass.FORWARD)) plans.add(flippedForward(c, f));
                }
            }
            case KERNEL_GRADIENT -> {
                if (c.isDepthwise()) plans.add(plan(c, pass, Path.DEPTHWISE, null));
                for (Path path : c.isPointwise() ? new Path[] {Path.POINTWISE, Path.PATCHES} : new Path[] {Path.PATCHES}) {
                    plans.add(gemmKernelGradient(c, path, false));
                    plans.add(gemmKernelGradient(c, path, true));
                    if (fits(k, c.coutG)) plans.add(plan(c, pass, path, k));
                }
                if (fits(k, c.outChannels) && c.groups == 1) {
                    plans.add(lines(c, pass, k, true));
                    // Unstaged lines start from the first interior position's window: they need one.
                    if (c.interiorLo < c.interiorHi) plans.add(lines(c, pass, k, false));
                }
            }
            default -> throw new IllegalArgumentException("pass " + pass);
        }
        return plans;
    }

    private static ConvPlan lines(ConvSpec c, Pass pass, ConvNarrowKernel k, boolean staged) {
        return new ConvPlan(c, pass, Path.DIRECT_LINES, k, false, staged, null, ConvTuning.POSITION_COPY_BUDGET);
    }

    private static ConvPlan gemmKernelGradient(ConvSpec c, Path path, boolean transposed) {
        return new ConvPlan(c, Pass.KERNEL_GRADIENT, path, null, transposed, false, null, ConvTuning.POSITION_COPY_BUDGET);
    }

    private static ConvPlan flippedForward(ConvSpec c, ConvPlan forward) {
        return new ConvPlan(c, Pass.INPUT_GRADIENT, Path.FLIPPED_FORWARD, forward.narrow, false, false, forward, ConvTuning.POSITION_COPY_BUDGET);
    }

    /** This plan with another channels-first copy budget for position vectors (tests split small images with it). */
    ConvPlan withPositionCopyBudget(long budget) {
        ConvPlan f = flipped == null ? null : flipped.withPositionCopyBudget(budget);
        return new ConvPlan(spec, pass, path, narrow, transposed, staged, f, budget);
    }

    // ------------------------------------------------------------------ work partitioning

    /** Rows per patch chunk: about {@link ConvTuning#PATCH_BUDGET} floats of patches, and enough chunks per thread when the problem allows. */
    static int chunkRows(ConvSpec c) {
        int rows = Math.max(ConvTuning.MIN_CHUNK_ROWS, Math.min(ConvTuning.MAX_CHUNK_ROWS, ConvTuning.PATCH_BUDGET / Math.max(1, c.cols)));
        int threads = Parallel.threads();
        if (threads > 1) {
            int balanced = ceilDiv(c.rows, ConvTuning.TASKS_PER_THREAD * threads);
            if (balanced >= ConvTuning.MIN_CHUNK_ROWS) rows = Math.min(rows, balanced);
        }
        return Math.max(1, Math.min(rows, c.rows));
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    // ------------------------------------------------------------------ text

    /** The three plans of {@code c}, one per line: what {@link ConvKernels} runs for it on this JVM and thread count. */
    public static String describe(ConvSpec c) {
        return "forward: " + of(c, Pass.FORWARD) + "\ninput gradient: " + of(c, Pass.INPUT_GRADIENT) + "\nkernel gradient: "
                + of(c, Pass.KERNEL_GRADIENT);
    }

    @Override
    public String toString() {
        return switch (path) {
            case DEPTHWISE -> "depthwise loops";
            case POINTWISE -> "pointwise, " + product();
            case PATCHES -> "patches (" + chunkRows + " rows a chunk) + " + product();
            case DIRECT_LINES -> "direct lines, " + (staged ? "staged" : "edges through patches") + ", rows in registers (" + lanes() + ")";
            case DIRECT_PAIRS -> "direct lines on channel pairs (" + lanes() + ")";
            case DIRECT_POSITIONS -> "direct position vectors, " + narrow.positionWidth() + " positions x " + ConvNarrowKernel.POSITION_FILTERS
                    + " filters (" + lanes() + ")";
            case FLIPPED_FORWARD -> "flipped forward: " + flipped;
            case COL2IM -> "GEMM + col2im with " + (narrow == null ? "scalar adds" : "vector adds (" + lanes() + ")");
        };
    }

    private String product() {
        if (narrow != null) return "narrow kernel (" + lanes() + ")";
        return pass == Pass.KERNEL_GRADIENT && transposed ? "GEMM dwᵀ = dyᵀ·cols" : "GEMM";
    }

    private String lanes() {
        return narrow.vectorLength() * 32 + "-bit vectors";
    }
}
