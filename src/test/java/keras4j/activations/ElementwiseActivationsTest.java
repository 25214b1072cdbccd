package keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import keras4j.testing.GradientChecker;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every element-wise activation against its Keras formula evaluated in double precision, at ordinary
 * points, at large |x| and on both sides of every kink, plus a numerical gradient check at points at
 * least 0.05 from any kink.
 */
class ElementwiseActivationsTest {

    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** Points away from every kink (0, ±0.5, ±1, ±3, 6) by more than 0.05. */
    static final float[] SMOOTH_POINTS = {-7.3f, -3.2f, -2.8f, -1.6f, -0.93f, -0.7f, -0.23f, 0.31f, 0.8f, 1.08f, 1.45f, 2.6f, 3.4f, 4.1f, 6.5f, 9.5f};
    /** Large magnitudes, kinks themselves and points just beside them. */
    static final float[] EDGE_POINTS = {-100f, -30f, -6f, -3.001f, -3f, -2.999f, -1f, -0.999f, -0.5f, -0.499f, 0f, 0.499f, 0.5f, 0.501f,
            0.999f, 1f, 1.001f, 2.999f, 3f, 3.001f, 5.999f, 6f, 6.001f, 30f, 80f};

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), independent of the library's series. */
    static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return Math.signum(x) * y;
    }

    static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    static Arguments c(String name, UnaryOperator<Tensor> f, DoubleUnaryOperator reference) {
        return Arguments.of(name, f, reference);
    }

    static Stream<Arguments> activations() {
        return Stream.of(
                c("relu", Activations::relu, x -> Math.max(x, 0)),
                c("leaky_relu", Activations::leakyRelu, x -> x >= 0 ? x : 0.2 * x),
                c("leaky_relu(0.05)", x -> Activations.leakyRelu(x, 0.05f), x -> x >= 0 ? x : 0.05 * x),
                c("relu6", Activations::relu6, x -> clip(x, 0, 6)),
                c("elu", Activations::elu, x -> x >= 0 ? x : Math.expm1(x)),
                c("elu(0.5)", x -> Activations.elu(x, 0.5f), x -> x >= 0 ? x : 0.5 * Math.expm1(x)),
                c("selu", Activations::selu, x -> SELU_SCALE * (x >= 0 ? x : SELU_ALPHA * Math.expm1(x))),
                c("celu", Activations::celu, x -> Math.max(x, 0) + Math.expm1(Math.min(x, 0))),
                c("celu(2)", x -> Activations.celu(x, 2f), x -> Math.max(x, 0) + 2 * Math.expm1(Math.min(x, 0) / 2)),
                c("gelu", Activations::gelu, x -> 0.5 * x * (1 + erf(x / Math.sqrt(2)))),
                c("gelu(approximate)", x -> Activations.gelu(x, true),
                        x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
                c("silu", Activations::silu, x -> x * sigmoid(x)),
                c("swish", Activations::swish, x -> x * sigmoid(x)),
                c("softplus", Activations::softplus, ElementwiseActivationsTest::softplus),
                c("softsign", Activations::softsign, x -> x / (1 + Math.abs(x))),
                c("sigmoid", Activations::sigmoid, ElementwiseActivationsTest::sigmoid),
                c("hard_sigmoid", Activations::hardSigmoid, x -> clip(x / 6 + 0.5, 0, 1)),
                c("hard_sigmoid (Keras 2)", Activations::hardSigmoidKeras2, x -> clip(0.2 * x + 0.5, 0, 1)),
                c("hard_silu", Activations::hardSilu, x -> x * clip(x / 6 + 0.5, 0, 1)),
                c("hard_swish", Activations::hardSwish, x -> x * clip(x / 6 + 0.5, 0, 1)),
                c("log_sigmoid", Activations::logSigmoid, x -> -softplus(-x)),
                c("tanh", Activations::tanh, Math::tanh),
                c("tanh_shrink", Activations::tanhShrink, x -> x - Math.tanh(x)),
                c("hard_tanh", Activations::hardTanh, x -> clip(x, -1, 1)),
                c("exponential", Activations::exponential, Math::exp),
                c("linear", Activations::linear, x -> x),
                c("mish", Activations::mish, x -> x * Math.tanh(softplus(x))),
                c("squareplus", Activations::squareplus, x -> (x + Math.sqrt(x * x + 4)) / 2),
                c("squareplus(1)", x -> Activations.squareplus(x, 1f), x -> (x + Math.sqrt(x * x + 1)) / 2),
                c("soft_shrink", Activations::softShrink, x -> x > 0.5 ? x - 0.5 : (x < -0.5 ? x + 0.5 : 0)),
                c("soft_shrink(1)", x -> Activations.softShrink(x, 1f), x -> x > 1 ? x - 1 : (x < -1 ? x + 1 : 0)),
                c("hard_shrink", Activations::hardShrink, x -> Math.abs(x) > 0.5 ? x : 0),
                c("hard_shrink(3)", x -> Activations.hardShrink(x, 3f), x -> Math.abs(x) > 3 ? x : 0),
                c("sparse_plus", Activations::sparsePlus, x -> x <= -1 ? 0 : (x < 1 ? 0.25 * (x + 1) * (x + 1) : x)),
                c("sparse_sigmoid", Activations::sparseSigmoid, x -> x <= -1 ? 0 : (x >= 1 ? 1 : 0.5 * (x + 1))),
                c("threshold(1, -2)", x -> Activations.threshold(x, 1f, -2f), x -> x > 1 ? x : -2),
                c("relu(slope 0.1, max 6, threshold 1)", x -> Activations.relu(x, 0.1f, 6f, 1f),
                        x -> x > 1 ? Math.min(x, 6) : (x == 1 ? 0 : 0.1 * (x - 1))),
                c("relu(max 3)", x -> Activations.relu(x, 0f, 3f, 0f), x -> clip(x, 0, 3)),
                c("relu(threshold -0.5)", x -> Activations.relu(x, 0f, null, -0.5f), x -> x > -0.5 ? x : 0),
                c("relu(slope 0.3)", x -> Activations.relu(x, 0.3f, null, 0f), x -> x >= 0 ? x : 0.3 * x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void matchesTheKerasFormula(String name, UnaryOperator<Tensor> f, DoubleUnaryOperator reference) {
        for (float[] points : new float[][] {SMOOTH_POINTS, EDGE_POINTS}) {
            Tensor y = f.apply(Tensor.vector(points));
            assertEquals(points.length, y.size(), name);
            for (int i = 0; i < points.length; i++) {
                double expected = reference.applyAsDouble(points[i]);
                double got = Internal.array(y)[i];
                assertTrue(Double.isFinite(got), name + " is not finite at " + points[i]);
                // float32 rounding of the output, plus about one ulp of x for formulas that cancel (squareplus at -100).
                double tolerance = 1e-6 + 2e-6 * Math.abs(expected) + 6e-8 * Math.abs(points[i]);
                assertEquals(expected, got, tolerance, name + " at x=" + points[i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void gradientsMatchCentralDifferences(String name, UnaryOperator<Tensor> f, DoubleUnaryOperator reference) {
        Tensor x = Tensor.vector(SMOOTH_POINTS).reshape(4, 4);
        GradientChecker.Result r = GradientChecker.check(in -> f.apply(in[0]), 1e-2, x);
        assertTrue(r.maxError() < 5e-3, name + ": " + r);
    }
}
