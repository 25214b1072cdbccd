package keras4j.losses;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;

/**
 * Base class of losses, Keras's {@code keras.losses.Loss}.
 *
 * <p>A loss has two halves, as in Keras: {@link #call} computes the per-sample values (Keras's loss
 * <em>function</em>, e.g. {@code mean((y_true - y_pred)^2, axis=-1)}: {@code (batch, d) -> (batch,)}), and
 * {@link #compute} ({@code Loss.__call__}) weights them by the sample weights and applies the
 * {@link #reduction()}:
 * <ul>
 *   <li>{@code "sum_over_batch_size"} (default) and {@code "mean"}: {@code sum(values * w) / values.size};</li>
 *   <li>{@code "mean_with_sample_weight"}: {@code sum(values * w) / sum(w)} (size when there are no weights);</li>
 *   <li>{@code "sum"}: {@code sum(values * w)};</li>
 *   <li>{@code "none"} (or {@code null}): the weighted values themselves.</li>
 * </ul>
 * Division by zero yields 0 ({@code divide_no_nan}). Everything is written in {@link Ops}, so the
 * result is differentiable with respect to {@code yPred} under a {@link keras4j.autograd.GradientTape}.
 */
public abstract class Loss implements KerasObject {
    /** Keras's fuzz factor {@code keras.config.epsilon()}: probabilities are clipped to {@code [EPSILON, 1 - EPSILON]}. */
    public static final float EPSILON = 1e-7f;

    /** Keras's accepted reductions ({@code null} is accepted too and means no reduction). */
    public static final List<String> REDUCTIONS = List.of("sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", "none");

    private String name;
    private String reduction = "sum_over_batch_size";

    protected Loss(String defaultName) {
        this.name = defaultName;
    }

    /** The loss's name (Keras's default for each class, e.g. {@code mean_squared_error}). */
    public String name() {
        return name;
    }

    /** The reduction, one of {@link #REDUCTIONS} or {@code null}. */
    public String reduction() {
        return reduction;
    }

