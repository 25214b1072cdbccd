package keras4j.ops;

import static keras4j.autograd.GradientTape.isRecording;
import static keras4j.autograd.GradientTape.record;

import keras4j.tensor.Shapes;
import keras4j.tensor.Tensor;

/**
 * Differentiable operations that layers, losses and metrics are written in: {@code keras.ops} in Java.
 * Names follow Keras ({@code ops.add}, {@code ops.matmul}, {@code ops.softmax}, ...). Each computes its
 * result with the tensor kernels and, while a {@link keras4j.autograd.GradientTape} records, registers
 * its gradient. Broadcasting follows numpy; gradients of broadcast operands are summed back to their shapes.
 *
 * <p>Use with {@code import static keras4j.ops.Ops.*;}.
 */
public final class Ops {
    private Ops() {}

    /** A new tensor object over the same data, so an op's output is never one of its inputs. */
    private static Tensor fresh(Tensor t, Tensor... inputs) {
        for (Tensor in : inputs) if (t == in) return t.reshape(t.shape());
        return t;
    }

    // ------------------------------------------------------------------ arithmetic

    /** {@code a + b} with broadcasting. */
    public static Tensor add(Tensor a, Tensor b) {
        Tensor out = a.add(b);
        if (isRecording()) record("add", out, g -> new Tensor[] {g.sumTo(a.shape()), g.sumTo(b.shape())}, a, b);
        return out;
    }

    public static Tensor add(Tensor a, float b) {
        return add(a, Tensor.scalar(b));
    }

    /** {@code a - b} with broadcasting. */
    public static Tensor subtract(Tensor a, Tensor b) {
        Tensor out = a.sub(b);
        if (isRecording()) record("subtract", out, g -> new Tensor[] {g.sumTo(a.shape()), g.neg().sumTo(b.shape())}, a, b);
        return out;
    }

    public static Tensor subtract(Tensor a, float b) {
        return subtract(a, Tensor.scalar(b));
    }

    public static Tensor subtract(float a, Tensor b) {
        return subtract(Tensor.scalar(a), b);
    }

    /** {@code a * b} element-wise with broadcasting. */
    public static Tensor multiply(Tensor a, Tensor b) {
        Tensor out = a.mul(b);
        if (isRecording()) record("multiply", out, g -> new Tensor[] {g.mul(b).sumTo(a.shape()), g.mul(a).sumTo(b.shape())}, a, b);
        return out;
    }

    public static Tensor multiply(Tensor a, float b) {
        return multiply(a, Tensor.scalar(b));
    }

    /** {@code a / b} element-wise with broadcasting. */
    public static Tensor divide(Tensor a, Tensor b) {
        Tensor out = a.div(b);
        if (isRecording()) record("divide", out, g -> new Tensor[] {g.div(b).sumTo(a.shape()), g.mul(out).div(b).neg().sumTo(b.shape())}, a, b);
        return out;
    }

    public static Tensor divide(Tensor a, float b) {
        return divide(a, Tensor.scalar(b));
    }

    public static Tensor divide(float a, Tensor b) {
        return divide(Tensor.scalar(a), b);
    }

    public static Tensor negative(Tensor x) {
        Tensor out = x.neg();
        if (isRecording()) record("negative", out, g -> new Tensor[] {g.neg()}, x);
        return out;
    }

    /** {@code x ** p} for a constant exponent. */
    public static Tensor power(Tensor x, float p) {
        Tensor out = fresh(x.pow(p), x);
        if (isRecording()) record("power", out, g -> new Tensor[] {g.mul(x.pow(p - 1).mul(p))}, x);
        return out;
    }

    /** {@code x ** y} element-wise with broadcasting; the gradient for y uses {@code log(x)} where x > 0. */
    public static Tensor power(Tensor x, Tensor y) {
        Tensor out = x.pow(y);
        if (isRecording()) {
            record("power", out, g -> {
                Tensor gx = g.mul(y).mul(x.pow(y.sub(1f))).sumTo(x.shape());
                Tensor logx = Tensor.where(x.gt(0f), x.log(), Tensor.scalar(0f));
                Tensor gy = g.mul(out).mul(logx).sumTo(y.shape());
                return new Tensor[] {gx, gy};
            }, x, y);
        }
        return out;
    }

