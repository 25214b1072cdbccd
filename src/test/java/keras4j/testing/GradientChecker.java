package keras4j.testing;

import java.util.List;
import java.util.function.Function;
import keras4j.autograd.GradientTape;
import keras4j.ops.Ops;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/**
 * Compares the tape's gradients with central differences. The function's output is projected on
 * fixed random weights to a scalar {@code L = Σ f(x)·w}, accumulated in double; each input element
 * is nudged by ±eps and {@code (L+ - L-) / 2eps} is compared with the analytic gradient.
 *
 * <pre>{@code
 * GradientChecker.assertGradients(x -> Ops.tanh(Ops.matmul(x[0], x[1])), 1e-2, a, b);
 * }</pre>
 * The inputs' values are modified during the check and restored afterwards. A test helper (it lived in
 * {@code keras4j.autograd}, where calling {@code keras4j.ops} made the only package cycle).
 */
public final class GradientChecker {
    private GradientChecker() {}

    /** Outcome of one check: the worst error relative to {@code max(1, |analytic|, |numeric|)} and where it was. */
    public record Result(double maxError, int input, int index, double analytic, double numeric) {
        @Override
        public String toString() {
            return String.format("max error %.3g at input %d, element %d: analytic %.6g, numeric %.6g", maxError, input, index, analytic, numeric);
        }
    }

    /** Checks with step {@code eps}. */
    public static Result check(Function<Tensor[], Tensor> f, double eps, Tensor... inputs) {
        Tensor probe = f.apply(inputs);
        Tensor w = Tensor.randomUniform(12345L, -1f, 1f, probe.shape());
        List<Tensor> analytic;
        try (GradientTape tape = new GradientTape()) {
            tape.watch(inputs);
            Tensor out = f.apply(inputs);
            Tensor loss = Ops.sum(Ops.multiply(out, w));
            analytic = tape.gradient(loss, inputs);
        }
        Result worst = new Result(0, -1, -1, 0, 0);
        for (int i = 0; i < inputs.length; i++) {
            float[] d = Internal.array(inputs[i]);
            float[] ga = Internal.array(analytic.get(i));
            for (int j = 0; j < d.length; j++) {
                float v = d[j];
                d[j] = (float) (v + eps);
                double plus = project(f.apply(inputs), w);
                d[j] = (float) (v - eps);
                double minus = project(f.apply(inputs), w);
                double step = (double) (float) (v + eps) - (double) (float) (v - eps);
                d[j] = v;
                double numeric = (plus - minus) / step;
                double err = Math.abs(ga[j] - numeric) / Math.max(1, Math.max(Math.abs(ga[j]), Math.abs(numeric)));
                if (!(err <= worst.maxError)) worst = new Result(Double.isNaN(err) ? Double.POSITIVE_INFINITY : err, i, j, ga[j], numeric);
            }
        }
        return worst;
    }

    /** Throws {@link AssertionError} when the worst error exceeds {@code tolerance} (step 1e-2). */
    public static void assertGradients(Function<Tensor[], Tensor> f, double tolerance, Tensor... inputs) {
        Result r = check(f, 1e-2, inputs);
        if (r.maxError() > tolerance) throw new AssertionError("gradient check failed: " + r);
    }

    private static double project(Tensor out, Tensor w) {
        float[] o = Internal.array(out), wd = Internal.array(w);
        double s = 0;
        for (int i = 0; i < o.length; i++) s += (double) o[i] * wd[i];
        return s;
    }
}
