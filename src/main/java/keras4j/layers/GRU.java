package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code GRU(units)}, gate order z, r, h: {@code h = z·h_prev + (1−z)·hh}. With {@code resetAfter}
 * (Keras 3's default) {@code hh = act(x W_h + b_h + r·(h U_h + rb_h))} and bias {@code (2, 3u)} = [input; recurrent];
 * without it (Keras 2.1 files) {@code hh = act(x W_h + b_h + (r·h) U_h)} and bias {@code (3u,)}.
 * Weights {@code kernel (features, 3u)}, {@code recurrent_kernel (u, 3u)}.
 */
public final class GRU extends BaseRNN<GRU> {
    private ActivationFunction recurrentActivation = Activations.get("sigmoid");
    private boolean resetAfter = true;

    public GRU(int units) {
        super(units);
    }

    /** Keras's {@code recurrent_activation=} (default {@code "sigmoid"}). */
    public GRU recurrentActivation(Object a) {
        this.recurrentActivation = Activations.get(a);
        return this;
    }

    /** Keras's {@code reset_after=} (default true; Keras 2.1 files use false). */
    public GRU resetAfter(boolean b) {
        this.resetAfter = b;
        return this;
    }

    @Override
    protected int gates() {
        return 3;
    }

    @Override
    protected String cellName() {
        return "gru_cell";
    }

    @Override
    protected int[] biasShape() {
        return resetAfter ? new int[] {2, 3 * units} : new int[] {3 * units};
    }

    @Override
    protected Tensor inputBias() {
        if (!useBias) return null;
        return resetAfter ? Ops.reshape(Ops.slice(bias.value(), 0, 0, 1), 3 * units) : bias.value();
    }

    @Override
    protected Stepper stepper() {
        Tensor rk = recurrentKernel.value();
        if (resetAfter) {
            Tensor rb = useBias ? Ops.reshape(Ops.slice(bias.value(), 0, 1, 2), 3 * units) : null;
            return (xt, states, recMask) -> {
                Tensor hPrev = states[0];
                Tensor h = recMask == null ? hPrev : Ops.multiply(hPrev, recMask);
                Tensor hu = Ops.matmul(h, rk);
                if (rb != null) hu = Ops.add(hu, rb);
                Tensor z = recurrentActivation.apply(Ops.add(gate(xt, 0), gate(hu, 0)));
                Tensor r = recurrentActivation.apply(Ops.add(gate(xt, 1), gate(hu, 1)));
                Tensor hh = activation.apply(Ops.add(gate(xt, 2), Ops.multiply(r, gate(hu, 2))));
                return new Tensor[] {mix(z, hPrev, hh)};
            };
        }
        Tensor rkZr = Ops.slice(rk, 1, 0, 2 * units);
        Tensor rkH = Ops.slice(rk, 1, 2 * units, 3 * units);
        return (xt, states, recMask) -> {
            Tensor hPrev = states[0];
            Tensor h = recMask == null ? hPrev : Ops.multiply(hPrev, recMask);
            Tensor hu = Ops.matmul(h, rkZr);
            Tensor z = recurrentActivation.apply(Ops.add(gate(xt, 0), gate(hu, 0)));
            Tensor r = recurrentActivation.apply(Ops.add(gate(xt, 1), gate(hu, 1)));
            Tensor hh = activation.apply(Ops.add(gate(xt, 2), Ops.matmul(Ops.multiply(r, h), rkH)));
            return new Tensor[] {mix(z, hPrev, hh)};
        };
    }

    /** {@code z·hPrev + (1−z)·hh}. */
    private static Tensor mix(Tensor z, Tensor hPrev, Tensor hh) {
        return Ops.add(Ops.multiply(z, hPrev), Ops.multiply(Ops.subtract(1f, z), hh));
    }

    @Override
    protected void putGateConfig(Map<String, Object> c) {
        c.put("recurrent_activation", Activations.serialize(recurrentActivation));
    }

    @Override
    protected void putBiasConfig(Map<String, Object> c) {
        c.put("reset_after", resetAfter);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config; a config without {@code reset_after} (Keras 2.1) means false. */
    public static GRU fromConfig(Map<String, Object> c) {
        GRU g = applyConfig(new GRU(((Number) c.get("units")).intValue()), c);
        if (c.get("recurrent_activation") != null) g.recurrentActivation(LayerOptions.activation(c.get("recurrent_activation"), c));
        g.resetAfter(c.get("reset_after") == null ? false : (Boolean) c.get("reset_after"));
        return g;
    }
}
