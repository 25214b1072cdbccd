package keras4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GradientTapeTest {

    @Test
    void nothingIsRecordedWithoutATape() {
        assertFalse(GradientTape.isRecording());
        Tensor x = Tensor.vector(1, 2);
        Ops.square(x); // must not throw or retain anything
        try (GradientTape tape = new GradientTape()) {
            assertTrue(GradientTape.isRecording());
            Ops.square(x); // x is not watched: not recorded
            assertEquals(0, tape.recordedOperations());
            tape.watch(x);
            Ops.square(Ops.square(x));
            assertEquals(2, tape.recordedOperations());
        }
        assertFalse(GradientTape.isRecording());
    }

    @Test
    void gradientOfAPolynomialAndOfUnrelatedSources() {
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor unrelated = Tensor.vector(5, 5);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x, unrelated);
            // y = sum(x^2 * 3 + x) -> dy/dx = 6x + 1
            Tensor y = Ops.sum(Ops.add(Ops.multiply(Ops.square(x), 3f), x));
            List<Tensor> g = tape.gradient(y, x, unrelated);
            assertArrayEquals(new float[] {7, 13, 19}, g.get(0).toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0, 0}, g.get(1).toFloatArray());
        }
    }

    @Test
    void reusedTensorAccumulatesGradients() {
        Tensor x = Tensor.vector(2, -1);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = Ops.multiply(x, x); // x used twice: d/dx = 2x
            Tensor z = Ops.add(y, Ops.multiply(x, 4f)); // + 4
            assertArrayEquals(new float[] {8, 2}, tape.gradient(Ops.sum(z), x).get(0).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void stopGradientAndPausedRecordingBlockGradients() {
        Tensor x = Tensor.vector(1, 3);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = Ops.add(x, Ops.stopGradient(Ops.square(x)));
            assertArrayEquals(new float[] {1, 1}, tape.gradient(Ops.sum(y), x).get(0).toFloatArray());
            Tensor z = GradientTape.withoutRecording(() -> Ops.square(x));
            assertArrayEquals(new float[] {0, 0}, tape.gradient(Ops.sum(z), x).get(0).toFloatArray());
        }
    }

    @Test
    void trainableVariablesAreWatchedWhenRead() {
        Variable w = new Variable("kernel", Tensor.of(new float[][] {{1, 2}, {3, 4}}), true);
        Variable frozen = new Variable("frozen", Tensor.vector(1, 1), false);
        Tensor x = Tensor.of(new float[][] {{1, 1}});
        try (GradientTape tape = new GradientTape()) {
            Tensor y = Ops.sum(Ops.add(Ops.matmul(x, w.value()), frozen.value()));
            List<Tensor> g = tape.gradient(y, w.peek(), frozen.peek());
            assertArrayEquals(new float[] {1, 1, 1, 1}, g.get(0).toFloatArray());
            assertArrayEquals(new float[] {0, 0}, g.get(1).toFloatArray());
        }
        w.assign(Tensor.zeros(2, 2));
        assertEquals(0f, w.peek().get(1, 1));
        assertThrows(IllegalArgumentException.class, () -> w.assign(Tensor.zeros(3)));
    }

    @Test
    void nonScalarTargetIsSummed() {
        Tensor x = Tensor.vector(1, 2);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor y = Ops.multiply(x, 5f);
            assertArrayEquals(new float[] {5, 5}, tape.gradient(y, x).get(0).toFloatArray());
        }
    }

    /** Tensor math records nothing: on a tensor a recording tape tracks it fails, naming the Ops method, instead of losing the gradient. */
    @Test
    void plainTensorMathRefusesTrackedTensorsAndNamesTheOp() {
        Tensor x = Tensor.vector(1, 2), y = Tensor.vector(3, 4);
        String[][] cases = {{"add", "Ops.add"}, {"sub", "Ops.subtract"}, {"mul", "Ops.multiply"}, {"div", "Ops.divide"}, {"neg", "Ops.negative"},
                {"permute", "Ops.transpose"}, {"transpose", "Ops.transpose"}, {"concat", "Ops.concatenate"}};
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            Tensor h = Ops.square(x); // tracked because it was recorded from x
            for (Tensor tracked : new Tensor[] {x, h}) {
                List<java.util.function.Supplier<Tensor>> calls = List.of(() -> tracked.add(y), () -> y.sub(tracked), () -> tracked.mul(2f),
                        () -> y.div(tracked), tracked::neg, () -> tracked.permute(0), tracked::transpose, () -> Tensor.concat(0, y, tracked));
                for (int i = 0; i < cases.length; i++) {
                    IllegalStateException e = assertThrows(IllegalStateException.class, calls.get(i)::get, cases[i][0]);
                    assertTrue(e.getMessage().startsWith("Tensor." + cases[i][0] + " records nothing on the GradientTape"), e.getMessage());
                    assertTrue(e.getMessage().contains("Use " + cases[i][1] + " "), e.getMessage());
                }
            }
            // Untracked tensors, and tracked ones inside withoutRecording, compute as usual.
            assertArrayEquals(new float[] {4, 6}, y.add(Tensor.vector(1, 2)).toFloatArray());
            assertArrayEquals(new float[] {2, 3}, GradientTape.withoutRecording(() -> x.add(1f)).toFloatArray());
            // The recording twin gives the gradient the plain one would have lost.
            Tensor loss = Ops.sum(Ops.multiply(h, y));
            assertArrayEquals(new float[] {6, 16}, tape.gradient(loss, x).get(0).toFloatArray());
        }
        // With the tape closed, the same tensors are plain values again.
        assertArrayEquals(new float[] {-1, -2}, x.neg().toFloatArray());
    }

    @Test
    void recordRejectsAnOutputThatIsAnInput() {
        Tensor x = Tensor.vector(1);
        try (GradientTape tape = new GradientTape()) {
            tape.watch(x);
            assertThrows(IllegalStateException.class, () -> GradientTape.record("bad", x, g -> new Tensor[] {g}, x));
        }
    }

    @Test
    void trainingALinearModelWithTheTapeConverges() {
        // y = 3x - 2 learned by plain gradient descent on the tape's gradients.
        Tensor xs = Tensor.arange(-1f, 1f, 0.1f).reshape(-1, 1);
        Tensor ys = xs.mul(3f).sub(2f);
        Variable w = new Variable("w", Tensor.zeros(1, 1), true);
        Variable b = new Variable("b", Tensor.zeros(1), true);
        for (int step = 0; step < 300; step++) {
            List<Tensor> g;
            try (GradientTape tape = new GradientTape()) {
                Tensor pred = Ops.add(Ops.matmul(xs, w.value()), b.value());
                Tensor loss = Ops.mean(Ops.square(Ops.subtract(pred, ys)));
                g = tape.gradient(loss, w.peek(), b.peek());
            }
            // The update is plain tensor math, after the tape: inside it, the tracked weights would be refused.
            w.assign(w.peek().sub(g.get(0).mul(0.3f)));
            b.assign(b.peek().sub(g.get(1).mul(0.3f)));
        }
        assertEquals(3f, w.peek().item(), 1e-3);
        assertEquals(-2f, b.peek().item(), 1e-3);
    }
}
