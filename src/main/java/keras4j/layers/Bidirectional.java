package keras4j.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code Bidirectional(layer, merge_mode="concat")}: runs a forward copy of an RNN and a
 * {@code go_backwards} copy, reverses the backward sequence output back into time order, and merges them with
 * {@code concat}, {@code sum}, {@code mul}, {@code ave}, or {@code none} (two outputs).
 * {@code (batch, t, f)} → {@code (batch, [t,] 2u)} for concat, {@code (batch, [t,] u)} otherwise.
 * With {@code returnState} the outputs are {@code [merged..., forward states..., backward states...]}.
 */
public final class Bidirectional extends AbstractLayer<Bidirectional> {
    private static final List<String> MODES = List.of("concat", "sum", "mul", "ave", "none");
    private final BaseRNN<?> forward;
    private final BaseRNN<?> backward;
    private String mergeMode = "concat";

    /** Wraps {@code layer}: the forward and backward layers are copies of it rebuilt from its config. */
    public Bidirectional(BaseRNN<?> layer) {
        this(layer, null);
    }

    /** Wraps {@code layer} with an explicit {@code backwardLayer} (Keras's {@code backward_layer=}). */
    public Bidirectional(BaseRNN<?> layer, BaseRNN<?> backwardLayer) {
        this.forward = track(copy(layer, "forward_", layer.goBackwards()));
        if (backwardLayer == null) {
            backwardLayer = copy(layer, "backward_", !layer.goBackwards());
        } else if (backwardLayer.goBackwards() == layer.goBackwards()) {
            throw new IllegalArgumentException("Forward layer and backward layer should have different `go_backwards` value. Received: go_backwards="
                    + layer.goBackwards() + " for both");
        } else if (backwardLayer.returnSequences() != layer.returnSequences() || backwardLayer.returnState() != layer.returnState()) {
            throw new IllegalArgumentException("Forward layer and backward layer should have the same return_sequences and return_state. Received: forward "
                    + layer.returnSequences() + "/" + layer.returnState() + ", backward " + backwardLayer.returnSequences() + "/" + backwardLayer.returnState());
        }
        this.backward = track(backwardLayer);
        this.forward.zeroOutputForMask(forward.returnSequences());
        this.backward.zeroOutputForMask(backward.returnSequences());
        this.supportsMasking = true;
    }

    private Bidirectional(BaseRNN<?> forward, BaseRNN<?> backward, boolean restored) {
        this.forward = track(forward);
        this.backward = track(backward);
        this.supportsMasking = true;
    }

    private static BaseRNN<?> copy(BaseRNN<?> layer, String prefix, boolean goBackwards) {
        Map<String, Object> c = new LinkedHashMap<>(layer.getConfig());
        String name = layer.name();
        c.put("name", prefix + (name.startsWith(prefix) ? name.substring(prefix.length()) : name));
        c.put("go_backwards", goBackwards);
        c.remove("batch_input_shape");
        c.remove("batch_shape");
        return (BaseRNN<?>) Layers.fromConfig(layer.className(), c);
    }