    public static Tensor square(Tensor x) {
        Tensor out = x.square();
        if (isRecording()) record("square", out, g -> new Tensor[] {g.mul(x).mul(2f)}, x);
        return out;
    }

    public static Tensor sqrt(Tensor x) {
        Tensor out = x.sqrt();
        if (isRecording()) record("sqrt", out, g -> new Tensor[] {g.div(out.mul(2f))}, x);
        return out;
    }

    public static Tensor exp(Tensor x) {
        Tensor out = x.exp();
        if (isRecording()) record("exp", out, g -> new Tensor[] {g.mul(out)}, x);
        return out;
    }

    /** Natural logarithm. */
    public static Tensor log(Tensor x) {
        Tensor out = x.log();
        if (isRecording()) record("log", out, g -> new Tensor[] {g.div(x)}, x);
        return out;
    }

    public static Tensor log1p(Tensor x) {
        Tensor out = x.log1p();
        if (isRecording()) record("log1p", out, g -> new Tensor[] {g.div(x.add(1f))}, x);
        return out;
    }

    public static Tensor expm1(Tensor x) {
        Tensor out = x.expm1();
        if (isRecording()) record("expm1", out, g -> new Tensor[] {g.mul(out.add(1f))}, x);
        return out;
    }

    /** {@code |x|}; the gradient at 0 is 0. */
    public static Tensor abs(Tensor x) {
        Tensor out = x.abs();
        if (isRecording()) record("abs", out, g -> new Tensor[] {g.mul(x.sign())}, x);
        return out;
    }

    /** Sign of x (-1, 0, 1); not differentiable (no gradient flows). */
    public static Tensor sign(Tensor x) {
        return x.sign();
    }

    /** Element-wise maximum; where equal, the gradient goes to {@code a}. */
    public static Tensor maximum(Tensor a, Tensor b) {
        Tensor out = a.maximum(b);
        if (isRecording()) {
            record("maximum", out, g -> {
                Tensor m = a.ge(b);
                return new Tensor[] {g.mul(m).sumTo(a.shape()), g.mul(m.neg().add(1f)).sumTo(b.shape())};
            }, a, b);
        }
        return out;
    }

    public static Tensor maximum(Tensor a, float b) {
        return maximum(a, Tensor.scalar(b));
    }

    /** Element-wise minimum; where equal, the gradient goes to {@code a}. */
    public static Tensor minimum(Tensor a, Tensor b) {
        Tensor out = a.minimum(b);
        if (isRecording()) {
            record("minimum", out, g -> {
                Tensor m = a.le(b);
                return new Tensor[] {g.mul(m).sumTo(a.shape()), g.mul(m.neg().add(1f)).sumTo(b.shape())};
            }, a, b);
        }
        return out;
    }

    public static Tensor minimum(Tensor a, float b) {
        return minimum(a, Tensor.scalar(b));
    }

    /** Limits to {@code [min, max]}; the gradient is 1 inside the range (bounds included) and 0 outside. */
    public static Tensor clip(Tensor x, float min, float max) {
        Tensor out = x.clip(min, max);
        if (isRecording()) record("clip", out, g -> new Tensor[] {g.mul(x.ge(min).mul(x.le(max)))}, x);
        return out;
    }

