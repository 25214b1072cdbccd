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

/**
 * Keras's {@code LayerNormalization(axis=-1, epsilon=0.001, center=True, scale=True, rms_scaling=False, ...)}: per
 * sample, {@code y = gamma·(x − mean)/sqrt(var + epsilon) + beta} with mean and biased variance over {@code axis}
 * (one axis or several). With {@code rms_scaling}, {@code y = gamma·x/sqrt(mean(x²) + epsilon)} and no beta.
 * Any shape in, the same shape out; gamma and beta have the shape of the normalized axes. Passes masks on.
 */
public final class LayerNormalization extends AbstractLayer<LayerNormalization> {
    private int[] axes = {-1};
    private boolean axisIsList;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private boolean rmsScaling;
    private Initializer betaInitializer = Initializers.get("zeros");
    private Initializer gammaInitializer = Initializers.get("ones");
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;
    private Constraint betaConstraint;
    private Constraint gammaConstraint;
    private Variable gamma;
    private Variable beta;
    private int[] resolved;

    public LayerNormalization() {
        this.supportsMasking = true;
    }

    /** Keras's {@code axis=}: one axis, or several (a list in the config). */
    public LayerNormalization axis(int... axes) {
        if (axes.length == 0) throw new IllegalArgumentException("LayerNormalization: `axis` must not be empty. Received: axis=[]");
        this.axes = axes.clone();
        this.axisIsList = axes.length > 1;
        return this;
    }

    public LayerNormalization epsilon(double epsilon) {
        this.epsilon = epsilon;
        return this;
    }

    public LayerNormalization center(boolean center) {
        this.center = center;
        return this;
    }

    public LayerNormalization scale(boolean scale) {
        this.scale = scale;
        return this;
    }

    /** Keras's {@code rms_scaling=}: scale by the root mean square only (center is ignored). */
    public LayerNormalization rmsScaling(boolean rmsScaling) {
        this.rmsScaling = rmsScaling;
        return this;
    }

    public LayerNormalization betaInitializer(Object init) {
        this.betaInitializer = Initializers.get(init);
        return this;
    }

    public LayerNormalization gammaInitializer(Object init) {
        this.gammaInitializer = Initializers.get(init);
        return this;
    }

    public LayerNormalization betaRegularizer(Object reg) {
        this.betaRegularizer = Regularizers.get(reg);
        return this;
    }

    public LayerNormalization gammaRegularizer(Object reg) {
        this.gammaRegularizer = Regularizers.get(reg);
        return this;
    }

    public LayerNormalization betaConstraint(Object c) {
        this.betaConstraint = Constraints.get(c);
        return this;
    }

    public LayerNormalization gammaConstraint(Object c) {
        this.gammaConstraint = Constraints.get(c);
        return this;
    }

    @Override
    public void build(int[] inputShape) {
        int rank = inputShape.length;
        resolved = new int[axes.length];
        int[] shape = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": invalid axis " + axes[i] + " for inputs of rank " + rank + ". Received: input_shape=" + formatShape(inputShape));
            }
            if (inputShape[a] < 0) {
                throw new IllegalArgumentException("Layer \"" + name() + "\": axis " + axes[i] + " of the input shape must be known. Received: input_shape=" + formatShape(inputShape));
            }
            resolved[i] = a;
            shape[i] = inputShape[a];
        }
        java.util.Arrays.sort(resolved);
        for (int i = 0; i < resolved.length; i++) shape[i] = inputShape[resolved[i]];
        if (scale || rmsScaling) gamma = addWeight("gamma", shape, gammaInitializer::call, LayerOptions.fn(gammaRegularizer), LayerOptions.fn(gammaConstraint), true);
        if (center && !rmsScaling) beta = addWeight("beta", shape, betaInitializer::call, LayerOptions.fn(betaRegularizer), LayerOptions.fn(betaConstraint), true);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        int rank = inputs.rank();
        int[] bshape = new int[rank];
        java.util.Arrays.fill(bshape, 1);
        for (int a : resolved) bshape[a] = inputs.dim(a);
        if (rmsScaling) {
            Tensor ms = Ops.mean(Ops.square(inputs), true, resolved);
            Tensor inv = Ops.divide(1f, Ops.sqrt(Ops.add(ms, (float) epsilon)));
            return Ops.multiply(Ops.multiply(inputs, inv), Ops.reshape(gamma.value(), bshape));
        }
        Tensor mean = Ops.mean(inputs, true, resolved);
        Tensor variance = Ops.mean(Ops.square(Ops.subtract(inputs, mean)), true, resolved);
        Tensor inv = Ops.divide(1f, Ops.sqrt(Ops.add(variance, (float) epsilon)));
        if (scale) inv = Ops.multiply(inv, Ops.reshape(gamma.value(), bshape));
        Tensor offset = Ops.negative(Ops.multiply(mean, inv));
        if (center) offset = Ops.add(offset, Ops.reshape(beta.value(), bshape));
        return Ops.add(Ops.multiply(inputs, inv), offset);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axisIsList ? Config.ints(axes) : (Object) axes[0]);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
        c.put("rms_scaling", rmsScaling);
        c.put("beta_initializer", betaInitializer.serialize());
        c.put("gamma_initializer", gammaInitializer.serialize());
        c.put("beta_regularizer", LayerOptions.serialize(betaRegularizer));
        c.put("gamma_regularizer", LayerOptions.serialize(gammaRegularizer));
        c.put("beta_constraint", LayerOptions.serialize(betaConstraint));
        c.put("gamma_constraint", LayerOptions.serialize(gammaConstraint));
        return c;
    }

    /** Rebuilds from a Keras 3 or Keras 2 config ({@code axis} an int or a list). */
    public static LayerNormalization fromConfig(Map<String, Object> c) {
        LayerNormalization l = new LayerNormalization();
        l.applyBaseConfig(c);
        Object ax = c.get("axis");
        if (ax instanceof List<?> list) {
            int[] a = new int[list.size()];
            for (int i = 0; i < a.length; i++) a[i] = ((Number) list.get(i)).intValue();
            l.axis(a);
            l.axisIsList = true;
        } else if (ax != null) {
            l.axis(((Number) ax).intValue());
        }
        l.epsilon(Config.getDouble(c, "epsilon", 1e-3));
        l.center(Config.getBool(c, "center", true));
        l.scale(Config.getBool(c, "scale", true));
        l.rmsScaling(Config.getBool(c, "rms_scaling", false));
        if (c.get("beta_initializer") != null) l.betaInitializer(c.get("beta_initializer"));
        if (c.get("gamma_initializer") != null) l.gammaInitializer(c.get("gamma_initializer"));
        l.betaRegularizer(c.get("beta_regularizer"));
        l.gammaRegularizer(c.get("gamma_regularizer"));
        l.betaConstraint(c.get("beta_constraint"));
        l.gammaConstraint(c.get("gamma_constraint"));
        return l;
    }
}
