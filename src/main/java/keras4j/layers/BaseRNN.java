package keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import keras4j.activations.ActivationFunction;
import keras4j.activations.Activations;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.ops.Ops;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/**
 * The shared recurrence of {@link SimpleRNN}, {@link LSTM} and {@link GRU} (Keras's {@code RNN} wrapping a cell).
 * Input {@code (batch, timesteps, features)} → {@code (batch, units)}, or {@code (batch, timesteps, units)} with
 * {@code returnSequences}; with {@code returnState} the outputs are {@code [output, h]} (+ {@code c} for LSTM).
 *
 * <p>All timesteps' inputs are multiplied by the kernel in one matmul up front; each step then adds the
 * recurrent matmul. At a masked step the state is carried over and the output repeats the previous output
 * (zeros at the first step), as Keras does; with {@code goBackwards} the sequence output is in processing order.
 */
public abstract class BaseRNN<T extends BaseRNN<T>> extends AbstractLayer<T> {
    protected final int units;
    protected ActivationFunction activation = Activations.get("tanh");
    protected boolean useBias = true;
    protected Initializer kernelInitializer = Initializers.get("glorot_uniform");
    protected Initializer recurrentInitializer = Initializers.get("orthogonal");
    protected Initializer biasInitializer = Initializers.get("zeros");
    protected Regularizer kernelRegularizer;
    protected Regularizer recurrentRegularizer;
    protected Regularizer biasRegularizer;
    protected Constraint kernelConstraint;
    protected Constraint recurrentConstraint;
    protected Constraint biasConstraint;
    private double dropout;
    private double recurrentDropout;
    private Long seed;
    private boolean returnSequences;
    private boolean returnState;
    private boolean goBackwards;
    private boolean stateful;
    private boolean unroll;
    private boolean zeroOutputForMask;
    private RecurrentCell cell;
    protected Variable kernel;
    protected Variable recurrentKernel;
    protected Variable bias;
    private Tensor[] states;
    private Rng rng;

    /** One step of the recurrence: {@code xt} is the step's projected input {@code (batch, gates·units)}. */
    protected interface Stepper {
        Tensor[] step(Tensor xt, Tensor[] states, Tensor recurrentDropoutMask);
    }

    protected BaseRNN(int units) {
        if (units <= 0) throw new IllegalArgumentException("Received an invalid value for argument `units`, expected a positive integer, got " + units + ".");
        this.units = units;
        this.supportsMasking = true;
    }

    /** Number of gate blocks in the kernel: 1 (SimpleRNN), 4 (LSTM), 3 (GRU). */
    protected abstract int gates();

    /** Number of state tensors: 1, or 2 for LSTM (h, c). */
    protected int stateCount() {
        return 1;
    }

    /** Keras's cell name, e.g. {@code lstm_cell}. */
    protected abstract String cellName();

    protected int[] biasShape() {
        return new int[] {gates() * units};
    }

    protected Initializer biasInitializerForBuild() {
        return biasInitializer;
    }

    /** The bias added to the projected inputs (all gates), or null. */
    protected Tensor inputBias() {
        return useBias ? bias.value() : null;
    }

    /** The per-step recurrence for the current weights. */
    protected abstract Stepper stepper();

    // ------------------------------------------------------------------ options

    public int units() {
        return units;
    }

    public T activation(Object a) {
        this.activation = Activations.get(a);
        return self();
    }

    public T useBias(boolean useBias) {
        this.useBias = useBias;
        return self();
    }

    public T kernelInitializer(Object init) {
        this.kernelInitializer = Initializers.get(init);
        return self();
    }

    public T recurrentInitializer(Object init) {
        this.recurrentInitializer = Initializers.get(init);
        return self();
    }

    public T biasInitializer(Object init) {
        this.biasInitializer = Initializers.get(init);
        return self();
    }

    public T kernelRegularizer(Object r) {
        this.kernelRegularizer = Regularizers.get(r);
        return self();
    }

    public T recurrentRegularizer(Object r) {
        this.recurrentRegularizer = Regularizers.get(r);
        return self();
    }

    public T biasRegularizer(Object r) {
        this.biasRegularizer = Regularizers.get(r);
        return self();
    }

