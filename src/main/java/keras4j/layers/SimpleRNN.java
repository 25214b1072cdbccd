package keras4j.layers;

import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code SimpleRNN(units)}: {@code h_t = activation(x_t W + h_{t-1} U + b)}.
 * Weights {@code kernel (features, units)}, {@code recurrent_kernel (units, units)}, {@code bias (units,)}.
 */
public final class SimpleRNN extends BaseRNN<SimpleRNN> {
    public SimpleRNN(int units) {
        super(units);
    }

    @Override
    protected int gates() {
        return 1;
    }

    @Override
    protected String cellName() {
        return "simple_rnn_cell";
    }

    @Override
    protected Stepper stepper() {
        Tensor u = recurrentKernel.value();
        return (xt, states, recMask) -> {
            Tensor h = recMask == null ? states[0] : Ops.multiply(states[0], recMask);
            return new Tensor[] {activation.apply(Ops.add(xt, Ops.matmul(h, u)))};
        };
    }

    /** Rebuilds from a Keras 3 or Keras 2 config. */
    public static SimpleRNN fromConfig(Map<String, Object> c) {
        return applyConfig(new SimpleRNN(((Number) c.get("units")).intValue()), c);
    }
}
