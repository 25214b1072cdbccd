package keras4j.layers.activations;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.layers.AbstractLayer;
import keras4j.layers.LayerOptions;
import keras4j.ops.Ops;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code PReLU(alpha_initializer="Zeros", alpha_regularizer=None, alpha_constraint=None, shared_axes=None)}:
 * {@code max(x, 0) + alpha · min(x, 0)} with a learned {@code alpha} of the input's shape (without batch), size 1
 * along shared axes (1-indexed, batch excluded).
 */
public final class PReLU extends AbstractLayer<PReLU> {
    private Initializer alphaInitializer = Initializers.get("zeros");
    private Regularizer alphaRegularizer;
    private Constraint alphaConstraint;
    private int[] sharedAxes;
    private Variable alpha;

    public PReLU() {
        this.supportsMasking = true;
    }

    public PReLU alphaInitializer(Object i) {
        this.alphaInitializer = Initializers.get(i);
        return this;
    }

    public PReLU alphaRegularizer(Object r) {
        this.alphaRegularizer = Regularizers.get(r);
        return this;
    }

    public PReLU alphaConstraint(Object c) {
        this.alphaConstraint = Constraints.get(c);
        return this;
    }

    public PReLU sharedAxes(int... axes) {
        this.sharedAxes = axes.clone();
        return this;
    }

    @Override
    public void build(int[] inputShape) {
        int[] shape = java.util.Arrays.copyOfRange(inputShape, 1, inputShape.length);
        if (sharedAxes != null) for (int a : sharedAxes) shape[a - 1] = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) throw new IllegalArgumentException("PReLU \"" + name() + "\" needs a fully known input shape (or shared_axes over unknown axes). Received: " + formatShape(inputShape));
        }
        alpha = addWeight("alpha", shape, alphaInitializer::call, LayerOptions.fn(alphaRegularizer), LayerOptions.fn(alphaConstraint), true);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return Ops.add(Ops.relu(inputs), Ops.multiply(alpha.value(), Ops.minimum(inputs, 0f)));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("alpha_initializer", alphaInitializer.serialize());
        c.put("alpha_regularizer", LayerOptions.serialize(alphaRegularizer));
        c.put("alpha_constraint", LayerOptions.serialize(alphaConstraint));
        c.put("shared_axes", sharedAxes == null ? null : Config.ints(sharedAxes));
        return c;
    }

    public static PReLU fromConfig(Map<String, Object> c) {
        PReLU p = new PReLU();
        p.applyBaseConfig(c);
        if (c.get("alpha_initializer") != null) p.alphaInitializer(c.get("alpha_initializer"));
        p.alphaRegularizer(c.get("alpha_regularizer"));
        p.alphaConstraint(c.get("alpha_constraint"));
        if (c.get("shared_axes") != null) p.sharedAxes(Config.toInts(c.get("shared_axes")));
        return p;
    }
}
