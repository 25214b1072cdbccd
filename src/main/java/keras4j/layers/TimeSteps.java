package keras4j.layers;

import keras4j.autograd.GradientTape;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/**
 * Splits a projected sequence {@code (batch, t, k)} into per-step {@code (batch, k)} tensors for the recurrence.
 * Unlike {@code t} separate {@code Ops.slice} calls, whose gradients are each a full {@code (batch, t, k)} tensor,
 * the steps' gradients are written into one shared buffer that becomes the sequence's gradient: backpropagation
 * through time stays linear in {@code t}. The steps hang off a one-element token recorded after the sequence, so
 * the tape runs every step's backward before handing the buffer on.
 */
final class TimeSteps {
    private final Tensor seq;
    private final int batch;
    private final int steps;
    private final int width;
    private final Tensor token = Tensor.zeros(1);
    private float[] grad;

    TimeSteps(Tensor seq) {
        this.seq = seq;
        this.batch = seq.dim(0);
        this.steps = seq.dim(1);
        this.width = seq.dim(2);
        GradientTape.record("rnn_steps", token, g -> {
            Tensor out = grad == null ? Tensor.zeros(seq.shape()) : Tensor.wrap(grad, seq.shape());
            grad = null;
            return new Tensor[] {out};
        }, seq);
    }

    /** {@code seq[:, t, :]} as {@code (batch, k)}. */
    Tensor step(int t) {
        Tensor out = seq.slice(1, t, t + 1).reshape(batch, width);
        GradientTape.record("rnn_step", out, g -> {
            if (grad == null) grad = new float[batch * steps * width];
            float[] gd = Internal.array(g);
            for (int b = 0; b < batch; b++) {
                int dst = (b * steps + t) * width, src = b * width;
                for (int j = 0; j < width; j++) grad[dst + j] += gd[src + j];
            }
            return new Tensor[] {Tensor.zeros(1)};
        }, token);
        return out;
    }
}
