package keras4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Records differentiable operations so gradients can be computed in reverse mode, like
 * TensorFlow's {@code tf.GradientTape} (which Keras's TensorFlow backend trains with).
 *
 * <pre>{@code
 * try (GradientTape tape = new GradientTape()) {
 *     tape.watch(w);
 *     Tensor loss = Ops.mean(Ops.square(Ops.matmul(x, w)));
 *     Tensor dw = tape.gradient(loss, w).get(0);
 * }
 * }</pre>
 *
 * <p>Recording is per thread and only happens while a tape is open, so inference pays nothing.
 * An operation is recorded only when one of its inputs is watched or was produced by a recorded
 * operation; trainable {@link Variable}s are watched automatically when read. A tape is not thread-safe.
 */
public final class GradientTape implements AutoCloseable {
    private static final ThreadLocal<ArrayDeque<GradientTape>> ACTIVE = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<int[]> PAUSED = ThreadLocal.withInitial(() -> new int[1]);

    private record Node(String op, Tensor output, Tensor[] inputs, Backward backward) {}

    private final List<Node> nodes = new ArrayList<>();
    private final Map<Tensor, Boolean> tracked = new IdentityHashMap<>();
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    /** Opens a tape on the current thread; close it (try-with-resources) when done. */
    public GradientTape() {
        ACTIVE.get().push(this);
    }

    /** Makes gradients with respect to these tensors available. */
    public GradientTape watch(Tensor... tensors) {
        for (Tensor t : tensors) tracked.put(t, Boolean.TRUE);
        return this;
    }

    /** True when at least one tape is open on this thread and recording is not paused. */
    public static boolean isRecording() {
        return !ACTIVE.get().isEmpty() && PAUSED.get()[0] == 0;
    }

    /** Watches {@code t} on every tape open on this thread (used by trainable variables). */
    public static void watchOnActive(Tensor t) {
        if (!isRecording()) return;
        for (GradientTape tape : ACTIVE.get()) tape.tracked.put(t, Boolean.TRUE);
    }

    /**
     * Records an operation on every open tape that tracks one of its inputs. Called by {@code keras4j.ops};
     * {@code output} must be a new tensor object, not one of the inputs.
     */
    public static void record(String op, Tensor output, Backward backward, Tensor... inputs) {
        if (!isRecording()) return;
        for (GradientTape tape : ACTIVE.get()) {
            boolean any = false;
            for (Tensor in : inputs) {
                if (in == output) throw new IllegalStateException(op + ": output must be a new tensor, not one of its inputs");
                if (tape.tracked.containsKey(in)) { any = true; break; }
            }
            if (any) {
                tape.nodes.add(new Node(op, output, inputs, backward));
                tape.tracked.put(output, Boolean.TRUE);
            }
        }
    }

    /** Runs {@code body} without recording on any tape (Keras's {@code stop_gradient} for a whole block). */
    public static <T> T withoutRecording(Supplier<T> body) {
        int[] p = PAUSED.get();
        p[0]++;
        try {
            return body.get();
        } finally {
            p[0]--;
        }
    }

    /** Gradient of {@code target} with respect to each source; see {@link #gradient(Tensor, List)}. */
    public List<Tensor> gradient(Tensor target, Tensor... sources) {
        return gradient(target, Arrays.asList(sources));
    }

    /**
     * Gradients of {@code target} (summed over its elements when it is not a scalar) with respect to
     * each source, in order. A source that the target does not depend on gets zeros of its shape.
     */
    public List<Tensor> gradient(Tensor target, List<Tensor> sources) {
        if (Thread.currentThread() != owner) throw new IllegalStateException("GradientTape used from a thread other than the one that opened it");
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(target, Tensor.onesLike(target));
        for (int n = nodes.size() - 1; n >= 0; n--) {
            Node node = nodes.get(n);
            Tensor g = grads.get(node.output);
            if (g == null) continue;
            Tensor[] gi = node.backward.apply(g);
            for (int i = 0; i < node.inputs.length; i++) {
                Tensor in = node.inputs[i];
                if (gi[i] == null || !tracked.containsKey(in)) continue;
                if (!Arrays.equals(gi[i].shape(), in.shape())) {
                    throw new IllegalStateException("gradient of " + node.op + " for input " + i + " has shape " + Shape.format(gi[i].shape())
                            + " but the input has shape " + Shape.format(in.shape()));
                }
                Tensor prev = grads.get(in);
                grads.put(in, prev == null ? gi[i] : prev.add(gi[i]));
            }
        }
        List<Tensor> out = new ArrayList<>(sources.size());
        for (Tensor s : sources) {
            Tensor g = grads.get(s);
            out.add(g == null ? Tensor.zerosLike(s) : g);
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of operations recorded so far. */
    public int recordedOperations() {
        return nodes.size();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        ArrayDeque<GradientTape> stack = ACTIVE.get();
        stack.remove(this);
        nodes.clear();
        tracked.clear();
    }
}
