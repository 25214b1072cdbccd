package keras4j.activations;

import static keras4j.ops.Ops.add;
import static keras4j.ops.Ops.clip;
import static keras4j.ops.Ops.maximum;
import static keras4j.ops.Ops.multiply;
import static keras4j.ops.Ops.negative;
import static keras4j.ops.Ops.square;
import static keras4j.ops.Ops.subtract;
import static keras4j.ops.Ops.where;

import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/** Piecewise-linear (and piecewise-quadratic) activations, composed from {@link Ops}. */
final class Piecewise {
    private Piecewise() {}

    private static final Tensor ZERO = Tensor.scalar(0f);

    static Tensor relu(Tensor x, float negativeSlope, Float maxValue, float threshold) {
        if (maxValue != null && maxValue < 0) {
            throw new IllegalArgumentException("relu: `max_value` must be non-negative. Received: max_value=" + maxValue);
        }
        if (negativeSlope != 0f && maxValue == null && threshold == 0f) return leakyRelu(x, negativeSlope);
        // Keras's ReLU.static_call: the negative part is taken from the input before thresholding.
        Tensor negativePart = null;
        if (negativeSlope != 0f) negativePart = Ops.relu(threshold != 0f ? add(negative(x), threshold) : negative(x));
        Tensor y = threshold != 0f ? where(x.gt(threshold), x, ZERO) : Ops.relu(x);
        if (maxValue != null) y = clip(y, 0f, maxValue);
        if (negativePart != null) y = subtract(y, multiply(negativePart, negativeSlope));
        return y;
    }

    static Tensor leakyRelu(Tensor x, float negativeSlope) {
        return maximum(x, multiply(x, negativeSlope));
    }

    static Tensor relu6(Tensor x) {
        return clip(x, 0f, 6f);
    }

    static Tensor hardSigmoid(Tensor x) {
        return clip(add(Ops.divide(x, 6f), 0.5f), 0f, 1f);
    }

    static Tensor hardSigmoidKeras2(Tensor x) {
        return clip(add(multiply(x, 0.2f), 0.5f), 0f, 1f);
    }

    static Tensor hardSilu(Tensor x) {
        return multiply(x, hardSigmoid(x));
    }

    static Tensor hardTanh(Tensor x) {
        return clip(x, -1f, 1f);
    }

    static Tensor softShrink(Tensor x, float threshold) {
        Tensor inner = where(x.lt(-threshold), add(x, threshold), ZERO);
        return where(x.gt(threshold), subtract(x, threshold), inner);
    }

    static Tensor hardShrink(Tensor x, float threshold) {
        return where(x.abs().gt(threshold), x, ZERO);
    }

    static Tensor sparsePlus(Tensor x) {
        Tensor middle = where(x.lt(1f), multiply(square(add(x, 1f)), 0.25f), x);
        return where(x.le(-1f), ZERO, middle);
    }

    static Tensor sparseSigmoid(Tensor x) {
        Tensor middle = where(x.ge(1f), Tensor.scalar(1f), multiply(add(x, 1f), 0.5f));
        return where(x.le(-1f), ZERO, middle);
    }

    static Tensor threshold(Tensor x, float threshold, float defaultValue) {
        return where(x.gt(threshold), x, Tensor.scalar(defaultValue));
    }
}
