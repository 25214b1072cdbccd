package keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import keras4j.autograd.Variable;
import keras4j.ops.Ops;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;
import keras4j.utils.Names;

/**
 * The base of every layer and model, like {@code keras.layers.Layer}.
 *
 * <p>The contract, as in Keras: the constructor validates and stores configuration;
 * {@link #build(int[])} creates weights from the first input shape; {@link #call(Tensor, boolean)} is
 * written in {@code keras4j.ops}; {@link #computeOutputShape(int[])} is pure shape arithmetic;
 * {@link #getConfig()} returns the constructor's options under Keras's names.
 *
 * <p>Shapes include the batch axis first, with -1 for an unknown size (Keras's {@code None}).
 * Concrete layers extend {@link AbstractLayer}, which adds the fluent Keras options.
 */
public abstract class Layer implements KerasObject {
    private String name;
    /** The prefix of the automatic name given at construction, while the name is still that one (else null). */
    private String autoNamePrefix;
    private boolean trainable = true;
    private boolean built;
    private int[] buildInputShape;
    private int[] batchInputShape;
    private final List<Variable> ownWeights = new ArrayList<>();
    private final List<Regularized> regularized = new ArrayList<>();
    private final List<Layer> sublayers = new ArrayList<>();
    private final List<Tensor> callLosses = new ArrayList<>();
    private final List<Node> inboundNodes = new ArrayList<>();
    private Function<Tensor, Tensor> activityRegularizer;
    private Object activityRegularizerConfig;
    /** Checked against every input shape at build and call time; null accepts anything. */
    protected InputSpec inputSpec;
    /** Whether this layer passes an incoming mask through unchanged (see {@link #computeMask}). */
    protected boolean supportsMasking;

    private record Regularized(Variable variable, Function<Tensor, Tensor> regularizer) {}

    /**
     * Names the layer now, as Keras's {@code Operation.__init__} does with {@code auto_name(class name)}: the
     * snake_case class name made unique per session ({@code dense}, {@code dense_1}, ...), in order of
     * construction, so layers built in one order and used in another get Keras's names (in configs and in the
     * layer-named groups of legacy .h5 weight files).
     */
    protected Layer() {
        autoNamePrefix = Config.snakeCase(className());
        name = Names.unique(autoNamePrefix);
    }

    // ------------------------------------------------------------------ identity

    /** The layer's name: given, or Keras's automatic snake_case name given at construction ({@code dense}, {@code dense_1}, ...). */
    public String name() {
        return name;
    }

