package keras4j.layers;

import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.initializers.Initializer;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code LSTM(units)}, gate order i, f, c, o: {@code i=σ(z_i) f=σ(z_f) g=act(z_c) o=σ(z_o);
 * c=f·c+i·g; h=o·act(c)} with {@code z = x W + h U + b}, σ the recurrent activation.
 * Weights {@code kernel (features, 4u)}, {@code recurrent_kernel (u, 4u)}, {@code bias (4u,)}; states {@code [h, c]}.
 */
public final class LSTM extends BaseRNN<LSTM> {
    private ActivationFunction recurrentActivation = Activations.get("sigmoid");
    private boolean unitForgetBias = true;

    public LSTM(int units) {
        super(units);
    }

    /** Keras's {@code recurrent_activation=} (default {@code "sigmoid"}). */
    public LSTM recurrentActivation(Object a) {
        this.recurrentActivation = Activations.get(a);
        return this;
    }

    /** Keras's {@code unit_forget_bias=}: the forget gate's bias starts at 1 (default true). */
    public LSTM unitForgetBias(boolean b) {
        this.unitForgetBias = b;
        return this;
    }

    @Override
    protected int gates() {
        return 4;
    }

    @Override
    protected int stateCount() {
        return 2;
    }

    @Override
    protected String cellName() {
        return "lstm_cell";
    }

    @Override
    protected Initializer biasInitializerForBuild() {
        if (!unitForgetBias) return biasInitializer;
        Initializer base = biasInitializer;
        int u = units;
        return new Initializer() {
            @Override
            public Tensor call(int... shape) {
                return Tensor.concat(0, base.call(u), Tensor.ones(u), base.call(2 * u));
            }

            @Override
            public String className() {
                return base.className();
            }
        };
    }

    @Override
    protected Stepper stepper() {
        Tensor rk = recurrentKernel.value();
        return (xt, states, recMask) -> {
            Tensor h = recMask == null ? states[0] : Ops.multiply(states[0], recMask);
            Tensor z = Ops.add(xt, Ops.matmul(h, rk));
            Tensor i = recurrentActivation.apply(gate(z, 0));
            Tensor f = recurrentActivation.apply(gate(z, 1));
            Tensor g = activation.apply(gate(z, 2));
            Tensor o = recurrentActivation.apply(gate(z, 3));
            Tensor c = Ops.add(Ops.multiply(f, states[1]), Ops.multiply(i, g));
            return new Tensor[] {Ops.multiply(o, activation.apply(c)), c};
        };
    }

    @Override
    protected void putGateConfig(Map<String, Object> c) {
        c.put("recurrent_activation", Activations.serialize(recurrentActivation));
    }

    @Override
    protected void putBiasConfig(Map<String, Object> c) {
        c.put("unit_forget_bias", unitForgetBias);
    }

    /** Rebuilds from a Keras 3 or Keras 2 config (Keras 2's {@code hard_sigmoid} kept for Keras 2 files). */
    public static LSTM fromConfig(Map<String, Object> c) {
        LSTM l = applyConfig(new LSTM(((Number) c.get("units")).intValue()), c);
        if (c.get("recurrent_activation") != null) l.recurrentActivation(LayerOptions.activation(c.get("recurrent_activation"), c));
        if (c.get("unit_forget_bias") != null) l.unitForgetBias((Boolean) c.get("unit_forget_bias"));
        return l;
    }
}