    /** Keras's {@code merge_mode=}: {@code "concat"} (default), {@code "sum"}, {@code "mul"}, {@code "ave"} or {@code "none"}. */
    public Bidirectional mergeMode(String mode) {
        String m = mode == null ? "none" : mode;
        if (!MODES.contains(m)) throw new IllegalArgumentException("Invalid merge mode. Received: " + mode + ". Merge mode should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
        this.mergeMode = m;
        return this;
    }

    public String mergeMode() {
        return mergeMode;
    }

    public BaseRNN<?> forwardLayer() {
        return forward;
    }

    public BaseRNN<?> backwardLayer() {
        return backward;
    }

    @Override
    public Map<String, Layer> saveableChildren() {
        Map<String, Layer> m = new LinkedHashMap<>();
        m.put("forward_layer", forward);
        m.put("backward_layer", backward);
        return m;
    }

    private int stateCount() {
        return forward.returnState() ? forward.stateCount() : 0;
    }

    @Override
    public void build(List<int[]> inputShapes) {
        forward.ensureBuilt(List.of(inputShapes.get(0)));
        backward.ensureBuilt(List.of(inputShapes.get(0)));
    }

    @Override
    public void build(int[] inputShape) {
        build(List.of(inputShape));
    }

    @Override
    protected List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        Tensor x = inputs.get(0);
        List<Tensor> masksIn = masks == null || masks.get(0) == null ? null : Collections.singletonList(masks.get(0));
        List<Tensor> fIn = new ArrayList<>(List.of(x));
        List<Tensor> bIn = new ArrayList<>(List.of(x));
        if (inputs.size() > 1) {
            int n = (inputs.size() - 1) / 2;
            if (inputs.size() != 1 + 2 * forward.stateCount()) {
                throw new IllegalArgumentException("Layer \"" + name() + "\" expects " + 2 * forward.stateCount() + " initial states (forward then backward); received " + (inputs.size() - 1));
            }
            fIn.addAll(inputs.subList(1, 1 + n));
            bIn.addAll(inputs.subList(1 + n, inputs.size()));
        }
        List<Tensor> f = forward.invoke(fIn, masksIn, training);
        List<Tensor> b = backward.invoke(bIn, masksIn, training);
        Tensor yf = f.get(0), yb = b.get(0);
        if (forward.returnSequences()) {
            int t = yb.dim(1);
            int[] rev = new int[t];
            for (int i = 0; i < t; i++) rev[i] = t - 1 - i;
            yb = Ops.take(yb, rev, 1);
        }
        List<Tensor> out = new ArrayList<>();
        switch (mergeMode) {
            case "concat" -> out.add(Ops.concatenate(-1, yf, yb));
            case "sum" -> out.add(Ops.add(yf, yb));
            case "mul" -> out.add(Ops.multiply(yf, yb));
            case "ave" -> out.add(Ops.multiply(Ops.add(yf, yb), 0.5f));
            default -> {
                out.add(yf);
                out.add(yb);
            }
        }
        if (forward.returnState()) {
            out.addAll(f.subList(1, f.size()));
            out.addAll(b.subList(1, b.size()));
        }
        return out;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return computeOutputShapes(List.of(inputShape)).get(0);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        List<int[]> f = forward.computeOutputShapes(List.of(inputShapes.get(0)));
        List<int[]> b = backward.computeOutputShapes(List.of(inputShapes.get(0)));
        List<int[]> out = new ArrayList<>();
        int[] y = f.get(0).clone();
        if (mergeMode.equals("concat")) y[y.length - 1] += b.get(0)[y.length - 1];
        out.add(y);
        if (mergeMode.equals("none")) out.add(b.get(0).clone());
        out.addAll(f.subList(1, f.size()));
        out.addAll(b.subList(1, b.size()));
        return out;
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return forward.returnSequences() ? mask : null;
    }

    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        Tensor m = computeMask(inputs.get(0), masks == null ? null : masks.get(0));
        List<Tensor> out = new ArrayList<>();
        out.add(m);
        if (mergeMode.equals("none")) out.add(m);
        out.addAll(Collections.nCopies(2 * stateCount(), null));
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("merge_mode", mergeMode.equals("none") ? null : mergeMode);
        c.put("layer", forward.serialize());
        c.put("backward_layer", backward.serialize());
        return c;
    }

    /** Rebuilds from a Keras 3 config (with {@code backward_layer}) or a Keras 2 config ({@code layer} only). */
    @SuppressWarnings("unchecked")
    public static Bidirectional fromConfig(Map<String, Object> c) {
        BaseRNN<?> layer = (BaseRNN<?>) Layers.deserialize((Map<String, Object>) c.get("layer"));
        Bidirectional b;
        if (c.get("backward_layer") != null) {
            BaseRNN<?> back = (BaseRNN<?>) Layers.deserialize((Map<String, Object>) c.get("backward_layer"));
            b = new Bidirectional(layer, back, true);
        } else {
            b = new Bidirectional(layer);
        }
        b.applyBaseConfig(c);
        if (c.containsKey("merge_mode")) b.mergeMode((String) c.get("merge_mode"));
        return b;
    }
}
