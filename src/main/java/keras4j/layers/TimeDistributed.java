package keras4j.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code TimeDistributed(layer)}: applies {@code layer} to every timestep by folding time into the batch.
 * {@code (batch, t, ...)} → {@code (batch, t, ...layer output)}; the incoming mask passes through.
 */
public final class TimeDistributed extends AbstractLayer<TimeDistributed> {
    private final Layer layer;

    public TimeDistributed(Layer layer) {
        if (layer == null) throw new IllegalArgumentException("TimeDistributed: argument `layer` must be a Layer. Received: layer=null");
        this.layer = track(layer);
        this.supportsMasking = true;
    }

    public Layer layer() {
        return layer;
    }

    @Override
    public Map<String, Layer> saveableChildren() {
        return Map.of("layer", layer);
    }

    private int[] innerShape(int[] inputShape) {
        if (inputShape.length < 3) {
            throw new IllegalArgumentException("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions, received: " + formatShape(inputShape));
        }
        int[] s = Arrays.copyOfRange(inputShape, 1, inputShape.length);
        s[0] = inputShape[0] < 0 || inputShape[1] < 0 ? -1 : inputShape[0] * inputShape[1];
        return s;
    }

    @Override
    public void build(int[] inputShape) {
        layer.ensureBuilt(List.of(innerShape(inputShape)));
    }

    @Override
    protected Tensor call(Tensor inputs, Tensor mask, boolean training) {
        int[] s = inputs.shape();
        int[] inner = innerShape(s);
        Tensor y = layer.invoke(List.of(Ops.reshape(inputs, inner)), null, training).get(0);
        int[] ys = y.shape();
        int[] out = new int[ys.length + 1];
        out[0] = s[0];
        out[1] = s[1];
        System.arraycopy(ys, 1, out, 2, ys.length - 1);
        return Ops.reshape(y, out);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] inner = layer.computeOutputShape(innerShape(inputShape));
        int[] out = new int[inner.length + 1];
        out[0] = inputShape[0];
        out[1] = inputShape[1];
        System.arraycopy(inner, 1, out, 2, inner.length - 1);
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("layer", layer.serialize());
        return c;
    }

    @SuppressWarnings("unchecked")
    public static TimeDistributed fromConfig(Map<String, Object> c) {
        TimeDistributed t = new TimeDistributed(Layers.deserialize((Map<String, Object>) c.get("layer")));
        t.applyBaseConfig(c);
        return t;
    }
}