    public T kernelConstraint(Object c) {
        this.kernelConstraint = Constraints.get(c);
        return self();
    }

    public T recurrentConstraint(Object c) {
        this.recurrentConstraint = Constraints.get(c);
        return self();
    }

    public T biasConstraint(Object c) {
        this.biasConstraint = Constraints.get(c);
        return self();
    }

    /** Keras's {@code dropout=}: fraction of the inputs dropped (same mask at every step; training only). */
    public T dropout(double rate) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("Argument `dropout` must be in [0, 1]. Received: dropout=" + rate);
        this.dropout = rate;
        return self();
    }

    /** Keras's {@code recurrent_dropout=}: fraction of the recurrent state dropped before the recurrent matmul (training only). */
    public T recurrentDropout(double rate) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("Argument `recurrent_dropout` must be in [0, 1]. Received: recurrent_dropout=" + rate);
        this.recurrentDropout = rate;
        return self();
    }

    public T seed(long seed) {
        this.seed = seed;
        this.rng = new Rng(seed);
        return self();
    }

    public T returnSequences(boolean b) {
        this.returnSequences = b;
        return self();
    }

    public T returnState(boolean b) {
        this.returnState = b;
        return self();
    }

    public T goBackwards(boolean b) {
        this.goBackwards = b;
        return self();
    }

    /** Keras's {@code stateful=}: the last state of one call is the initial state of the next (fixed batch size). */
    public T stateful(boolean b) {
        this.stateful = b;
        return self();
    }

    /** Accepted for Keras compatibility; the loop is the same either way. */
    public T unroll(boolean b) {
        this.unroll = b;
        return self();
    }

    /** Keras's {@code zero_output_for_mask=}: masked steps output zeros instead of repeating the previous output. */
    public T zeroOutputForMask(boolean b) {
        this.zeroOutputForMask = b;
        return self();
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    public boolean returnState() {
        return returnState;
    }

    public boolean goBackwards() {
        return goBackwards;
    }

    public boolean stateful() {
        return stateful;
    }

    /** Forgets the carried state of a stateful layer (Keras's {@code reset_states()}); the next call starts from zeros. */
    public void resetStates() {
        states = null;
    }

    /** The carried states of a stateful layer (copies), or null before the first call / after a reset. */
    public List<Tensor> states() {
        if (states == null) return null;
        List<Tensor> out = new ArrayList<>();
        for (Tensor s : states) out.add(s.copy());
        return out;
    }

    // ------------------------------------------------------------------ build

    @Override
    public void build(List<int[]> inputShapes) {
        if (inputShapes.size() != 1 && inputShapes.size() != 1 + stateCount()) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects 1 input, or 1 input and " + stateCount() + " initial state(s); received "
                    + inputShapes.size() + " input tensors");
        }
        build(inputShapes.get(0));
    }

    @Override
    public void build(int[] inputShape) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected ndim=3, found ndim="
                    + inputShape.length + ". Full shape received: " + formatShape(inputShape));
        }
        int f = inputShape[2];
        if (f < 0) throw new IllegalArgumentException("Layer \"" + name() + "\": the feature axis of the input must be known. Received: input_shape=" + formatShape(inputShape));
        if (stateful && inputShape[0] < 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" is stateful: it needs a fixed batch size (use batchSize(n) or batchInputShape). Received: input_shape="
                    + formatShape(inputShape));
        }
        int k = gates() * units;
        cell = track(new RecurrentCell(cellName()));
        kernel = cell.weight("kernel", new int[] {f, k}, kernelInitializer, kernelRegularizer, kernelConstraint);
        recurrentKernel = cell.weight("recurrent_kernel", new int[] {units, k}, recurrentInitializer, recurrentRegularizer, recurrentConstraint);
        if (useBias) bias = cell.weight("bias", biasShape(), biasInitializerForBuild(), biasRegularizer, biasConstraint);
        cell.built(new int[] {inputShape[0], f});
    }

    @Override
    public Map<String, Layer> saveableChildren() {
        return cell == null ? Map.of() : Map.of("cell", cell);
    }

    // ------------------------------------------------------------------ call

    @Override
    protected List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        Tensor x = inputs.get(0);
        if (x.rank() != 3) throw new IllegalArgumentException("Layer \"" + name() + "\" expects inputs of rank 3 (batch, timesteps, features); received shape " + formatShape(x.shape()));
        Tensor mask = masks == null || masks.isEmpty() ? null : masks.get(0);
        int b = x.dim(0), t = x.dim(1);
        Tensor[] st = initialStates(inputs, b);
        if (training && dropout > 0) x = Ops.multiply(x, dropoutMask(dropout, b, 1, x.dim(2)));
        Tensor recMask = training && recurrentDropout > 0 ? dropoutMask(recurrentDropout, b, units) : null;
        Tensor xp = Ops.matmul(x, kernel.value());
        Tensor ib = inputBias();
        if (ib != null) xp = Ops.add(xp, ib);
        TimeSteps steps = new TimeSteps(xp);
        Stepper stepper = stepper();
        Tensor zeros = Tensor.zeros(b, units);
        Tensor prevOut = zeros;
        Tensor[] outs = returnSequences ? new Tensor[t] : null;
        for (int s = 0; s < t; s++) {
            int ti = goBackwards ? t - 1 - s : s;
            Tensor xt = steps.step(ti);
            Tensor[] next = stepper.step(xt, st, recMask);
            Tensor out = next[0];
            if (mask != null) {
                Tensor m = mask.slice(1, ti, ti + 1);
                out = Ops.where(m, out, zeroOutputForMask ? zeros : prevOut);
                for (int i = 0; i < next.length; i++) next[i] = Ops.where(m, next[i], st[i]);
            }
            st = next;
            prevOut = out;
            if (outs != null) outs[s] = out;
        }
        if (stateful) {
            states = new Tensor[st.length];
            for (int i = 0; i < st.length; i++) states[i] = st[i].copy();
        }
        List<Tensor> result = new ArrayList<>();
        result.add(outs != null ? Ops.stack(1, outs) : prevOut);
        if (returnState) result.addAll(Arrays.asList(st));
        return result;
    }

    private Tensor[] initialStates(List<Tensor> inputs, int b) {
        Tensor[] st = new Tensor[stateCount()];
        if (inputs.size() > 1) {
            if (inputs.size() != 1 + stateCount()) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + stateCount() + " initial state(s); received " + (inputs.size() - 1));
            }
            for (int i = 0; i < st.length; i++) {
                Tensor s = inputs.get(1 + i);
                if (!Arrays.equals(s.shape(), new int[] {b, units})) {
                    throw new IllegalArgumentException("Layer \"" + name() + "\": initial state " + i + " must have shape " + formatShape(new int[] {b, units})
                            + "; received " + formatShape(s.shape()));
                }
                st[i] = s;
            }
            return st;
        }
        if (stateful && states != null) {
            if (states[0].dim(0) != b) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" is stateful with batch size " + states[0].dim(0) + "; received a batch of " + b);
            }
            return states.clone();
        }
        for (int i = 0; i < st.length; i++) st[i] = Tensor.zeros(b, units);
        return st;
    }

    private Tensor dropoutMask(double rate, int... shape) {
        if (rng == null) rng = new Rng(Seeds.next());
        float keep = (float) (1 - rate);
        float scale = rate >= 1 ? 0f : 1f / keep;
        float[] m = new float[keras4j.tensor.Shapes.size(shape)];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble() < keep ? scale : 0f;
        return Tensor.wrap(m, shape);
    }

    /** Slices the gate block {@code g} (of width {@code units}) from the last axis. */
    protected Tensor gate(Tensor z, int g) {
        return Ops.slice(z, -1, g * units, (g + 1) * units);
    }

    // ------------------------------------------------------------------ shapes and masks

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return computeOutputShapes(List.of(inputShape)).get(0);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        int[] s = inputShapes.get(0);
        List<int[]> out = new ArrayList<>();
        out.add(returnSequences ? new int[] {s[0], s[1], units} : new int[] {s[0], units});
        if (returnState) for (int i = 0; i < stateCount(); i++) out.add(new int[] {s[0], units});
        return out;
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return returnSequences ? mask : null;
    }

    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        List<Tensor> out = new ArrayList<>();
        out.add(computeMask(inputs.get(0), masks == null ? null : masks.get(0)));
        if (returnState) out.addAll(Collections.nCopies(stateCount(), null));
        return out;
    }

    // ------------------------------------------------------------------ config

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("return_sequences", returnSequences);
        c.put("return_state", returnState);
        c.put("go_backwards", goBackwards);
        c.put("stateful", stateful);
        c.put("unroll", unroll);
        c.put("zero_output_for_mask", zeroOutputForMask);
        c.put("units", units);
        c.put("activation", Activations.serialize(activation));
        putGateConfig(c);
        c.put("use_bias", useBias);
        c.put("kernel_initializer", kernelInitializer.serialize());
        c.put("recurrent_initializer", recurrentInitializer.serialize());
        c.put("bias_initializer", biasInitializer.serialize());
        putBiasConfig(c);
        c.put("kernel_regularizer", LayerOptions.serialize(kernelRegularizer));
        c.put("recurrent_regularizer", LayerOptions.serialize(recurrentRegularizer));
        c.put("bias_regularizer", LayerOptions.serialize(biasRegularizer));
        LayerOptions.putActivityRegularizer(this, c);
        c.put("kernel_constraint", LayerOptions.serialize(kernelConstraint));
        c.put("recurrent_constraint", LayerOptions.serialize(recurrentConstraint));
        c.put("bias_constraint", LayerOptions.serialize(biasConstraint));
        c.put("dropout", dropout);
        c.put("recurrent_dropout", recurrentDropout);
        c.put("seed", seed);
        return c;
    }

    /** Adds {@code recurrent_activation} (LSTM, GRU). */
    protected void putGateConfig(Map<String, Object> c) {
    }

    /** Adds {@code unit_forget_bias} / {@code reset_after}. */
    protected void putBiasConfig(Map<String, Object> c) {
    }

    /** Applies the options every RNN shares from a Keras 3 or Keras 2 config. */
    protected static <R extends BaseRNN<R>> R applyConfig(R r, Map<String, Object> c) {
        r.applyBaseConfig(c);
        if (c.get("activation") != null) r.activation(LayerOptions.activation(c.get("activation"), c));
        if (c.get("use_bias") != null) r.useBias((Boolean) c.get("use_bias"));
        if (c.get("kernel_initializer") != null) r.kernelInitializer(c.get("kernel_initializer"));
        if (c.get("recurrent_initializer") != null) r.recurrentInitializer(c.get("recurrent_initializer"));
        if (c.get("bias_initializer") != null) r.biasInitializer(c.get("bias_initializer"));
        r.kernelRegularizer(c.get("kernel_regularizer"));
        r.recurrentRegularizer(c.get("recurrent_regularizer"));
        r.biasRegularizer(c.get("bias_regularizer"));
        r.kernelConstraint(c.get("kernel_constraint"));
        r.recurrentConstraint(c.get("recurrent_constraint"));
        r.biasConstraint(c.get("bias_constraint"));
        if (c.get("activity_regularizer") != null) r.activityRegularizer(c.get("activity_regularizer"));
        if (c.get("dropout") != null) r.dropout(((Number) c.get("dropout")).doubleValue());
        if (c.get("recurrent_dropout") != null) r.recurrentDropout(((Number) c.get("recurrent_dropout")).doubleValue());
        if (c.get("seed") != null) r.seed(((Number) c.get("seed")).longValue());
        if (c.get("return_sequences") != null) r.returnSequences((Boolean) c.get("return_sequences"));
        if (c.get("return_state") != null) r.returnState((Boolean) c.get("return_state"));
        if (c.get("go_backwards") != null) r.goBackwards((Boolean) c.get("go_backwards"));
        if (c.get("stateful") != null) r.stateful((Boolean) c.get("stateful"));
        if (c.get("unroll") != null) r.unroll((Boolean) c.get("unroll"));
        if (c.get("zero_output_for_mask") != null) r.zeroOutputForMask((Boolean) c.get("zero_output_for_mask"));
        return r;
    }
}