    protected void setName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException(className() + ": name must be a non-empty string. Received: name=" + name);
        this.name = name;
    }

    protected void setReduction(String reduction) {
        if (reduction != null && !REDUCTIONS.contains(reduction)) {
            throw new IllegalArgumentException("Invalid value for argument `reduction`. Expected one of " + REDUCTIONS
                    + " or null. Received: reduction=" + reduction);
        }
        this.reduction = reduction;
    }

    /**
     * The per-sample loss values before weighting and reduction (Keras's loss function); most losses
     * average over the last axis, so {@code (batch, d) -> (batch,)}.
     */
    public abstract Tensor call(Tensor yTrue, Tensor yPred);

    /**
     * A 0/1 mask of the values of {@link #call} that count (Keras's mask set on the loss values), or
     * {@code null} when all count. Sparse categorical crossentropy with {@code ignore_class} uses it.
     */
    protected Tensor outputMask(Tensor yTrue, Tensor yPred) {
        return null;
    }

    /** The reduced loss without sample weights. */
    public Tensor compute(Tensor yTrue, Tensor yPred) {
        return compute(yTrue, yPred, null, null);
    }

    /**
     * Keras's {@code loss(y_true, y_pred, sample_weight)}: the per-sample values weighted by
     * {@code sampleWeight} (nullable; broadcast against the values after squeezing or expanding a
     * trailing axis of size 1) and reduced to a scalar (or not, for reduction {@code "none"}).
     */
    public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        return compute(yTrue, yPred, sampleWeight, null);
    }

    /**
     * As {@link #compute(Tensor, Tensor, Tensor)} with the Keras mask of {@code yPred} (nullable, 1 where
     * valid). Masked-out entries get weight 0; for {@code "sum_over_batch_size"} and {@code "mean"} the
     * valid ones are scaled by {@code total / valid}, so the result is the mean over valid entries.
     */
    public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
        Tensor values = call(yTrue, yPred);
        Tensor outMask = outputMask(yTrue, yPred);
        Tensor m = mask == null ? outMask : outMask == null ? mask : mask.mul(outMask);
        return reduceWeightedValues(values, sampleWeight, m, reduction);
    }

    /** Keras's {@code reduce_weighted_values}: merges mask into weights, weights the values, reduces. */
    public static Tensor reduceWeightedValues(Tensor values, Tensor sampleWeight, Tensor mask, String reduction) {
        Tensor sw = applyMask(sampleWeight, mask, reduction);
        if (sw != null) {
            Tensor[] vw = squeezeOrExpandToSameRank(values, sw, true);
            values = Ops.multiply(vw[0], vw[1]);
            sw = vw[1];
        }
        return reduceValues(values, sw, reduction);
    }

    /** Keras's {@code reduce_values}. */
    static Tensor reduceValues(Tensor values, Tensor sampleWeight, String reduction) {
        if (reduction == null || reduction.equals("none") || values.rank() == 0 || (values.rank() == 1 && values.size() == 0)) return values;
        Tensor loss = Ops.sum(values);
        if (reduction.equals("sum")) return loss;
        double divisor = reduction.equals("mean_with_sample_weight") && sampleWeight != null
                ? sampleWeight.sum().item()
                : values.size();
        if (divisor == 0) return Tensor.scalar(0f);
        return Ops.divide(loss, (float) divisor);
    }

    /** Keras's {@code apply_mask}: folds a 0/1 mask into the sample weights (either may be null). */
    public static Tensor applyMask(Tensor sampleWeight, Tensor mask, String reduction) {
        if (mask == null) return sampleWeight;
        Tensor floatMask = mask.ne(0f);
        if ("mean".equals(reduction) || "sum_over_batch_size".equals(reduction)) {
            float valid = floatMask.sum().item();
            float scale = valid == 0 ? 0f : floatMask.size() / valid;
            floatMask = floatMask.mul(scale);
        }
        if (sampleWeight == null) return floatMask;
        Tensor[] fw = squeezeOrExpandToSameRank(floatMask, sampleWeight, true);
        return fw[1].mul(fw[0]);
    }

    /**
     * Keras's {@code squeeze_or_expand_to_same_rank}: when the ranks differ by one and the longer
     * tensor's last axis has size 1, that axis is squeezed, or (when the shorter tensor is 1-D and
     * {@code expandRank1}) the shorter one gets a trailing axis. Returns {@code {x1, x2}}.
     */
    public static Tensor[] squeezeOrExpandToSameRank(Tensor x1, Tensor x2, boolean expandRank1) {
        int r1 = x1.rank(), r2 = x2.rank();
        if (r1 == r2) return new Tensor[] {x1, x2};
        if (r1 == r2 + 1 && x1.dim(-1) == 1) {
            if (r2 == 1 && expandRank1) x2 = Ops.expandDims(x2, -1);
            else x1 = Ops.squeeze(x1, -1);
        }
        if (r2 == r1 + 1 && x2.dim(-1) == 1) {
            if (r1 == 1 && expandRank1) x1 = Ops.expandDims(x1, -1);
            else x2 = Ops.squeeze(x2, -1);
        }
        return new Tensor[] {x1, x2};
    }

    @Override
    public String module() {
        return "keras.losses";
    }

    /** {@code {"name", "reduction"}}; subclasses add their arguments in Keras's order. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("reduction", reduction);
        return c;
    }

    /** Reads {@code name} and {@code reduction} from a config (Keras 2's {@code "auto"} means the default). */
    static <T extends Loss> T withBaseConfig(T loss, Map<String, Object> config) {
        if (config.get("name") != null) loss.setName(config.get("name").toString());
        if (config.containsKey("reduction")) {
            Object r = config.get("reduction");
            loss.setReduction(r == null ? null : "auto".equals(r) ? "sum_over_batch_size" : r.toString());
        }
        return loss;
    }

    /** An axis argument from a config: null, an int, or a list of ints. */
    static int[] axisFromConfig(Object o) {
        return o == null ? null : Config.toInts(o);
    }

    /** An axis argument as Keras writes it: null, an int, or a list. */
    static Object axisToConfig(int[] axis) {
        if (axis == null) return null;
        return axis.length == 1 ? (Object) axis[0] : Config.ints(axis);
    }

    @Override
    public String toString() {
        return "<" + className() + " name=" + name + ", reduction=" + reduction + ">";
    }

    static void checkSameShape(String fn, Tensor target, Tensor output) {
        if (!Arrays.equals(target.shape(), output.shape())) {
            throw new IllegalArgumentException(fn + ": arguments `target` and `output` must have the same shape. Received: target.shape="
                    + Shape.format(target.shape()) + ", output.shape=" + Shape.format(output.shape()));
        }
    }
}
