package keras4j.layers;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.ops.Ops;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;

/**
 * The parametric rectifier, Keras's {@code keras.layers.PReLU(alpha_initializer='Zeros', alpha_regularizer=None,
 * alpha_constraint=None, shared_axes=None)}: {@code f(x) = x} for {@code x >= 0}, {@code alpha·x} otherwise, with a
 * learned {@code alpha}.
 *
 * <p>Shapes: output = input. The weight {@code alpha} has the input's shape without the batch axis, with size 1 on
 * the {@code sharedAxes} (1-indexed, batch excluded): for feature maps {@code (batch, h, w, c)},
 * {@code sharedAxes(1, 2)} learns one alpha per channel, shape {@code (1, 1, c)}. The input's rank and its sizes on
 * the non-shared axes are fixed at build time.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class PReLU extends AbstractLayer<PReLU> {
    private Initializer alphaInitializer = Initializers.get("Zeros");
    private Regularizer alphaRegularizer;
    private Constraint alphaConstraint;
    private int[] sharedAxes;
    private Variable alpha;

    /** {@code PReLU()}: alpha starts at zero (a plain ReLU) and is learned per input element. */
    public PReLU() {
        this.supportsMasking = true;
    }

    private void notBuilt(String option) {
        if (built()) throw new IllegalStateException("Layer \"" + name() + "\" (PReLU): set `" + option + "` before the layer is built");
    }

    /** Keras's {@code alpha_initializer}: a name, a serialized map or an {@link Initializer}. */
    public PReLU alphaInitializer(Object initializer) {
        notBuilt("alpha_initializer");
        Initializer i = Initializers.get(initializer);
        if (i == null) throw new IllegalArgumentException("PReLU: `alpha_initializer` must not be None");
        this.alphaInitializer = i;
        return this;
    }

    /** Keras's {@code alpha_regularizer}: a name, a serialized map, a {@link Regularizer}, or null. */
    public PReLU alphaRegularizer(Object regularizer) {
        notBuilt("alpha_regularizer");
        this.alphaRegularizer = Regularizers.get(regularizer);
        return this;
    }

    /** Keras's {@code alpha_constraint}: a name, a serialized map, a {@link Constraint}, or null. */
    public PReLU alphaConstraint(Object constraint) {
        notBuilt("alpha_constraint");
        this.alphaConstraint = Constraints.get(constraint);
        return this;
    }

    /** Keras's {@code shared_axes}: axes (1-indexed, batch excluded) along which alpha is shared; none for null. */
    public PReLU sharedAxes(int... axes) {
        notBuilt("shared_axes");
        if (axes != null) {
            for (int a : axes) {
                if (a < 1) throw new IllegalArgumentException("PReLU: `shared_axes` are 1-indexed axes excluding the batch axis. Received: shared_axes=" + Config.ints(axes));
            }
        }
        this.sharedAxes = axes == null ? null : axes.clone();
        return this;
    }

    public int[] sharedAxes() {
        return sharedAxes == null ? null : sharedAxes.clone();
    }

    /** The alpha variable; the layer must be built. */
    public Variable alpha() {
        if (alpha == null) throw new IllegalStateException("You must build the layer \"" + name() + "\" before accessing `alpha`.");
        return alpha;
    }

    @Override
    public void build(int[] inputShape) {
        int rank = inputShape.length;
        if (rank < 1) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected min_ndim=1, found ndim=" + rank
                    + ". Full shape received: " + formatShape(inputShape));
        }
        int[] paramShape = new int[rank - 1];
        System.arraycopy(inputShape, 1, paramShape, 0, rank - 1);
        if (sharedAxes != null) {
            for (int a : sharedAxes) {
                if (a >= rank) {
                    throw new IllegalArgumentException("Layer \"" + name() + "\" (PReLU): shared axis " + a + " is out of range for inputs of shape " + formatShape(inputShape)
                            + " (axes 1.." + (rank - 1) + ")");
                }
                paramShape[a - 1] = 1;
            }
        }
        InputSpec spec = InputSpec.ndim(rank);
        for (int i = 1; i < rank; i++) {
            if (isShared(i)) continue;
            if (inputShape[i] < 0) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" (PReLU): axis " + i + " of the input shape " + formatShape(inputShape)
                        + " is None; alpha needs its size. Share alpha along it with sharedAxes(" + i + ").");
            }
            spec.axis(i, inputShape[i]);
        }
        alpha = addWeight("alpha", paramShape, alphaInitializer::call, alphaRegularizer == null ? null : alphaRegularizer::call, alphaConstraint, true);
        this.inputSpec = spec;
    }

    private boolean isShared(int axis) {
        if (sharedAxes == null) return false;
        for (int a : sharedAxes) if (a == axis) return true;
        return false;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor pos = Ops.relu(inputs);
        Tensor neg = Ops.multiply(Ops.negative(alpha.value()), Ops.relu(Ops.negative(inputs)));
        return Ops.add(pos, neg);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    private static Object serialize(KerasObject o) {
        return o == null ? null : o.serialize();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha_initializer", alphaInitializer.serialize());
        c.put("alpha_regularizer", serialize(alphaRegularizer));
        c.put("alpha_constraint", serialize(alphaConstraint));
        c.put("shared_axes", sharedAxes == null ? null : Config.ints(sharedAxes));
        return c;
    }

    /** Rebuilds from Keras's config (the same keys in Keras 2; {@code shared_axes} an integer, a list or null). */
    public static PReLU fromConfig(Map<String, Object> config) {
        PReLU p = new PReLU();
        if (config.get("alpha_initializer") != null) p.alphaInitializer(config.get("alpha_initializer"));
        p.alphaRegularizer(config.get("alpha_regularizer"));
        p.alphaConstraint(config.get("alpha_constraint"));
        Object shared = config.get("shared_axes");
        if (shared instanceof Number || shared instanceof List<?>) p.sharedAxes(Config.toInts(shared));
        else if (shared != null) throw new IllegalArgumentException("PReLU: `shared_axes` must be an integer or a list of integers. Received: shared_axes=" + shared);
        p.applyBaseConfig(config);
        return p;
    }
}
