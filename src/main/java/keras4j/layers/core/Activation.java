package keras4j.layers.core;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.layers.AbstractLayer;
import keras4j.layers.LayerOptions;
import keras4j.tensor.Tensor;

/** Keras's {@code Activation(activation)}: applies an activation; any shape in, the same shape out. Mask-aware (passes masks on). */
public final class Activation extends AbstractLayer<Activation> {
    private final ActivationFunction activation;

    /** A Keras name ({@code "tanh"}) or an {@link ActivationFunction}. */
    public Activation(Object activation) {
        this.activation = Activations.get(activation);
        this.supportsMasking = true;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return activation.apply(inputs);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("activation", Activations.serialize(activation));
        return c;
    }

    public static Activation fromConfig(Map<String, Object> c) {
        Activation a = new Activation(LayerOptions.activation(c.get("activation"), c));
        a.applyBaseConfig(c);
        return a;
    }
}