    /**
     * Sets an explicit name (Keras's {@code name=} argument). The automatic name drawn at construction is
     * given back when no other layer of the class was named since, so {@code new Dense(3).name("head")}
     * leaves {@code dense} for the next Dense, as {@code Dense(3, name="head")} does in Keras.
     */
    protected void setName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException(className() + ": name must not be empty");
        if (name.contains("/")) throw new IllegalArgumentException(className() + ": name must not contain '/'. Received: name=" + name);
        if (autoNamePrefix != null) {
            Names.release(autoNamePrefix, this.name);
            autoNamePrefix = null;
        }
        this.name = name;
    }

    @Override
    public String module() {
        return "keras.layers";
    }

    public boolean trainable() {
        return trainable;
    }

    protected void setTrainable(boolean trainable) {
        this.trainable = trainable;
        for (Layer l : sublayers) l.setTrainable(trainable);
    }

    public boolean built() {
        return built;
    }

    /** The batch input shape given with {@code inputShape}/{@code batchSize}, or null. */
    public int[] batchInputShape() {
        return batchInputShape == null ? null : batchInputShape.clone();
    }

    protected void setBatchInputShape(int[] shape) {
        this.batchInputShape = shape.clone();
    }

    /** The input shape the layer was built with (batch axis first), or null before building. */
    public int[] buildInputShape() {
        return buildInputShape == null ? null : buildInputShape.clone();
    }

    public boolean supportsMasking() {
        return supportsMasking;
    }

    // ------------------------------------------------------------------ weights

    /**
     * Creates a weight, like Keras's {@code add_weight}. The regularizer (nullable) joins {@link #losses()};
     * the constraint (nullable) is applied after each optimizer update.
     */
    protected Variable addWeight(String weightName, int[] shape, Function<int[], Tensor> initializer,
                                 Function<Tensor, Tensor> regularizer, UnaryOperator<Tensor> constraint, boolean trainableWeight) {
        Tensor init = initializer.apply(shape.clone());
        if (!Arrays.equals(init.shape(), shape)) {
            throw new IllegalStateException(name() + ": initializer for " + weightName + " produced shape " + formatShape(init.shape())
                    + ", expected " + formatShape(shape));
        }
        Variable v = new Variable(weightName, init, trainableWeight);
        v.setConstraint(constraint);
        ownWeights.add(v);
        if (regularizer != null) regularized.add(new Regularized(v, regularizer));
        return v;
    }

    protected Variable addWeight(String weightName, int[] shape, Function<int[], Tensor> initializer, boolean trainableWeight) {
        return addWeight(weightName, shape, initializer, null, null, trainableWeight);
    }

    /**
     * This layer's own variables in Keras's saving order: trainable ones, then non-trainable ones, each in
     * creation order (Keras's {@code save_own_variables}); sublayers' variables are not included.
     */
    public List<Variable> ownVariables() {
        List<Variable> out = new ArrayList<>();
        for (Variable v : ownWeights) if (v.trainable()) out.add(v);
        for (Variable v : ownWeights) if (!v.trainable()) out.add(v);
        return out;
    }

    /** Sublayers whose variables are saved under this layer's path (Keras's tracked children, e.g. an RNN's cell). */
    public Map<String, Layer> saveableChildren() {
        return Map.of();
    }

    /** Tracks a layer owned by this one (wrappers, models), so its weights and losses count here. */
    protected <L extends Layer> L track(L layer) {
        sublayers.add(layer);
        return layer;
    }

    /** Replaces the tracked sublayers (for containers that remove layers). */
    protected void resetTracking(List<Layer> layers) {
        sublayers.clear();
        sublayers.addAll(layers);
    }

    protected List<Layer> trackedLayers() {
        return Collections.unmodifiableList(sublayers);
    }

    /** All weights: this layer's, then its sublayers', in creation order (Keras's {@code weights}). */
    public List<Variable> weights() {
        List<Variable> all = new ArrayList<>(ownWeights);
        for (Layer l : sublayers) {
            for (Variable v : l.weights()) if (!all.contains(v)) all.add(v);
        }
        return all;
    }

    /** Weights updated by training; empty when the layer is frozen ({@code trainable=false}). */
    public List<Variable> trainableWeights() {
        if (!trainable) return List.of();
        List<Variable> out = new ArrayList<>();
        for (Variable v : ownWeights) if (v.trainable()) out.add(v);
        for (Layer l : sublayers) for (Variable v : l.trainableWeights()) if (!out.contains(v)) out.add(v);
        return out;
    }

    /** Weights not updated by the optimizer (e.g. moving statistics, or everything when frozen). */
    public List<Variable> nonTrainableWeights() {
        List<Variable> trainableOnes = trainableWeights();
        List<Variable> out = new ArrayList<>();
        for (Variable v : weights()) if (!trainableOnes.contains(v)) out.add(v);
        return out;
    }

    /** Copies of the weight values, Keras's {@code get_weights()} (trainable then non-trainable order as created). */
    public List<Tensor> getWeights() {
        List<Tensor> out = new ArrayList<>();
        for (Variable v : weights()) out.add(v.peek().copy());
        return out;
    }

    /** Overwrites every weight, Keras's {@code set_weights()}; counts and shapes must match. */
    public void setWeights(List<Tensor> values) {
        List<Variable> ws = weights();
        if (values.size() != ws.size()) {
            throw new IllegalArgumentException("Layer " + name() + " expects " + ws.size() + " weights, but the given weights list has " + values.size() + " elements");
        }
        for (int i = 0; i < ws.size(); i++) {
            if (!Arrays.equals(ws.get(i).shape(), values.get(i).shape())) {
                throw new IllegalArgumentException("Layer " + name() + " weight shape " + formatShape(ws.get(i).shape()) + " (" + ws.get(i).name()
                        + ") is not compatible with provided weight shape " + formatShape(values.get(i).shape()));
            }
        }
        for (int i = 0; i < ws.size(); i++) ws.get(i).assign(values.get(i));
    }

    /** Number of scalars in all weights; 0 before the layer is built. */
    public long countParams() {
        long n = 0;
        for (Variable v : weights()) n += v.size();
        return n;
    }

    // ------------------------------------------------------------------ losses

    /** Sets the activity regularizer; {@code config} is what {@link #getConfig()} reports for it. */
    protected void setActivityRegularizer(Function<Tensor, Tensor> regularizer, Object config) {
        this.activityRegularizer = regularizer;
        this.activityRegularizerConfig = config;
    }

    Object activityRegularizerConfig() {
        return activityRegularizerConfig;
    }

    /**
     * Penalties to add to the training loss (Keras's {@code layer.losses}): weight regularizers evaluated on the
     * current weights, plus activity regularizers from the latest call, including sublayers'.
     */
    public List<Tensor> losses() {
        List<Tensor> out = new ArrayList<>();
        for (Regularized r : regularized) out.add(r.regularizer.apply(r.variable.value()));
        out.addAll(callLosses);
        for (Layer l : sublayers) out.addAll(l.losses());
        return out;
    }

    /** Adds a loss for the current call (Keras's {@code add_loss}). */
    protected void addLoss(Tensor loss) {
        callLosses.add(loss);
    }

    /** Forgets losses recorded by earlier calls (done before each training step). */
    public void clearCallLosses() {
        callLosses.clear();
        for (Layer l : sublayers) l.clearCallLosses();
    }

    // ------------------------------------------------------------------ building

    /** Creates the weights for inputs of this shape (batch axis first). Override to add weights. */
    public void build(int[] inputShape) {
    }

    /** Builds for several inputs (merge layers override this). */
    public void build(List<int[]> inputShapes) {
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects 1 input, but it received " + inputShapes.size() + " input tensors");
        }
        build(inputShapes.get(0));
    }

    /** Builds once, checking the input spec first. */
    public final void ensureBuilt(List<int[]> inputShapes) {
        checkInputs(inputShapes);
        if (built) return;
        build(inputShapes);
        buildInputShape = inputShapes.size() == 1 ? inputShapes.get(0).clone() : null;
        buildInputShapes = inputShapes.stream().map(int[]::clone).toList();
        built = true;
    }

    private List<int[]> buildInputShapes;

    /** The shapes the layer was built with (one per input). */
    public List<int[]> buildInputShapes() {
        return buildInputShapes;
    }

    private void checkInputs(List<int[]> shapes) {
        if (inputSpec == null) return;
        for (int i = 0; i < shapes.size(); i++) inputSpec.check(name(), i, shapes.get(i));
    }

    /** Marks the layer built without calling {@link #build} (for layers restored from weights). */
    protected void markBuilt(int[] inputShape) {
        built = true;
        buildInputShape = inputShape == null ? null : inputShape.clone();
        buildInputShapes = inputShape == null ? null : List.of(inputShape.clone());
    }

    // ------------------------------------------------------------------ shapes

    /**
     * The output shape for an input shape (batch axis first). The default builds the layer and runs it on
     * zeros with unknown sizes set to 1; layers override it with Keras's shape arithmetic.
     */
    public int[] computeOutputShape(int[] inputShape) {
        return computeOutputShapes(List.of(inputShape)).get(0);
    }

    /**
     * Output shapes for several inputs. For one input, a subclass's {@link #computeOutputShape(int[])} is used
     * when it overrides it (so unknown sizes stay unknown); otherwise the default traces {@link #call} on zeros.
     */
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (inputShapes.size() == 1 && overridesComputeOutputShape()) return List.of(computeOutputShape(inputShapes.get(0)));
        ensureBuilt(inputShapes);
        List<Tensor> zeros = new ArrayList<>();
        for (int[] s : inputShapes) {
            int[] concrete = s.clone();
            for (int i = 0; i < concrete.length; i++) if (concrete[i] < 0) concrete[i] = 1;
            zeros.add(Tensor.zeros(concrete));
        }
        List<Tensor> outs = keras4j.autograd.GradientTape.withoutRecording(() -> callAll(zeros, null, false));
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : outs) {
            int[] s = t.shape();
            if (s.length > 0 && inputShapes.get(0).length > 0 && inputShapes.get(0)[0] < 0) s[0] = -1;
            shapes.add(s);
        }
        return shapes;
    }

    private boolean overridesComputeOutputShape() {
        try {
            return getClass().getMethod("computeOutputShape", int[].class).getDeclaringClass() != Layer.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ calling

    /** Calls the layer on a concrete tensor in inference mode (Keras's {@code layer(x)}). */
    public Tensor apply(Tensor inputs) {
        return apply(inputs, false);
    }

    /** Calls the layer on a concrete tensor; {@code training} switches dropout-like behaviour. */
    public Tensor apply(Tensor inputs, boolean training) {
        return invoke(List.of(inputs), null, training).get(0);
    }

    /** Calls a multi-input layer on concrete tensors. */
    public List<Tensor> apply(List<Tensor> inputs, boolean training) {
        return invoke(inputs, null, training);
    }

    /**
     * Builds if needed, checks the input spec, runs {@link #callAll}, and records the activity regularizer's
     * loss. {@code masks} may be null (no masks).
     */
    public final List<Tensor> invoke(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        List<int[]> shapes = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) shapes.add(t.shape());
        ensureBuilt(shapes);
        callLosses.clear();
        List<Tensor> outputs = callAll(inputs, masks, training);
        if (activityRegularizer != null) {
            for (Tensor out : outputs) {
                int batch = out.rank() == 0 ? 1 : out.dim(0);
                addLoss(Ops.divide(activityRegularizer.apply(out), (float) batch));
            }
        }
        return outputs;
    }

    /**
     * The computation for a list of inputs (with optional masks). The default handles one input by calling
     * {@link #call(Tensor, Tensor, boolean)}; multi-input and multi-output layers override this.
     */
    protected List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" expects 1 input, but it received " + inputs.size() + " input tensors");
        }
        return List.of(call(inputs.get(0), masks == null ? null : masks.get(0), training));
    }

    /** The computation with the incoming mask (nullable); mask-aware layers override this. */
    protected Tensor call(Tensor inputs, Tensor mask, boolean training) {
        return call(inputs, training);
    }

    /** The computation, written in {@code keras4j.ops}. */
    protected Tensor call(Tensor inputs, boolean training) {
        throw new IllegalStateException("Layer \"" + name() + "\" (" + className() + ") does not define call for a single input");
    }

    /** The mask of the output given the input and its mask (Keras's {@code compute_mask}). */
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return supportsMasking ? mask : null;
    }

    /** Output masks for several inputs; the default handles one input. */
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        if (inputs.size() == 1) return java.util.Collections.singletonList(computeMask(inputs.get(0), masks == null ? null : masks.get(0)));
        List<Tensor> none = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) none.add(null);
        return none;
    }

    // ------------------------------------------------------------------ symbolic calls

    /** Applies the layer to a symbolic tensor, returning the symbolic output (functional API). */
    public KerasTensor apply(KerasTensor input) {
        return apply(List.of(input)).get(0);
    }

    /** Applies the layer to symbolic tensors; shape errors surface here, naming the layer. */
    public List<KerasTensor> apply(List<KerasTensor> inputs) {
        List<int[]> shapes = new ArrayList<>();
        for (KerasTensor t : inputs) shapes.add(t.dims());
        ensureBuilt(shapes);
        List<int[]> outShapes = computeOutputShapes(shapes);
        int nodeIndex = inboundNodes.size();
        List<KerasTensor> outs = new ArrayList<>();
        for (int i = 0; i < outShapes.size(); i++) outs.add(new KerasTensor(outShapes.get(i), this, nodeIndex, i));
        inboundNodes.add(new Node(this, inputs, outs));
        return outs;
    }

    /**
     * Keras's {@code layer.output}: the symbolic output of the layer's first call on symbolic tensors (Keras 3
     * reads node 0, so a layer of a built {@code Sequential} or a layer shared later still answers). Feature
     * extraction: {@code new Model(model.inputs(), model.getLayer("dense").output())}.
     *
     * @return the output tensor of the first call; later calls: {@link #outputAt(int)}
     */
    public KerasTensor output() {
        return only(firstNode("output").outputs(), "output");
    }

    /**
     * Keras's {@code layer.input}: the symbolic input of the layer's first call (an InputLayer's input is its output).
     *
     * @return the input tensor of the first call; later calls: {@link #inputAt(int)}
     */
    public KerasTensor input() {
        Node n = firstNode("input");
        return n.inputs().isEmpty() ? only(n.outputs(), "input") : only(n.inputs(), "input");
    }

    /**
     * Keras's {@code layer.output.shape}: the output shape of the layer's first call, {@code (None, 64)}.
     *
     * @return the shape, batch axis first ({@code -1} for None)
     */
    public Shape outputShape() {
        return output().shape();
    }

    /**
     * Keras's {@code layer.input.shape}: the input shape of the layer's first call, {@code (None, 784)}.
     *
     * @return the shape, batch axis first ({@code -1} for None)
     */
    public Shape inputShape() {
        return input().shape();
    }

    /** The symbolic output of node {@code nodeIndex} (Keras's {@code get_output_at}). */
    public KerasTensor outputAt(int nodeIndex) {
        return only(nodeAt(nodeIndex, "output").outputs(), "output");
    }

    /** The symbolic input of node {@code nodeIndex} (Keras's {@code get_input_at}). */
    public KerasTensor inputAt(int nodeIndex) {
        Node n = nodeAt(nodeIndex, "input");
        return n.inputs().isEmpty() ? only(n.outputs(), "input") : only(n.inputs(), "input");
    }

    private Node firstNode(String what) {
        if (inboundNodes.isEmpty()) {
            throw new IllegalStateException("The layer " + name() + " has never been called and thus has no defined " + what + ".");
        }
        return inboundNodes.get(0);
    }

    private Node nodeAt(int nodeIndex, String what) {
        if (nodeIndex < 0 || nodeIndex >= inboundNodes.size()) {
            throw new IllegalArgumentException("Asked to get " + what + " at node " + nodeIndex + ", but the layer " + name() + " has only "
                    + inboundNodes.size() + " inbound nodes.");
        }
        return inboundNodes.get(nodeIndex);
    }

    private KerasTensor only(List<KerasTensor> tensors, String what) {
        if (tensors.size() != 1) {
            throw new IllegalStateException("The layer " + name() + " has " + tensors.size() + " " + what
                    + " tensors; read them from inboundNodes().get(i)." + what + "s().");
        }
        return tensors.get(0);
    }

    /** Nodes created by applying this layer to symbolic tensors, in order (Keras's {@code _inbound_nodes}). */
    public List<Node> inboundNodes() {
        return Collections.unmodifiableList(inboundNodes);
    }

    /** Creates a symbolic tensor produced by this layer (used by InputLayer). */
    protected KerasTensor newNode(int[] shape) {
        KerasTensor t = new KerasTensor(shape, this, inboundNodes.size(), 0);
        inboundNodes.add(new Node(this, List.of(), List.of(t)));
        return t;
    }

    // ------------------------------------------------------------------ config

    /** Keras's base config: name, trainable and dtype policy. Subclasses add their options. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("trainable", trainable);
        c.put("dtype", Config.of("module", "keras", "class_name", "DTypePolicy", "config", Config.of("name", "float32"), "registered_name", null));
        return c;
    }

    /** Applies the base options (name, trainable) of a config to this layer; used by {@code fromConfig}. */
    protected void applyBaseConfig(Map<String, Object> config) {
        if (config.get("name") != null) setName((String) config.get("name"));
        if (config.get("trainable") != null) setTrainable((Boolean) config.get("trainable"));
        Object bis = config.containsKey("batch_input_shape") ? config.get("batch_input_shape") : config.get("batch_shape");
        if (bis != null) setBatchInputShape(Config.toShape(bis));
    }

    /** Keras's serialized form, with {@code build_config} once built. */
    @Override
    public Map<String, Object> serialize() {
        Map<String, Object> m = Config.serialize(this);
        if (built && buildInputShape != null) m.put("build_config", Config.of("input_shape", Config.shape(buildInputShape)));
        return m;
    }

    /** Keras's repr of a shape, {@code (None, 26, 26, 32)} (-1 prints as None): {@link Shape#format(int...)}. */
    public static String formatShape(int[] shape) {
        return Shape.format(shape);
    }

    @Override
    public String toString() {
        return "<" + className() + " name=" + name() + ", built=" + built + ">";
    }
}