    /** {@code cond ? a : b}; {@code cond} is not differentiated. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        Tensor out = Tensor.where(cond, a, b);
        if (isRecording()) {
            record("where", out, g -> {
                Tensor zero = Tensor.scalar(0f);
                return new Tensor[] {null, Tensor.where(cond, g, zero).sumTo(a.shape()), Tensor.where(cond, zero, g).sumTo(b.shape())};
            }, cond, a, b);
        }
        return out;
    }

    /** Returns x unchanged but blocks gradients (Keras's {@code ops.stop_gradient}). */
    public static Tensor stopGradient(Tensor x) {
        return x.reshape(x.shape());
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product with numpy semantics: {@code (..., m, k) @ (..., k, n) -> (..., m, n)}, batch axes
     * broadcast; a 1-D operand is a vector.
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 1 || b.rank() == 1) {
            Tensor r = matmul(a.rank() == 1 ? expandDims(a, 0) : a, b.rank() == 1 ? expandDims(b, 1) : b);
            if (b.rank() == 1) r = squeeze(r, -1);
            return a.rank() == 1 ? squeeze(r, b.rank() == 1 ? -1 : -2) : r;
        }
        Tensor out = a.matmul(b);
        if (isRecording()) {
            // One node per operand: the tape records a node only when its input is tracked, so a product whose left
            // operand is the model's input (the first Dense layer) never computes that input's gradient, g · bᵀ.
            record("matmul.a", out, g -> new Tensor[] {g.matmul(b, false, true).sumTo(a.shape())}, a);
            record("matmul.b", out, g -> {
                if (b.rank() == 2 && a.rank() > 2) {
                    int k = a.dim(-1), n = b.dim(-1);
                    return new Tensor[] {a.reshape(-1, k).matmul(g.reshape(-1, n), true, false)};
                }
                return new Tensor[] {a.matmul(g, true, false).sumTo(b.shape())};
            }, b);
        }
        return out;
    }

    // ------------------------------------------------------------------ reductions

    public static Tensor sum(Tensor x) {
        return sum(x, false);
    }

    /** Sum over {@code axes} (all when none given). */
    public static Tensor sum(Tensor x, boolean keepdims, int... axes) {
        Tensor out = x.sum(keepdims, axes);
        if (isRecording()) record("sum", out, g -> new Tensor[] {g.reshape(keptShape(x, axes)).broadcastTo(x.shape())}, x);
        return out;
    }

    public static Tensor mean(Tensor x) {
        return mean(x, false);
    }

    /** Mean over {@code axes} (all when none given). */
    public static Tensor mean(Tensor x, boolean keepdims, int... axes) {
        Tensor out = x.mean(keepdims, axes);
        if (isRecording()) {
            float count = (float) x.size() / Math.max(out.size(), 1);
            record("mean", out, g -> new Tensor[] {g.reshape(keptShape(x, axes)).broadcastTo(x.shape()).div(count)}, x);
        }
        return out;
    }

    /** Maximum over {@code axes}; ties share the gradient equally. */
    public static Tensor max(Tensor x, boolean keepdims, int... axes) {
        return extreme(x, x.max(keepdims, axes), axes, "max");
    }

    /** Minimum over {@code axes}; ties share the gradient equally. */
    public static Tensor min(Tensor x, boolean keepdims, int... axes) {
        return extreme(x, x.min(keepdims, axes), axes, "min");
    }

    private static Tensor extreme(Tensor x, Tensor out, int[] axes, String name) {
        if (isRecording()) {
            record(name, out, g -> {
                int[] kept = keptShape(x, axes);
                Tensor mask = x.eq(out.reshape(kept));
                Tensor share = mask.div(mask.sum(true, axes));
                return new Tensor[] {share.mul(g.reshape(kept))};
            }, x);
        }
        return out;
    }

    /** Population variance over {@code axes} (Keras's {@code ops.var}). */
    public static Tensor var(Tensor x, boolean keepdims, int... axes) {
        Tensor centered = subtract(x, mean(x, true, axes));
        return mean(square(centered), keepdims, axes);
    }

    /** {@code log(sum(exp(x)))} over {@code axes}, computed stably. */
    public static Tensor logSumExp(Tensor x, boolean keepdims, int... axes) {
        Tensor m = x.max(true, axes);
        Tensor finite = Tensor.where(m.eq(Float.POSITIVE_INFINITY).add(m.eq(Float.NEGATIVE_INFINITY)), Tensor.scalar(0f), m);
        Tensor s = log(sum(exp(subtract(x, finite)), true, axes));
        Tensor out = add(s, finite);
        return keepdims ? out : reshape(out, x.sum(false, axes).shape());
    }

    /** Shape of {@code x} reduced over {@code axes} with kept (size-1) dimensions. */
    private static int[] keptShape(Tensor x, int[] axes) {
        int[] s = x.shape();
        for (int a : Shapes.axes(axes, x.rank(), "reduce")) s[a] = 1;
        return s;
    }

    // ------------------------------------------------------------------ shape

    /** Row-major reshape (one {@code -1} inferred). */
    public static Tensor reshape(Tensor x, int... shape) {
        Tensor out = x.reshape(shape);
        if (isRecording()) record("reshape", out, g -> new Tensor[] {g.reshape(x.shape())}, x);
        return out;
    }

    /** Reverses the axes. */
    public static Tensor transpose(Tensor x) {
        int[] perm = new int[x.rank()];
        for (int i = 0; i < perm.length; i++) perm[i] = perm.length - 1 - i;
        return transpose(x, perm);
    }

    /** Permutes axes: output axis i is input axis {@code perm[i]}. */
    public static Tensor transpose(Tensor x, int... perm) {
        Tensor out = fresh(x.permute(perm), x);
        if (isRecording()) {
            int[] inv = new int[perm.length];
            for (int i = 0; i < perm.length; i++) inv[Shapes.axis(perm[i], perm.length, "transpose")] = i;
            record("transpose", out, g -> new Tensor[] {g.permute(inv)}, x);
        }
        return out;
    }

    public static Tensor expandDims(Tensor x, int axis) {
        Tensor out = x.expandDims(axis);
        if (isRecording()) record("expandDims", out, g -> new Tensor[] {g.reshape(x.shape())}, x);
        return out;
    }

    public static Tensor squeeze(Tensor x, int axis) {
        Tensor out = x.squeeze(axis);
        if (isRecording()) record("squeeze", out, g -> new Tensor[] {g.reshape(x.shape())}, x);
        return out;
    }

    public static Tensor broadcastTo(Tensor x, int... shape) {
        Tensor out = fresh(x.broadcastTo(shape), x);
        if (isRecording()) record("broadcastTo", out, g -> new Tensor[] {g.sumTo(x.shape())}, x);
        return out;
    }

    /** Repeats the whole tensor {@code reps[i]} times along each axis (numpy's tile, same rank). */
    public static Tensor tile(Tensor x, int... reps) {
        if (reps.length != x.rank()) {
            throw new IllegalArgumentException("tile: " + reps.length + " repetitions for a tensor of shape " + Shapes.str(x.shape()));
        }
        // View each axis d as (1, d), broadcast to (r, d), then merge.
        int[] s = x.shape();
        int[] split = new int[2 * s.length], target = new int[2 * s.length], merged = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            split[2 * i] = 1;
            split[2 * i + 1] = s[i];
            target[2 * i] = reps[i];
            target[2 * i + 1] = s[i];
            merged[i] = reps[i] * s[i];
        }
        return reshape(broadcastTo(reshape(x, split), target), merged);
    }

    /** Concatenates along an existing axis (Keras's {@code ops.concatenate}). */
    public static Tensor concatenate(int axis, Tensor... xs) {
        Tensor out = fresh(Tensor.concat(axis, xs), xs);
        if (isRecording()) {
            int a = Shapes.axis(axis, xs[0].rank(), "concatenate");
            record("concatenate", out, g -> {
                Tensor[] gs = new Tensor[xs.length];
                int pos = 0;
                for (int i = 0; i < xs.length; i++) {
                    int len = xs[i].dim(a);
                    gs[i] = g.slice(a, pos, pos + len);
                    pos += len;
                }
                return gs;
            }, xs);
        }
        return out;
    }

    /** Stacks same-shaped tensors along a new axis. */
    public static Tensor stack(int axis, Tensor... xs) {
        Tensor[] e = new Tensor[xs.length];
        int a = Shapes.axis(axis, xs[0].rank() + 1, "stack");
        for (int i = 0; i < xs.length; i++) e[i] = expandDims(xs[i], a);
        return concatenate(a, e);
    }

    /** Elements {@code [start, end)} along {@code axis}. */
    public static Tensor slice(Tensor x, int axis, int start, int end) {
        Tensor out = fresh(x.slice(axis, start, end), x);
        if (isRecording()) {
            int[] idx = new int[end - start];
            for (int i = 0; i < idx.length; i++) idx[i] = start + i;
            record("slice", out, g -> new Tensor[] {Tensor.scatterAdd(x.shape(), axis, idx, g)}, x);
        }
        return out;
    }

    /** Entries {@code indices} along {@code axis} (Keras's {@code ops.take}); gradients accumulate on repeats. */
    public static Tensor take(Tensor x, int[] indices, int axis) {
        Tensor out = x.take(indices, axis);
        if (isRecording()) record("take", out, g -> new Tensor[] {Tensor.scatterAdd(x.shape(), axis, indices, g)}, x);
        return out;
    }

    // ------------------------------------------------------------------ activations with fused gradients

    /** {@code max(x, 0)}. */
    public static Tensor relu(Tensor x) {
        Tensor out = x.relu();
        if (isRecording()) record("relu", out, g -> new Tensor[] {Tensor.reluGrad(g, out)}, x);
        return out;
    }

    /**
     * {@code x + bias} with a bias of shape {@code (x.shape[-1],)} (TensorFlow's {@code bias_add}, what a Keras layer
     * with {@code use_bias} computes): the same values as {@link #add}, with a kernel for this shape.
     */
    public static Tensor biasAdd(Tensor x, Tensor bias) {
        Tensor out = Tensor.biasAdd(x, bias, false);
        if (isRecording()) record("biasAdd", out, g -> new Tensor[] {g, g.sumTo(bias.shape())}, x, bias);
        return out;
    }

    /**
     * {@code relu(x + bias)} in one pass, and both gradients in one pass: a layer with {@code use_bias} and
     * {@code activation="relu"}. The same values as {@code relu(add(x, bias))}.
     */
    public static Tensor biasAddRelu(Tensor x, Tensor bias) {
        Tensor out = Tensor.biasAdd(x, bias, true);
        if (isRecording()) {
            record("biasAddRelu", out, g -> {
                float[] db = new float[bias.size()];
                Tensor dx = Tensor.reluGradWithBiasGrad(g, out, db);
                return new Tensor[] {dx, Tensor.wrap(db, bias.shape())};
            }, x, bias);
        }
        return out;
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public static Tensor sigmoid(Tensor x) {
        Tensor out = x.sigmoid();
        if (isRecording()) record("sigmoid", out, g -> new Tensor[] {g.mul(out).mul(out.neg().add(1f))}, x);
        return out;
    }

    public static Tensor tanh(Tensor x) {
        Tensor out = x.tanh();
        if (isRecording()) record("tanh", out, g -> new Tensor[] {g.mul(out.square().neg().add(1f))}, x);
        return out;
    }

    /** Softmax along {@code axis}. */
    public static Tensor softmax(Tensor x, int axis) {
        Tensor out = x.softmax(axis);
        if (isRecording()) record("softmax", out, g -> new Tensor[] {out.mul(g.sub(g.mul(out).sum(true, axis)))}, x);
        return out;
    }

    /** Log-softmax along {@code axis}. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        Tensor out = x.logSoftmax(axis);
        if (isRecording()) record("logSoftmax", out, g -> new Tensor[] {g.sub(out.exp().mul(g.sum(true, axis)))}, x);
        return out;
    }

    /** {@code log(1 + exp(x))}, computed without overflow. */
    public static Tensor softplus(Tensor x) {
        Tensor out = x.map(v -> v > 0 ? v + (float) Math.log1p(Math.exp(-v)) : (float) Math.log1p(Math.exp(v)));
        if (isRecording()) record("softplus", out, g -> new Tensor[] {g.mul(x.sigmoid())}, x);
        return out;
    }

    /** {@code x} for x > 0, {@code alpha * (exp(x) - 1)} otherwise. */
    public static Tensor elu(Tensor x, float alpha) {
        Tensor out = x.map(v -> v > 0 ? v : alpha * (float) Math.expm1(v));
        if (isRecording()) record("elu", out, g -> new Tensor[] {g.mul(Tensor.where(x.gt(0f), Tensor.scalar(1f), out.add(alpha)))}, x);
        return out;
    }

    /** The error function. */
    public static Tensor erf(Tensor x) {
        Tensor out = x.erf();
        if (isRecording()) {
            float c = (float) (2 / Math.sqrt(Math.PI));
            record("erf", out, g -> new Tensor[] {g.mul(x.square().neg().exp().mul(c))}, x);
        }
        return out;
    }
}
