package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.tensor.Tensor;

/**
 * Applies an activation function, Keras's {@code keras.layers.Activation(activation)}.
 *
 * <p>Shapes: output = input (element-wise; {@code "glu"} halves the last axis, as in Keras). The activation is a
 * Keras name ({@code "relu"}, {@code "tanh"}, {@code "softmax"}, ... — see {@link Activations#get(Object)}) or an
 * {@link ActivationFunction}. {@code new Dense(64).activation("tanh")} equals {@code new Dense(64)} followed by
 * {@code new Activation("tanh")}.
 *
 * <p>Mask-aware: an incoming mask passes through unchanged.
 */
public final class Activation extends AbstractLayer<Activation> {
    private final ActivationFunction activation;

    /** {@code Activation("relu")}: a Keras activation name (null or "linear" for the identity). */
    public Activation(String activation) {
        this(Activations.get(activation));
    }

    /** {@code Activation(fn)}: any named activation function. */
    public Activation(ActivationFunction activation) {
        this.activation = activation == null ? Activations.get((Object) null) : activation;
        this.supportsMasking = true;
    }

    public ActivationFunction activation() {
        return activation;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        return activation.apply(inputs);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (!"glu".equals(activation.name())) return inputShape.clone();
        int[] out = inputShape.clone();
        if (out.length > 0 && out[out.length - 1] > 0) out[out.length - 1] /= 2;
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("activation", Activations.serialize(activation));
        return c;
    }

    /**
     * Rebuilds from Keras's config; {@code activation} may be a name (Keras 2 and 3) or a serialized function
     * map. Names resolve with Keras 3's definitions, as Keras 3 does when it loads a Keras 2 model.
     */
    public static Activation fromConfig(Map<String, Object> config) {
        Activation a = new Activation(keras4j.layers.LayerOptions.activation(config.get("activation"), config));
        a.applyBaseConfig(config);
        return a;
    }
}
