package keras4j.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Layers;
import keras4j.layers.InputLayer;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * A linear stack of layers, Keras's {@code keras.Sequential}.
 * <pre>{@code
 * Sequential model = new Sequential();
 * model.add(new Dense(64).inputShape(784).activation("tanh"));
 * model.add(new Dense(10).activation("softmax"));
 * }</pre>
 * The model is built as soon as its input shape is known (from an {@link InputLayer}/{@code Input}, or the
 * first layer's {@code inputShape}), so shape errors surface at {@link #add}; otherwise at the first call.
 * Masks flow from layer to layer ({@code Masking} into mask-aware layers).
 *
 * <p>Once built, the model is also a functional graph, as in Keras 3 (where {@code Sequential.build} calls
 * every layer on the {@code Input} and keeps a {@code Functional} of it): {@link #inputs()}, {@link #outputs()},
 * {@link #input()}, {@link #output()}, {@link #inputShape()}, {@link #outputShape()} work, and so does
 * each layer's {@code output()}, for feature extraction:
 * <pre>{@code
 * Sequential model = new Sequential(Input.of(784), new Dense(64).name("hidden"), new Dense(10));
 * Model features = new Model(model.inputs(), model.getLayer("hidden").output());   // (None, 64)
 * }</pre>
 */
public class Sequential extends Model {
    private InputLayer input;
    private final List<Layer> layers = new ArrayList<>();
    /** Keras's {@code Sequential._functional}: the graph from the input through every layer; null until built. */
    private Model functional;

    public Sequential() {
    }

    public Sequential(String name) {
        setName(name);
    }

    /** A model of these layers, like {@code keras.Sequential([...])}: added in order, then built once. */
    public Sequential(Layer... layers) {
        this(null, java.util.Arrays.asList(layers));
    }

    /** A model of these layers, like {@code keras.Sequential([...])}. */
    public Sequential(List<? extends Layer> layers) {
        this(null, layers);
    }

    /** A named model of these layers, like {@code keras.Sequential([...], name=...)}. */
    public Sequential(String name, List<? extends Layer> layers) {
        if (name != null) setName(name);
        for (Layer l : layers) add(l, false);
        rebuild();
    }

    /** A model from an {@code Input} and layers, like {@code keras.Sequential([keras.Input(...), ...])}. */
    public Sequential(KerasTensor input, Layer... layers) {
        add(input);
        for (Layer l : layers) add(l, false);
        rebuild();
    }

    @Override
    public String className() {
        return "Sequential";
    }

    /** Adds a layer on top; builds it now when the input shape is known. */
    public Sequential add(Layer layer) {
        return add(layer, true);
    }

    private Sequential add(Layer layer, boolean rebuild) {
        if (layer == null) throw new IllegalArgumentException("Sequential.add: layer must not be null");
        if (layer instanceof InputLayer in) {
            if (input != null || !layers.isEmpty()) {
                throw new IllegalArgumentException("Sequential model '" + name() + "' has already been configured to use an input; an InputLayer can only be the first layer.");
            }
            input = in;
            if (rebuild) rebuild();
            return this;
        }
        for (Layer l : layers) {
            if (l.name().equals(layer.name())) {
                throw new IllegalArgumentException("All layers added to a Sequential model should have unique names. Name '" + layer.name()
                        + "' is already the name of a layer in this model. Update the `name` argument to pass a unique name.");
            }
        }
        if (input == null && layers.isEmpty() && layer.batchInputShape() != null && layer.batchInputShape().length > 1) {
            input = new InputLayer(null, layer.batchInputShape());
        }
        layers.add(layer);
        track(layer);
        if (!rebuild) return this;
        try {
            rebuild();
        } catch (RuntimeException e) {
            layers.remove(layers.size() - 1);
            untrackLast();
            rebuild();
            throw e;
        }
        return this;
    }

    /** Adds the input of {@code Input.of(...)} as the model's input layer. */
    public Sequential add(KerasTensor input) {
        if (!(input.layer() instanceof InputLayer in)) {
            throw new IllegalArgumentException("Sequential.add takes layers or an Input(); received a tensor produced by layer " + input.layer().name());
        }
        return add(in);
    }

    /** Removes the last layer (Keras's {@code pop}). */
    public Layer pop() {
        if (layers.isEmpty()) throw new IllegalStateException("There are no layers in the model.");
        Layer removed = layers.remove(layers.size() - 1);
        untrackLast();
        rebuild();
        return removed;
    }

    private void untrackLast() {
        List<Layer> keep = new ArrayList<>(layers);
        resetTracking(keep);
    }

    /**
     * Keras's {@code _maybe_rebuild}: once the input shape is known and there is a layer, calls every layer on
     * the input's symbolic tensor (building it and checking shapes) and keeps the functional graph of it.
     */
    private void rebuild() {
        functional = null;
        if (input == null) return;
        markBuilt(input.batchShape());
        if (layers.isEmpty()) return;
        KerasTensor x = input.output();
        for (Layer l : layers) x = l.apply(x);
        functional = new Model(null, List.of(input.output()), List.of(x), false, false);
    }

    @Override
    Graph graph(String what) {
        if (functional == null) {
            throw new IllegalStateException("Sequential model '" + name() + "' has no defined " + what + " yet. Give it an input shape first: add(Input.of(...)) "
                    + "or inputShape(...) on the first layer, build(...), or call it on data.");
        }
        return functional.graph(what);
    }

    @Override
    public void build(int[] inputShape) {
        if (input == null) {
            input = new InputLayer(null, inputShape);
            rebuild();
        }
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The input layer, or null when the input shape is not known yet. */
    public InputLayer inputLayer() {
        return input;
    }

    @Override
    boolean hasLayerGraph() {
        return functional != null;
    }

    @Override
    public List<String> inputNames() {
        return input == null ? List.of() : List.of(input.name());
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException("Sequential model '" + name() + "' expects 1 input, but it received " + inputShapes.size());
        }
        if (input == null) build(inputShapes.get(0));
        else checkInput(inputShapes.get(0));
        int[] out = functional == null ? input.batchShape() : functional.graph("output shape").outputs.get(0).dims();
        if (out.length > 0) out[0] = inputShapes.get(0)[0];
        return List.of(out);
    }

    @Override
    public List<String> outputNames() {
        return layers.isEmpty() ? List.of() : List.of(layers.get(layers.size() - 1).name());
    }

    @Override
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Sequential model '" + name() + "' expects 1 input, but it received " + inputs.size() + " input tensors");
        }
        Tensor x = inputs.get(0);
        if (input == null) build(withUnknownBatch(x.shape()));
        else checkInput(x.shape());
        Tensor mask = null;
        for (Layer l : layers) {
            List<Tensor> masks = mask == null ? null : Collections.singletonList(mask);
            Tensor out = l.invoke(List.of(x), masks, training).get(0);
            mask = l.computeMask(x, mask);
            x = out;
        }
        return List.of(x);
    }

    private static int[] withUnknownBatch(int[] shape) {
        int[] s = shape.clone();
        if (s.length > 0) s[0] = -1;
        return s;
    }

    private void checkInput(int[] shape) {
        int[] expected = input.batchShape();
        boolean ok = expected.length == shape.length;
        for (int i = 0; ok && i < shape.length; i++) ok = expected[i] < 0 || shape[i] < 0 || expected[i] == shape[i];
        if (!ok) {
            throw new IllegalArgumentException("Input 0 of layer \"" + name() + "\" is incompatible with the layer: expected shape=" + formatShape(expected)
                    + ", found shape=" + formatShape(shape));
        }
    }

    // ------------------------------------------------------------------ config

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("trainable", trainable());
        c.put("dtype", super.getConfig().get("dtype"));
        List<Object> ls = new ArrayList<>();
        if (input != null) ls.add(input.serialize());
        for (Layer l : layers) ls.add(l.serialize());
        c.put("layers", ls);
        if (input != null) c.put("build_input_shape", Config.shape(input.batchShape()));
        return c;
    }

    @Override
    public Map<String, Object> serialize() {
        Map<String, Object> m = Config.serialize(this);
        m.put("module", "keras");
        if (input != null) m.put("build_config", Config.of("input_shape", Config.shape(input.batchShape())));
        return m;
    }

    @Override
    public String module() {
        return "keras";
    }

    /** Rebuilds from Keras 3's config, Keras 2's, or Keras ≤ 2.1's bare list of layers. */
    @SuppressWarnings("unchecked")
    public static Sequential fromConfig(Object config) {
        Map<String, Object> c = config instanceof Map ? (Map<String, Object>) config : Map.of("layers", config);
        Sequential model = c.get("name") != null ? new Sequential((String) c.get("name")) : new Sequential();
        List<Object> ls = (List<Object>) c.get("layers");
        if (ls == null) throw new IllegalArgumentException("Sequential config needs \"layers\"; received keys " + c.keySet());
        for (Object o : ls) {
            Map<String, Object> entry = (Map<String, Object>) o;
            model.add(Layers.deserialize(entry));
        }
        if (model.input == null && c.get("build_input_shape") != null) model.build(Config.toShape(c.get("build_input_shape")));
        return model;
    }
}
