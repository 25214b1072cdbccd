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
 * Keras's {@code BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, ...)}:
 * {@code y = gamma·(x − mean)/sqrt(var + epsilon) + beta} per feature along {@code axis}. Training (when the layer is
 * trainable) uses the batch mean and biased variance over every other axis and updates
 * {@code moving = moving·momentum + stat·(1 − momentum)}; inference (or a frozen layer) uses the moving statistics.
 * Any shape in, the same shape out. Weights: gamma (if scale), beta (if center), then non-trainable moving_mean and
 * moving_variance, each of shape {@code (input_shape[axis],)}. A mask {@code (batch, steps)} weights the batch statistics.
 */
public final class BatchNormalization extends AbstractLayer<BatchNormalization> {
    private int axis = -1;
    private double momentum = 0.99;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = Initializers.get("zeros");
    private Initializer gammaInitializer = Initializers.get("ones");
    private Initializer movingMeanInitializer = Initializers.get("zeros");
    private Initializer movingVarianceInitializer = Initializers.get("ones");
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;
    private Constraint betaConstraint;
    private Constraint gammaConstraint;
    private Variable gamma;
    private Variable beta;
    private Variable movingMean;
    private Variable movingVariance;
    private int featureAxis;

    public BatchNormalization() {
        this.supportsMasking = true;
    }

    /** Keras's {@code axis=}: the features axis (negative counts from the end; the batch axis is 0). */
    public BatchNormalization axis(int axis) {
        this.axis = axis;
        return this;
    }

    public BatchNormalization momentum(double momentum) {
        this.momentum = momentum;
        return this;
    }

    public BatchNormalization epsilon(double epsilon) {
        if (!(epsilon > 0)) throw new IllegalArgumentException("Argument `epsilon` must be positive. Received: epsilon=" + epsilon);
        this.epsilon = epsilon;
        return this;
    }

    /** Keras's {@code center=}: add the learned offset beta. */
    public BatchNormalization center(boolean center) {
        this.center = center;
        return this;
    }

    /** Keras's {@code scale=}: multiply by the learned gamma. */
    public BatchNormalization scale(boolean scale) {
        this.scale = scale;
        return this;
    }

    public BatchNormalization betaInitializer(Object init) {
        this.betaInitializer = Initializers.get(init);
        return this;
    }

    public BatchNormalization gammaInitializer(Object init) {
        this.gammaInitializer = Initializers.get(init);
        return this;
    }

    public BatchNormalization movingMeanInitializer(Object init) {
        this.movingMeanInitializer = Initializers.get(init);
        return this;
    }

    public BatchNormalization movingVarianceInitializer(Object init) {
        this.movingVarianceInitializer = Initializers.get(init);
        return this;
    }

    public BatchNormalization betaRegularizer(Object reg) {
        this.betaRegularizer = Regularizers.get(reg);
        return this;
    }

    public BatchNormalization gammaRegularizer(Object reg) {
        this.gammaRegularizer = Regularizers.get(reg);
        return this;
    }

    public BatchNormalization betaConstraint(Object c) {
        this.betaConstraint = Constraints.get(c);
        return this;
    }

    public BatchNormalization gammaConstraint(Object c) {
        this.gammaConstraint = Constraints.get(c);
        return this;
    }

