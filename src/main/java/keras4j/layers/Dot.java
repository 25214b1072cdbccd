package keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Per-sample dot product of two inputs along one axis of each, Keras's
 * {@code keras.layers.Dot(axes, normalize=False)}.
 *
 * <p>{@code axes} is one axis for both inputs or a pair {@code (axis of x, axis of y)}; axes count the batch axis
 * (which cannot be contracted) and negative axes count from the end. The contracted sizes must be equal. With
 * {@code normalize=true} both inputs are first L2-normalised along their dot axis, so the result is the cosine
 * similarity.
 *
 * <p>Shapes follow Keras's {@code batch_dot}: the output is the batch axis, then {@code x}'s remaining axes, then
 * {@code y}'s remaining non-batch axes, and {@code (b, 1)} when nothing else remains:
 * {@code (b, 3, 5) . (b, 10, 3)} with {@code axes=(1, 2)} gives {@code (b, 5, 10)}; {@code (b, n) . (b, n)}
 * gives {@code (b, 1)}. There is no output mask.
 */
public class Dot extends Merge<Dot> {
    /** One axis for both inputs, or two. */
    private final int[] axes;
    private boolean normalize;

    /** Contracts axis {@code axes} of both inputs. */
    public Dot(int axes) {
        this.axes = new int[] {axes};
    }

    /** Contracts axis {@code axisX} of the first input with axis {@code axisY} of the second. */
    public Dot(int axisX, int axisY) {
        this.axes = new int[] {axisX, axisY};
    }

    /** Keras's {@code axes} given as a list: one axis or a pair. */
    public Dot(int[] axes) {
        if (axes == null || axes.length != 2) {
            throw new IllegalArgumentException("Invalid format for argument `axes`: it should contain two elements. Received: axes="
                    + (axes == null ? "None" : Arrays.toString(axes)));
        }
        this.axes = axes.clone();
    }

    /** Keras's {@code normalize=}: L2-normalise both inputs along the dot axes first (cosine similarity). */
    public Dot normalize(boolean normalize) {
        this.normalize = normalize;
        return this;
    }

    public boolean normalize() {
        return normalize;
    }

    /** The axes as given: one axis for both inputs, or a pair. */
    public int[] axes() {
        return axes.clone();
    }

    // ------------------------------------------------------------------ shapes

    @Override
    protected void checkInputCount(List<int[]> inputShapes) {
        if (inputShapes.size() != 2) {
            throw error("A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=" + formatShapes(inputShapes));
        }
    }

    /** The contracted axis of each input, resolved as Keras does (a negative axis is taken modulo the rank). */
    private int[] resolvedAxes(int rank1, int rank2) {
        int a0 = axes[0], a1 = axes.length == 1 ? axes[0] : axes[1];
        return new int[] {a0 < 0 ? Math.floorMod(a0, rank1) : a0, a1 < 0 ? Math.floorMod(a1, rank2) : a1};
    }

