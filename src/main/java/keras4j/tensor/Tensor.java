package keras4j.tensor;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An n-dimensional float32 array, row-major and contiguous, with an immutable shape
 * (the value behind Keras's and numpy's arrays).
 *
 * <p>Every operation returns a new tensor; the inputs are never modified. The backing array of a
 * tensor made by {@link #wrap} or returned by {@link #data()} is shared, which is how kernels,
 * optimizers and {@link #reshape} avoid copies: only code that owns a tensor (a weight's
 * optimizer) writes into it. Shape errors throw {@link IllegalArgumentException} naming the
 * operation and the shapes involved.
 *
 * <p>Differentiable versions of these operations, which record gradients, live in {@code keras4j.ops}.
 */
public final class Tensor {
    final float[] data;
    final int[] shape;

    Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---------------------------------------------------------------- creation

    /** A copy of {@code data} with the given shape; no shape means a 1-D tensor. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** Uses {@code data} as the backing array without copying; no shape means a 1-D tensor. */
    public static Tensor wrap(float[] data, int... shape) {
        int[] s = shape.length == 0 ? new int[] {data.length} : shape.clone();
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("Tensor: " + data.length + " values do not fill shape " + Shapes.str(s)
                    + " (" + Shapes.size(s) + " elements)");
        }
        return new Tensor(data, s);
    }

    public static Tensor of(double[] data, int... shape) {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
        return wrap(f, shape);
    }

    /** A 1-D tensor of the given values. */
    public static Tensor vector(float... values) {
        return of(values);
    }

    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0]);
    }

    public static Tensor of(float[][] rows) {
        int n = rows.length, m = n == 0 ? 0 : rows[0].length;
        float[] d = new float[n * m];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) throw ragged(0, i, rows[i].length, m);
            System.arraycopy(rows[i], 0, d, i * m, m);
        }
        return new Tensor(d, new int[] {n, m});
    }

    public static Tensor of(float[][][] x) {
        int n = x.length;
        Tensor first = n == 0 ? zeros(0, 0) : of(x[0]);
        Tensor[] parts = new Tensor[n];
        for (int i = 0; i < n; i++) {
            parts[i] = of(x[i]);
            if (!Arrays.equals(parts[i].shape, first.shape)) throw ragged(0, i, parts[i].shape[0], first.shape[0]);
        }
        return n == 0 ? zeros(0, 0, 0) : stack(0, parts);
    }

    public static Tensor of(float[][][][] x) {
        int n = x.length;
        Tensor[] parts = new Tensor[n];
        for (int i = 0; i < n; i++) {
            parts[i] = of(x[i]);
            if (!Arrays.equals(parts[i].shape, parts[0].shape)) throw ragged(0, i, parts[i].shape[0], parts[0].shape[0]);
        }
        return n == 0 ? zeros(0, 0, 0, 0) : stack(0, parts);
    }

    private static IllegalArgumentException ragged(int axis, int i, int got, int expected) {
        return new IllegalArgumentException("Tensor.of: nested arrays are ragged: element " + i + " along axis " + axis
                + " has length " + got + ", expected " + expected);
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[Shapes.size(shape)], shape.clone());
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shapes.size(shape)];
        Arrays.fill(d, value);
        return new Tensor(d, shape.clone());
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape);
    }

    public static Tensor onesLike(Tensor t) {
        return ones(t.shape);
    }

    /** {@code [0, 1, ..., n-1]}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** Values {@code start, start+step, ...} below {@code stop} (above it for a negative step). */
    public static Tensor arange(float start, float stop, float step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must not be 0");
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return new Tensor(d, new int[] {n});
    }

    /** Normal samples drawn from a seed; the same seed gives the same tensor. */
    public static Tensor randomNormal(long seed, float mean, float stddev, int... shape) {
        Rng rng = new Rng(seed);
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (mean + stddev * rng.nextGaussian());
        return new Tensor(d, shape.clone());
    }

    /** Uniform samples in {@code [min, max)} drawn from a seed. */
    public static Tensor randomUniform(long seed, float min, float max, int... shape) {
        Rng rng = new Rng(seed);
        float[] d = new float[Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (min + (max - min) * rng.nextDouble());
        return new Tensor(d, shape.clone());
    }

    // ---------------------------------------------------------------- access

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** Size of one axis; negative axes count from the end. */
    public int dim(int axis) {
        return shape[Shapes.axis(axis, shape.length, "dim")];
    }

    /**
     * Whether a tensor is tracked by a {@code GradientTape} recording on the calling thread; installed once by
     * {@code keras4j.autograd.GradientTape} when it loads (no tape can be open before), null until then. The tensor math
     * that records nothing ({@link #add}, {@link #sub}, {@link #mul}, {@link #div}, {@link #neg}, {@link #permute},
     * {@link #transpose}, {@link #concat}) refuses such a tensor, since its gradient would be lost; the differentiable
     * twins are in {@code keras4j.ops.Ops}.
     */
    private static volatile Predicate<Tensor> tapeProbe;

    /** Installs the tape probe, once: see {@link Internal#installTapeProbe}. */
    static synchronized void installTapeProbe(Predicate<Tensor> probe) {
        if (tapeProbe != null) throw new IllegalStateException("the tape probe is already installed");
        tapeProbe = Objects.requireNonNull(probe, "probe");
    }

    /** Throws when one of {@code inputs} is tracked by a recording tape: {@code Tensor.method} would lose its gradient. */
    private static void untaped(String method, String op, Tensor... inputs) {
        Predicate<Tensor> probe = tapeProbe;
        if (probe == null) return;
        for (Tensor t : inputs) {
            if (t != null && probe.test(t)) {
                throw new IllegalStateException("Tensor." + method + " records nothing on the GradientTape, but its input " + Shapes.str(t.shape)
                        + " is tracked by an open tape, so its gradient would be lost. Use Ops." + op + " to differentiate through it, or "
                        + "compute inside GradientTape.withoutRecording(...) when no gradient is wanted.");
            }
        }
    }

    /** A copy of the values, row-major (the live array stays inside keras4j: see {@link Internal}). */
    public float[] toFloatArray() {
        return data.clone();
    }

    public float get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape " + Shapes.str(shape));
        }
        int off = 0;
        for (int i = 0; i < index.length; i++) {
            int k = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (k < 0 || k >= shape[i]) {
                throw new IndexOutOfBoundsException("get: index " + index[i] + " out of range for axis " + i + " of shape " + Shapes.str(shape));
            }
            off = off * shape[i] + k;
        }
        return data[off];
    }

    /** The single value of a tensor with one element. */
    public float item() {
        if (data.length != 1) throw new IllegalArgumentException("item: tensor of shape " + Shapes.str(shape) + " has " + data.length + " elements, not 1");
        return data[0];
    }

    /** Copies {@code src}'s values into this tensor (same shape); used for weights and optimizer state. */
    public void assign(Tensor src) {
        if (!Arrays.equals(shape, src.shape)) {
            throw new IllegalArgumentException("assign: cannot assign a tensor of shape " + Shapes.str(src.shape) + " to one of shape " + Shapes.str(shape));
        }
        System.arraycopy(src.data, 0, data, 0, data.length);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** True when the shapes are equal and {@code |a-b| <= atol + rtol*|b|} everywhere (NaN equals NaN). */
    public boolean allClose(Tensor other, float atol, float rtol) {
        if (!Arrays.equals(shape, other.shape)) return false;
        for (int i = 0; i < data.length; i++) {
            float a = data[i], b = other.data[i];
            if (Float.isNaN(a) || Float.isNaN(b)) { if (Float.isNaN(a) != Float.isNaN(b)) return false; continue; }
            if (a == b) continue;
            if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return TensorFormat.format(this);
    }

    // ---------------------------------------------------------------- shape

    /** Same values in a new shape (one {@code -1} is inferred); shares the backing array. */
    public Tensor reshape(int... newShape) {
        return new Tensor(data, Shapes.resolveReshape(shape, newShape, "reshape"));
    }

    /** Reverses the axes (a matrix transpose for rank 2); records nothing on a tape ({@code Ops.transpose} does). */
    public Tensor transpose() {
        untaped("transpose", "transpose", this);
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
        return reorder(perm);
    }

    /**
     * Reorders axes: output axis i is input axis {@code perm[i]} (numpy's transpose with axes); records nothing on a tape
     * ({@code Ops.transpose} does).
     */
    public Tensor permute(int... perm) {
        untaped("permute", "transpose", this);
        return reorder(perm);
    }

    /** {@link #permute} without the tape check, for this package's kernels. */
    Tensor reorder(int... perm) {
        if (perm.length != shape.length) {
            throw new IllegalArgumentException("permute: permutation " + Arrays.toString(perm) + " does not match shape " + Shapes.str(shape));
        }
        int[] strides = Shapes.strides(shape);
        int[] outShape = new int[perm.length];
        int[] src = new int[perm.length];
        boolean[] seen = new boolean[perm.length];
        boolean identity = true;
        for (int i = 0; i < perm.length; i++) {
            int p = Shapes.axis(perm[i], shape.length, "permute");
            if (seen[p]) throw new IllegalArgumentException("permute: " + Arrays.toString(perm) + " is not a permutation of the axes of " + Shapes.str(shape));
            seen[p] = true;
            outShape[i] = shape[p];
            src[i] = strides[p];
            identity &= p == i;
        }
        if (identity) return this;
        if (shape.length == 2) return new Tensor(Layout.transpose2d(data, shape[0], shape[1]), outShape);
        return new Tensor(Elementwise.stridedCopy(data, outShape, src), outShape);
    }

    /** Inserts an axis of size 1 at {@code axis} (which may be {@code rank} or negative). */
    public Tensor expandDims(int axis) {
        int a = Shapes.axis(axis, shape.length + 1, "expandDims");
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) s[i] = i == a ? 1 : shape[j++];
        return new Tensor(data, s);
    }

    /** Removes an axis of size 1. */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis(axis, shape.length, "squeeze");
        if (shape[a] != 1) throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + Shapes.str(shape) + " has size " + shape[a] + ", not 1");
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != a) s[j++] = shape[i];
        return new Tensor(data, s);
    }

    /** Repeats this tensor to {@code target} by numpy broadcasting rules. */
    public Tensor broadcastTo(int... target) {
        int[] out = Shapes.broadcast(shape, target, "broadcastTo");
        if (!Arrays.equals(out, target)) {
            throw new IllegalArgumentException("broadcastTo: shape " + Shapes.str(shape) + " cannot be broadcast to " + Shapes.str(target));
        }
        if (Arrays.equals(shape, target)) return this;
        return new Tensor(Elementwise.stridedCopy(data, target, Elementwise.broadcastStrides(shape, target)), target.clone());
    }

    /** Sums over broadcast axes so the result has {@code target}'s shape (the adjoint of broadcasting). */
    public Tensor sumTo(int... target) {
        if (Arrays.equals(shape, target)) return this;
        int lead = shape.length - target.length;
        if (lead < 0) throw new IllegalArgumentException("sumTo: cannot reduce shape " + Shapes.str(shape) + " to " + Shapes.str(target));
        int[] axes = new int[shape.length];
        int n = 0;
        for (int i = 0; i < shape.length; i++) {
            if (i < lead) axes[n++] = i;
            else if (target[i - lead] == 1 && shape[i] != 1) axes[n++] = i;
            else if (target[i - lead] != shape[i]) {
                throw new IllegalArgumentException("sumTo: cannot reduce shape " + Shapes.str(shape) + " to " + Shapes.str(target));
            }
        }
        if (n == 0) return reshape(target);
        return Reductions.reduce(this, Arrays.copyOf(axes, n), true, Reductions.Kind.SUM, "sumTo").reshape(target);
    }

    /** Rows {@code [start, end)} along axis 0 (a batch). */
    public Tensor slice(int start, int end) {
        return slice(0, start, end);
    }

    /** Elements {@code [start, end)} along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        int a = Shapes.axis(axis, shape.length, "slice");
        if (start < 0 || end > shape[a] || start > end) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") is outside axis " + axis + " of shape " + Shapes.str(shape));
        }
        int[] s = shape.clone();
        s[a] = end - start;
        return new Tensor(Layout.slice(data, shape, a, start, end), s);
    }

    /** Rows {@code indices} along axis 0, in that order (a shuffled or sampled batch). */
    public Tensor gather(int[] indices) {
        return take(indices, 0);
    }

    /** Entries {@code indices} along {@code axis}, in that order. */
    public Tensor take(int[] indices, int axis) {
        int a = Shapes.axis(axis, shape.length, "take");
        for (int i : indices) {
            if (i < 0 || i >= shape[a]) throw new IndexOutOfBoundsException("take: index " + i + " out of range for axis " + axis + " of shape " + Shapes.str(shape));
        }
        int[] s = shape.clone();
        s[a] = indices.length;
        return new Tensor(Layout.take(data, shape, a, indices), s);
    }

    /** Joins tensors along an existing axis; all other dimensions must match. */
    public static Tensor concat(int axis, Tensor... parts) {
        untaped("concat", "concatenate", parts);
        if (parts.length == 0) throw new IllegalArgumentException("concat: no tensors given");
        int rank = parts[0].rank();
        int a = Shapes.axis(axis, rank, "concat");
        int total = 0;
        for (Tensor p : parts) {
            boolean ok = p.rank() == rank;
            for (int i = 0; ok && i < rank; i++) ok = i == a || p.shape[i] == parts[0].shape[i];
            if (!ok) throw new IllegalArgumentException("concat: shapes " + Shapes.str(parts[0].shape) + " and " + Shapes.str(p.shape)
                    + " differ outside axis " + axis);
            total += p.shape[a];
        }
        int[] s = parts[0].shape.clone();
        s[a] = total;
        return new Tensor(Layout.concat(parts, a, s), s);
    }

    /** Joins same-shaped tensors along a new axis. */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("stack: no tensors given");
        int a = Shapes.axis(axis, parts[0].rank() + 1, "stack");
        Tensor[] e = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shape, parts[0].shape)) {
                throw new IllegalArgumentException("stack: shapes " + Shapes.str(parts[0].shape) + " and " + Shapes.str(parts[i].shape) + " differ");
            }
            e[i] = parts[i].expandDims(a);
        }
        return concat(a, e);
    }

    // ---------------------------------------------------------------- element-wise

    // add/sub/mul/div/neg record nothing on a tape: Ops.add/subtract/multiply/divide/negative do (see tapeProbe).
    public Tensor add(Tensor o) { untaped("add", "add", this, o); return Elementwise.binary(this, o, Elementwise.Op.ADD, null, "add"); }
    public Tensor sub(Tensor o) { untaped("sub", "subtract", this, o); return Elementwise.binary(this, o, Elementwise.Op.SUB, null, "sub"); }
    public Tensor mul(Tensor o) { untaped("mul", "multiply", this, o); return Elementwise.binary(this, o, Elementwise.Op.MUL, null, "mul"); }
    public Tensor div(Tensor o) { untaped("div", "divide", this, o); return Elementwise.binary(this, o, Elementwise.Op.DIV, null, "div"); }
    public Tensor add(float c) { return add(scalar(c)); }
    public Tensor sub(float c) { return sub(scalar(c)); }
    public Tensor mul(float c) { return mul(scalar(c)); }
    public Tensor div(float c) { return div(scalar(c)); }

    public Tensor pow(Tensor o) { return zip(o, (x, y) -> (float) Math.pow(x, y), "pow"); }

    public Tensor pow(float p) {
        if (p == 2f) return square();
        if (p == 1f) return copy();
        return map(x -> (float) Math.pow(x, p));
    }

    /** Element-wise maximum (NaN propagates). */
    public Tensor maximum(Tensor o) { return zip(o, (x, y) -> x >= y || x != x ? x : y, "maximum"); }
    public Tensor minimum(Tensor o) { return zip(o, (x, y) -> x <= y || x != x ? x : y, "minimum"); }
    public Tensor maximum(float c) { return map(x -> x >= c || x != x ? x : c); }
    public Tensor minimum(float c) { return map(x -> x <= c || x != x ? x : c); }

    /** Limits values to {@code [min, max]}. */
    public Tensor clip(float min, float max) {
        if (min > max) throw new IllegalArgumentException("clip: min " + min + " is greater than max " + max);
        return map(x -> x < min ? min : (x > max ? max : x));
    }

    /** 1 where {@code this > o} else 0 (with broadcasting); likewise ge, lt, le, eq, ne. */
    public Tensor gt(Tensor o) { return zip(o, (x, y) -> x > y ? 1f : 0f, "gt"); }
    public Tensor ge(Tensor o) { return zip(o, (x, y) -> x >= y ? 1f : 0f, "ge"); }
    public Tensor lt(Tensor o) { return zip(o, (x, y) -> x < y ? 1f : 0f, "lt"); }
    public Tensor le(Tensor o) { return zip(o, (x, y) -> x <= y ? 1f : 0f, "le"); }
    public Tensor eq(Tensor o) { return zip(o, (x, y) -> x == y ? 1f : 0f, "eq"); }
    public Tensor ne(Tensor o) { return zip(o, (x, y) -> x != y ? 1f : 0f, "ne"); }
    public Tensor gt(float c) { return gt(scalar(c)); }
    public Tensor ge(float c) { return ge(scalar(c)); }
    public Tensor lt(float c) { return lt(scalar(c)); }
    public Tensor le(float c) { return le(scalar(c)); }
    public Tensor eq(float c) { return eq(scalar(c)); }
    public Tensor ne(float c) { return ne(scalar(c)); }

    /** {@code cond != 0 ? a : b} element-wise, all three broadcast together. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        int[] s = Shapes.broadcast(Shapes.broadcast(cond.shape, a.shape, "where"), b.shape, "where");
        float[] c = cond.broadcastTo(s).data, x = a.broadcastTo(s).data, y = b.broadcastTo(s).data;
        float[] out = new float[c.length];
        for (int i = 0; i < out.length; i++) out[i] = c[i] != 0 ? x[i] : y[i];
        return new Tensor(out, s);
    }

    /** Applies {@code f} to every element. */
    public Tensor map(FloatUnaryOperator f) {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = f.apply(data[i]);
        return new Tensor(out, shape.clone());
    }

    /** Combines with {@code o} element-wise under broadcasting. */
    public Tensor zip(Tensor o, FloatBinaryOperator f) {
        return zip(o, f, "zip");
    }

    private Tensor zip(Tensor o, FloatBinaryOperator f, String name) {
        return Elementwise.binary(this, o, Elementwise.Op.FUNC, f, name);
    }

    public Tensor neg() {
        untaped("neg", "negative", this);
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = -data[i];
        return new Tensor(out, shape.clone());
    }

    public Tensor square() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = data[i] * data[i];
        return new Tensor(out, shape.clone());
    }

    public Tensor sqrt() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.sqrt(data[i]);
        return new Tensor(out, shape.clone());
    }

    public Tensor abs() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = Math.abs(data[i]);
        return new Tensor(out, shape.clone());
    }

    public Tensor exp() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.exp(data[i]);
        return new Tensor(out, shape.clone());
    }

    /** Natural logarithm. */
    public Tensor log() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.log(data[i]);
        return new Tensor(out, shape.clone());
    }

    public Tensor tanh() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.tanh(data[i]);
        return new Tensor(out, shape.clone());
    }

    /** Logistic sigmoid {@code 1/(1+e^-x)}, computed without overflow. */
    public Tensor sigmoid() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            float x = data[i];
            out[i] = x >= 0 ? (float) (1 / (1 + Math.exp(-x))) : (float) (Math.exp(x) / (1 + Math.exp(x)));
        }
        return new Tensor(out, shape.clone());
    }

    /** {@code max(x, 0)}. */
    public Tensor relu() {
        float[] in = data, out = new float[data.length];
        Elementwise.forChunks(out.length, Elementwise.GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) out[i] = Math.max(in[i], 0f);
        });
        return new Tensor(out, shape.clone());
    }

    /** {@code log(1 + x)}, accurate near 0. */
    public Tensor log1p() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.log1p(data[i]);
        return new Tensor(out, shape.clone());
    }

    /** {@code exp(x) - 1}, accurate near 0. */
    public Tensor expm1() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) Math.expm1(data[i]);
        return new Tensor(out, shape.clone());
    }

    /** The error function: its Taylor series below |x| = 2.5, the continued fraction of erfc above (double precision). */
    public Tensor erf() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) erf(data[i]);
        return new Tensor(out, shape.clone());
    }

    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int n = 1; n < 80; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up.
            double f = 0;
            for (int n = 60; n >= 1; n--) f = n / 2.0 / (ax + f);
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return x < 0 ? -r : r;
    }

    /** Softmax along {@code axis}, shifted by the maximum for stability. */
    public Tensor softmax(int axis) {
        Tensor e = Elementwise.binary(this, max(true, axis), Elementwise.Op.SUB, null, "softmax").exp();
        return Elementwise.binary(e, e.sum(true, axis), Elementwise.Op.DIV, null, "softmax");
    }

    /** {@code x - logsumexp(x)} along {@code axis}, computed stably. */
    public Tensor logSoftmax(int axis) {
        Tensor shifted = Elementwise.binary(this, max(true, axis), Elementwise.Op.SUB, null, "logSoftmax");
        return Elementwise.binary(shifted, shifted.exp().sum(true, axis).log(), Elementwise.Op.SUB, null, "logSoftmax");
    }

    /**
     * A tensor of {@code shape} that is zero except that {@code updates}' entries along {@code axis} are
     * added at {@code indices} (repeated indices accumulate): the adjoint of {@link #take}.
     */
    public static Tensor scatterAdd(int[] shape, int axis, int[] indices, Tensor updates) {
        int a = Shapes.axis(axis, shape.length, "scatterAdd");
        int[] expected = shape.clone();
        expected[a] = indices.length;
        if (!Arrays.equals(expected, updates.shape)) {
            throw new IllegalArgumentException("scatterAdd: updates of shape " + Shapes.str(updates.shape) + " do not match " + Shapes.str(expected));
        }
        int outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= shape[i];
        for (int i = a + 1; i < shape.length; i++) inner *= shape[i];
        float[] out = new float[Shapes.size(shape)];
        int rowLen = shape[a] * inner, updLen = indices.length * inner;
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < indices.length; k++) {
                int idx = indices[k];
                if (idx < 0 || idx >= shape[a]) throw new IndexOutOfBoundsException("scatterAdd: index " + idx + " out of range for axis " + axis + " of shape " + Shapes.str(shape));
                int dst = o * rowLen + idx * inner, src = o * updLen + k * inner;
                for (int i = 0; i < inner; i++) out[dst + i] += updates.data[src + i];
            }
        }
        return new Tensor(out, shape.clone());
    }

    /** The gradient of relu: {@code grad} where {@code output > 0}, else 0 (one pass, no mask tensor). */
    public static Tensor reluGrad(Tensor grad, Tensor output) {
        if (!Arrays.equals(grad.shape, output.shape)) {
            throw new IllegalArgumentException("reluGrad: shapes " + Shapes.str(grad.shape) + " and " + Shapes.str(output.shape) + " differ");
        }
        float[] g = grad.data, y = output.data, out = new float[g.length];
        SimdKernels simd = SimdKernels.get();
        Elementwise.forChunks(out.length, Elementwise.GRAIN, (lo, hi) -> Elementwise.reluGrad(simd, g, y, out, lo, hi));
        return new Tensor(out, output.shape.clone());
    }

    /**
     * {@code x + bias} with {@code bias} of shape {@code (x.dim(-1))} repeated over the other axes (TensorFlow's
     * {@code bias_add}), followed in the same pass by {@code max(·, 0)} when {@code relu}.
     */
    public static Tensor biasAdd(Tensor x, Tensor bias, boolean relu) {
        checkBias("biasAdd", x, bias);
        float[] out = new float[x.data.length];
        Elementwise.biasAdd(x.data, bias.data, relu, out);
        return new Tensor(out, x.shape.clone());
    }

    /**
     * The gradients of {@code relu(x + bias)} given its output {@code out} and the output gradient {@code grad}, in
     * one pass: returns the gradient for x ({@link #reluGrad}) and writes its sums over all but the last axis, the
     * gradient for the bias, into {@code biasGrad} (length {@code out.dim(-1)}).
     */
    public static Tensor reluGradWithBiasGrad(Tensor grad, Tensor output, float[] biasGrad) {
        if (!Arrays.equals(grad.shape, output.shape) || output.rank() == 0 || biasGrad.length != output.shape[output.rank() - 1]) {
            throw new IllegalArgumentException("reluGradWithBiasGrad: gradient " + Shapes.str(grad.shape) + ", output " + Shapes.str(output.shape)
                    + " and bias gradient of length " + biasGrad.length + " do not fit");
        }
        float[] out = new float[grad.data.length];
        Elementwise.reluGradColumnSums(grad.data, output.data, out, biasGrad);
        return new Tensor(out, output.shape.clone());
    }

    private static void checkBias(String op, Tensor x, Tensor bias) {
        if (x.rank() == 0 || bias.rank() != 1 || bias.shape[0] != x.shape[x.rank() - 1]) {
            throw new IllegalArgumentException(op + ": bias must have shape (" + (x.rank() == 0 ? "?" : x.shape[x.rank() - 1]) + ",) to match the last axis of "
                    + Shapes.str(x.shape) + ", got " + Shapes.str(bias.shape));
        }
    }

    public Tensor sign() {
        return map(Math::signum);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements as a scalar tensor. */
    public Tensor sum() { return sum(false); }
    public Tensor sum(boolean keepdims, int... axes) { return Reductions.reduce(this, axes, keepdims, Reductions.Kind.SUM, "sum"); }
    public Tensor mean() { return mean(false); }
    public Tensor mean(boolean keepdims, int... axes) { return Reductions.reduce(this, axes, keepdims, Reductions.Kind.MEAN, "mean"); }
    public Tensor max() { return max(false); }
    public Tensor max(boolean keepdims, int... axes) { return Reductions.reduce(this, axes, keepdims, Reductions.Kind.MAX, "max"); }
    public Tensor min() { return min(false); }
    public Tensor min(boolean keepdims, int... axes) { return Reductions.reduce(this, axes, keepdims, Reductions.Kind.MIN, "min"); }

    /** Population variance (numpy's default, ddof 0) over the axes. */
    public Tensor variance(boolean keepdims, int... axes) {
        Tensor centered = sub(mean(true, axes));
        return centered.square().mean(keepdims, axes);
    }

    /** Index of the largest value along {@code axis}, as floats; the axis is removed. */
    public Tensor argmax(int axis) { return Reductions.argmax(this, axis, true); }
    public Tensor argmin(int axis) { return Reductions.argmax(this, axis, false); }

    // ---------------------------------------------------------------- linear algebra

    /** Matrix product with numpy semantics: 1-D operands are vectors, leading axes are batch axes (broadcast). */
    public Tensor matmul(Tensor b) {
        return Layout.matmul(this, b, false, false);
    }

    /** {@code op(this) @ op(b)} where op transposes the last two axes when its flag is set. */
    public Tensor matmul(Tensor b, boolean transposeThis, boolean transposeB) {
        return Layout.matmul(this, b, transposeThis, transposeB);
    }
}