    public int axis() {
        return axis;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    /** The moving mean (null before the layer is built). */
    public Tensor movingMean() {
        return movingMean == null ? null : movingMean.peek();
    }

    /** The moving variance (null before the layer is built). */
    public Tensor movingVariance() {
        return movingVariance == null ? null : movingVariance.peek();
    }

    @Override
    public void build(int[] inputShape) {
        int rank = inputShape.length;
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": invalid axis. Expected 0 <= axis < inputs.rank (with inputs.rank=" + rank + "). Received: axis=" + axis);
        }
        int d = inputShape[a];
        if (d < 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": axis " + axis + " of the input shape must be known. Received: input_shape=" + formatShape(inputShape));
        }
        featureAxis = a;
        int[] shape = {d};
        if (scale) gamma = addWeight("gamma", shape, gammaInitializer::call, LayerOptions.fn(gammaRegularizer), LayerOptions.fn(gammaConstraint), true);
        if (center) beta = addWeight("beta", shape, betaInitializer::call, LayerOptions.fn(betaRegularizer), LayerOptions.fn(betaConstraint), true);
        movingMean = addWeight("moving_mean", shape, movingMeanInitializer::call, false);
        movingVariance = addWeight("moving_variance", shape, movingVarianceInitializer::call, false);
        this.inputSpec = InputSpec.ndim(rank).axis(a, d);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return call(inputs, null, training);
    }

    @Override
    protected Tensor call(Tensor inputs, Tensor mask, boolean training) {
        int rank = inputs.rank();
        int d = inputs.dim(featureAxis);
        int[] bshape = new int[rank];
        java.util.Arrays.fill(bshape, 1);
        bshape[featureAxis] = d;
        int[] reduction = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) if (i != featureAxis) reduction[j++] = i;
        Tensor mean;
        Tensor variance;
        if (training && trainable()) {
            if (mask == null) {
                mean = Ops.mean(inputs, true, reduction);
                variance = Ops.mean(Ops.square(Ops.subtract(inputs, mean)), true, reduction);
            } else {
                if (mask.rank() != rank - 1) {
                    throw new IllegalArgumentException("The mask provided should be one dimension less than the inputs. Received: mask.shape="
                            + formatShape(mask.shape()) + ", inputs.shape=" + formatShape(inputs.shape()));
                }
                Tensor w = mask.ne(0f).expandDims(-1);
                Tensor weighted = Ops.multiply(inputs, w);
                Tensor count = w.sum(true, reduction).add(1e-7f);
                mean = Ops.divide(Ops.sum(weighted, true, reduction), count);
                Tensor sq = Ops.square(Ops.subtract(weighted, mean));
                variance = Ops.divide(Ops.sum(Ops.multiply(sq, w), true, reduction), count);
            }
            float m = (float) momentum, rest = (float) (1 - momentum);
            movingMean.assign(movingMean.peek().mul(m).add(mean.reshape(d).mul(rest)));
            movingVariance.assign(movingVariance.peek().mul(m).add(variance.reshape(d).mul(rest)));
        } else {
            mean = movingMean.peek().reshape(bshape);
            variance = movingVariance.peek().reshape(bshape);
        }
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
        c.put("axis", axis);
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
        c.put("beta_initializer", betaInitializer.serialize());
        c.put("gamma_initializer", gammaInitializer.serialize());
        c.put("moving_mean_initializer", movingMeanInitializer.serialize());
        c.put("moving_variance_initializer", movingVarianceInitializer.serialize());
        c.put("beta_regularizer", LayerOptions.serialize(betaRegularizer));
        c.put("gamma_regularizer", LayerOptions.serialize(gammaRegularizer));
        c.put("beta_constraint", LayerOptions.serialize(betaConstraint));
        c.put("gamma_constraint", LayerOptions.serialize(gammaConstraint));
        c.put("synchronized", false);
        return c;
    }

    /** Rebuilds from a Keras 3 or Keras 2 config (Keras 2 may store {@code axis} as a one-element list). */
    public static BatchNormalization fromConfig(Map<String, Object> c) {
        if (Config.getBool(c, "renorm", false)) {
            throw new IllegalArgumentException("BatchNormalization: `renorm=True` is not supported by keras4j. Received: renorm=True");
        }
        BatchNormalization b = new BatchNormalization();
        b.applyBaseConfig(c);
        Object ax = c.get("axis");
        if (ax instanceof List<?> l) {
            if (l.size() != 1) throw new IllegalArgumentException("BatchNormalization: only a single `axis` is supported. Received: axis=" + l);
            b.axis(((Number) l.get(0)).intValue());
        } else if (ax != null) {
            b.axis(((Number) ax).intValue());
        }
        b.momentum(Config.getDouble(c, "momentum", 0.99));
        b.epsilon(Config.getDouble(c, "epsilon", 1e-3));
        b.center(Config.getBool(c, "center", true));
        b.scale(Config.getBool(c, "scale", true));
        if (c.get("beta_initializer") != null) b.betaInitializer(c.get("beta_initializer"));
        if (c.get("gamma_initializer") != null) b.gammaInitializer(c.get("gamma_initializer"));
        if (c.get("moving_mean_initializer") != null) b.movingMeanInitializer(c.get("moving_mean_initializer"));
        if (c.get("moving_variance_initializer") != null) b.movingVarianceInitializer(c.get("moving_variance_initializer"));
        b.betaRegularizer(c.get("beta_regularizer"));
        b.gammaRegularizer(c.get("gamma_regularizer"));
        b.betaConstraint(c.get("beta_constraint"));
        b.gammaConstraint(c.get("gamma_constraint"));
        return b;
    }
}
