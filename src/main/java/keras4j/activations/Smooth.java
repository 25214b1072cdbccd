package keras4j.activations;

import static keras4j.ops.Ops.abs;
import static keras4j.ops.Ops.add;
import static keras4j.ops.Ops.divide;
import static keras4j.ops.Ops.erf;
import static keras4j.ops.Ops.expm1;
import static keras4j.ops.Ops.minimum;
import static keras4j.ops.Ops.multiply;
import static keras4j.ops.Ops.negative;
import static keras4j.ops.Ops.power;
import static keras4j.ops.Ops.sigmoid;
import static keras4j.ops.Ops.softplus;
import static keras4j.ops.Ops.sqrt;
import static keras4j.ops.Ops.square;
import static keras4j.ops.Ops.subtract;
import static keras4j.ops.Ops.tanh;

import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/** Smooth activations (exponential, sigmoid and tanh families), composed from {@link Ops}. */
final class Smooth {
    private Smooth() {}

    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    static Tensor selu(Tensor x) {
        return multiply(Ops.elu(x, (float) SELU_ALPHA), (float) SELU_SCALE);
    }

    static Tensor celu(Tensor x, float alpha) {
        return add(Ops.relu(x), multiply(expm1(divide(minimum(x, 0f), alpha)), alpha));
    }

    static Tensor gelu(Tensor x, boolean approximate) {
        if (approximate) {
            float c = (float) Math.sqrt(2 / Math.PI);
            Tensor inner = multiply(add(x, multiply(power(x, 3f), 0.044715f)), c);
            return multiply(x, multiply(add(tanh(inner), 1f), 0.5f));
        }
        float invSqrt2 = (float) (1 / Math.sqrt(2));
        return divide(multiply(x, add(erf(multiply(x, invSqrt2)), 1f)), 2f);
    }

    static Tensor silu(Tensor x) {
        return multiply(x, sigmoid(x));
    }

    static Tensor softsign(Tensor x) {
        return divide(x, add(abs(x), 1f));
    }

    static Tensor logSigmoid(Tensor x) {
        return negative(softplus(negative(x)));
    }

    static Tensor tanhShrink(Tensor x) {
        return subtract(x, tanh(x));
    }

    static Tensor mish(Tensor x) {
        return multiply(x, tanh(softplus(x)));
    }

    static Tensor squareplus(Tensor x, float b) {
        return divide(add(x, sqrt(add(square(x), b))), 2f);
    }
}