    /** Keras's {@code Dot.build} and {@code batch_dot} checks, and {@code Dot.compute_output_shape}. */
    @Override
    protected int[] outputShape(List<int[]> inputShapes) {
        int[] s1 = inputShapes.get(0), s2 = inputShapes.get(1);
        if (s1.length < 2 || s2.length < 2) {
            throw error("Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes " + formatShape(s1) + " and " + formatShape(s2) + ".");
        }
        if (s1[0] >= 0 && s2[0] >= 0 && s1[0] != s2[0]) {
            throw error("Cannot do batch_dot on inputs with different batch sizes. Received inputs with shapes " + formatShape(s1) + " and "
                    + formatShape(s2) + ".");
        }
        int[] a = resolvedAxes(s1.length, s2.length);
        if (a[0] >= s1.length || a[1] >= s2.length) {
            throw error("axes=" + axesRepr() + " is out of range for inputs with shapes " + formatShape(s1) + " and " + formatShape(s2) + ".");
        }
        if (a[0] == 0 || a[1] == 0) {
            throw error("Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension to your inputs "
                    + "using keras.ops.expand_dims(x, 0)");
        }
        if (s1[a[0]] != s2[a[1]]) {
            throw error("Incompatible input shapes: axis values " + dim(s1[a[0]]) + " (at axis " + a[0] + ") != " + dim(s2[a[1]])
                    + " (at axis " + a[1] + "). Full input shapes: " + formatShape(s1) + ", " + formatShape(s2));
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s1.length; i++) if (i != a[0]) out.add(s1[i]);
        for (int i = 1; i < s2.length; i++) if (i != a[1]) out.add(s2[i]);
        if (out.size() == 1) out.add(1);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String dim(int d) {
        return d < 0 ? "None" : Integer.toString(d);
    }

    // ------------------------------------------------------------------ computation

    @Override
    protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
        return mergeFunction(inputs, masks);
    }

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        Tensor x = inputs.get(0), y = inputs.get(1);
        int[] a = resolvedAxes(x.rank(), y.rank());
        if (normalize) {
            x = l2Normalize(x, a[0]);
            y = l2Normalize(y, a[1]);
        }
        return batchDot(x, y, a[0], a[1]);
    }

    /** {@code x / sqrt(max(sum(x^2, axis), 1e-14))}, Keras's {@code ops.normalize} with epsilon 1e-7. */
    static Tensor l2Normalize(Tensor x, int axis) {
        Tensor squareSum = Ops.sum(Ops.square(x), true, axis);
        return Ops.divide(x, Ops.sqrt(Ops.maximum(squareSum, 1e-14f)));
    }

    /**
     * Keras's {@code batch_dot(x, y, axes=(ax, ay))} for ranks of at least 2: moves {@code ax} last in {@code x}
     * and {@code ay} to position 1 in {@code y}, multiplies {@code (b, M, k) @ (b, k, N)}, and restores the
     * remaining axes; an output of rank 1 becomes {@code (b, 1)}.
     */
    static Tensor batchDot(Tensor x, Tensor y, int ax, int ay) {
        int[] xs = x.shape(), ys = y.shape();
        int batch = xs[0], k = xs[ax];
        List<Integer> outShape = new ArrayList<>(List.of(batch));
        int[] permX = new int[xs.length];
        int p = 0, m = 1;
        for (int i = 0; i < xs.length; i++) {
            if (i == ax) continue;
            permX[p++] = i;
            if (i > 0) {
                m *= xs[i];
                outShape.add(xs[i]);
            }
        }
        permX[p] = ax;
        int[] permY = new int[ys.length];
        permY[0] = 0;
        permY[1] = ay;
        p = 2;
        int n = 1;
        for (int i = 1; i < ys.length; i++) {
            if (i == ay) continue;
            permY[p++] = i;
            n *= ys[i];
            outShape.add(ys[i]);
        }
        if (outShape.size() == 1) outShape.add(1);
        Tensor x3 = Ops.reshape(Ops.transpose(x, permX), batch, m, k);
        Tensor y3 = Ops.reshape(Ops.transpose(y, permY), batch, k, n);
        return Ops.reshape(Ops.matmul(x3, y3), outShape.stream().mapToInt(Integer::intValue).toArray());
    }

    // ------------------------------------------------------------------ masks and config

    /** Dot has no output mask (Keras's {@code Dot.compute_mask} returns None). */
    @Override
    protected Tensor outputMask(List<Tensor> inputs, List<Tensor> masks) {
        return null;
    }

    private Object axesConfig() {
        return axes.length == 1 ? (Object) axes[0] : Config.ints(axes);
    }

    private String axesRepr() {
        return axes.length == 1 ? Integer.toString(axes[0]) : Arrays.toString(axes);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>(super.getConfig());
        c.put("axes", axesConfig());
        c.put("normalize", normalize);
        return c;
    }

    /** Rebuilds from Keras's config: {@code axes} (an int or a list of two ints) and {@code normalize} (default false). */
    public static Dot fromConfig(Map<String, Object> config) {
        Object axes = config.get("axes");
        Dot layer;
        if (axes instanceof Number n) {
            layer = new Dot(n.intValue());
        } else if (axes instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Number)) {
                    throw new IllegalArgumentException("Invalid format for argument `axes`: list elements should be integers. Received: axes=" + axes);
                }
            }
            layer = new Dot(Config.toInts(list));
        } else {
            throw new IllegalArgumentException("Invalid type for argument `axes`: it should be a list or an int. Received: axes=" + axes);
        }
        layer.normalize(Config.getBool(config, "normalize", false));
        layer.applyBaseConfig(config);
        return layer;
    }
}
