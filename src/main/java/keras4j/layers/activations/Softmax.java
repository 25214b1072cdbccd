package keras4j.layers.activations;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code Softmax(axis=-1)}; with a mask, masked positions get {@code -1e9} added before the softmax
 * (so they receive ~0 probability), as Keras does.
 */
public final class Softmax extends AbstractLayer<Softmax> {
    private final int axis;

    public Softmax(int axis) {
        this.axis = axis;
        this.supportsMasking = true;
    }

    public Softmax() {
        this(-1);
    }

    @Override
    protected Tensor call(Tensor inputs, Tensor mask, boolean training) {
        Tensor x = inputs;
        if (mask != null) {
            Tensor m = mask.rank() < inputs.rank() ? mask.expandDims(-1) : mask;
            x = Ops.add(x, m.neg().add(1f).mul(-1e9f));
        }
        return Ops.softmax(x, axis);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        return c;
    }

    public static Softmax fromConfig(Map<String, Object> c) {
        Softmax s = new Softmax(Config.getInt(c, "axis", -1));
        s.applyBaseConfig(c);
        return s;
    }
}
