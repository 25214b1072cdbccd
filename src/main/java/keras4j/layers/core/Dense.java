package keras4j.layers.core;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.layers.AbstractLayer;
import keras4j.layers.InputSpec;
import keras4j.layers.LayerOptions;
import keras4j.ops.Ops;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code Dense(units)}: {@code activation(inputs · kernel + bias)} on the last axis.
 * Input {@code (batch, ..., d)} → output {@code (batch, ..., units)}; kernel {@code (d, units)}, bias {@code (units,)}.
 */
public final class Dense extends AbstractLayer<Dense> {
    private final int units;
    private ActivationFunction activation = Activations.get("linear");
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.get("glorot_uniform");
    private Initializer biasInitializer = Initializers.get("zeros");
    private Regularizer kernelRegularizer;
    private Regularizer biasRegularizer;
    private Constraint kernelConstraint;
    private Constraint biasConstraint;
    private Variable kernel;
    private Variable bias;

    public Dense(int units) {
        if (units <= 0) throw new IllegalArgumentException("Received an invalid value for `units`, expected a positive integer. Received: units=" + units);
        this.units = units;
        this.inputSpec = InputSpec.minNdim(2);
        this.supportsMasking = true;
    }

    public int units() {
        return units;
    }

    /** Keras's {@code activation=} (a name such as {@code "relu"} or an {@link ActivationFunction}). */
    public Dense activation(Object activation) {
        this.activation = Activations.get(activation);
        return this;
    }

    public Dense useBias(boolean useBias) {
        this.useBias = useBias;
        return this;
    }

    public Dense kernelInitializer(Object init) {
        this.kernelInitializer = Initializers.get(init);
        return this;
    }

    public Dense biasInitializer(Object init) {
        this.biasInitializer = Initializers.get(init);
        return this;
    }

    public Dense kernelRegularizer(Object reg) {
        this.kernelRegularizer = Regularizers.get(reg);
        return this;
    }

    public Dense biasRegularizer(Object reg) {
        this.biasRegularizer = Regularizers.get(reg);
        return this;
    }

    public Dense kernelConstraint(Object c) {
        this.kernelConstraint = Constraints.get(c);
        return this;
    }

    public Dense biasConstraint(Object c) {
        this.biasConstraint = Constraints.get(c);
        return this;
    }

    @Override
    public void build(int[] inputShape) {
        int d = inputShape[inputShape.length - 1];
        if (d < 0) throw new IllegalArgumentException("Layer \"" + name() + "\": the last axis of the input shape must be known. Received: input_shape=" + formatShape(inputShape));
        kernel = addWeight("kernel", new int[] {d, units}, kernelInitializer::call, LayerOptions.fn(kernelRegularizer), LayerOptions.fn(kernelConstraint), true);
        if (useBias) bias = addWeight("bias", new int[] {units}, biasInitializer::call, LayerOptions.fn(biasRegularizer), LayerOptions.fn(biasConstraint), true);
        this.inputSpec = InputSpec.minNdim(2).axis(-1, d);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor y = Ops.matmul(inputs, kernel.value());
        if (useBias) y = Ops.add(y, bias.value());
        return activation.apply(y);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("units", units);
        c.put("activation", Activations.serialize(activation));
        c.put("use_bias", useBias);
        c.put("kernel_initializer", kernelInitializer.serialize());
        c.put("bias_initializer", biasInitializer.serialize());
        c.put("kernel_regularizer", LayerOptions.serialize(kernelRegularizer));
        c.put("bias_regularizer", LayerOptions.serialize(biasRegularizer));
        c.put("kernel_constraint", LayerOptions.serialize(kernelConstraint));
        c.put("bias_constraint", LayerOptions.serialize(biasConstraint));
        LayerOptions.putActivityRegularizer(this, c);
        return c;
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static Dense fromConfig(Map<String, Object> c) {
        Dense d = new Dense(((Number) c.get("units")).intValue());
        d.applyBaseConfig(c);
        d.activation(LayerOptions.activation(c.get("activation"), c));
        if (c.get("use_bias") != null) d.useBias((Boolean) c.get("use_bias"));
        if (c.get("kernel_initializer") != null) d.kernelInitializer(c.get("kernel_initializer"));
        if (c.get("bias_initializer") != null) d.biasInitializer(c.get("bias_initializer"));
        d.kernelRegularizer(c.get("kernel_regularizer"));
        d.biasRegularizer(c.get("bias_regularizer"));
        d.kernelConstraint(c.get("kernel_constraint"));
        d.biasConstraint(c.get("bias_constraint"));
        if (c.get("activity_regularizer") != null) d.activityRegularizer(c.get("activity_regularizer"));
        return d;
    }
}
