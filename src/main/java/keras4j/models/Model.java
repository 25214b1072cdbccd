package keras4j.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.callbacks.History;
import keras4j.callbacks.TrainingModel;
import java.util.Set;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.layers.InputLayer;
import keras4j.optimizers.Optimizer;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.SummaryTable;

/**
 * A trainable graph of layers, like {@code keras.Model}: {@link #compile}, {@link #fit}, {@link #evaluate},
 * {@link #predict}. Built from symbolic tensors (the functional API):
 * <pre>{@code
 * KerasTensor in = Input.of(784);
 * KerasTensor h = new Dense(64).activation("relu").apply(in);
 * Model model = new Model(in, new Dense(10).activation("softmax").apply(h));
 * }</pre>
 * {@link Sequential} is the linear kind. Subclasses may override {@link #forward} for custom models.
 */
public class Model extends Layer implements TrainingModel {
    static {
        NotebookHook.wake();
    }

    private Trainer trainer;
    private boolean stopTraining;
    private final Graph graph;
    private final boolean inputsAsList;
    private final boolean outputsAsList;

    /** For subclasses that define their own layers and {@link #forward} (Sequential, custom models). */
    protected Model() {
        this.graph = null;
        this.inputsAsList = false;
        this.outputsAsList = false;
    }

    /** A functional model from one input to one output (Keras's {@code keras.Model(inputs, outputs)}). */
    public Model(KerasTensor input, KerasTensor output) {
        this(null, List.of(input), List.of(output), false, false);
    }

    /** A named functional model from one input to one output. */
    public Model(KerasTensor input, KerasTensor output, String name) {
        this(name, List.of(input), List.of(output), false, false);
    }

    /** A functional model with several inputs and/or outputs. */
    public Model(List<KerasTensor> inputs, List<KerasTensor> outputs) {
        this(null, inputs, outputs, true, true);
    }

    public Model(List<KerasTensor> inputs, List<KerasTensor> outputs, String name) {
        this(name, inputs, outputs, true, true);
    }

    /** A functional model with several inputs and one output. */
    public Model(List<KerasTensor> inputs, KerasTensor output) {
        this(null, inputs, List.of(output), true, false);
    }

    /** A named functional model with several inputs and one output ({@code keras.Model(inputs, output, name=...)}). */
    public Model(List<KerasTensor> inputs, KerasTensor output, String name) {
        this(name, inputs, List.of(output), true, false);
    }

    Model(String name, List<KerasTensor> inputs, List<KerasTensor> outputs, boolean inputsAsList, boolean outputsAsList) {
        if (name != null) setName(name);
        this.graph = new Graph(name(), inputs, outputs);
        this.inputsAsList = inputsAsList;
        this.outputsAsList = outputsAsList;
        for (Layer l : graph.layers) if (!(l instanceof InputLayer)) track(l);
        markBuilt(inputs.size() == 1 ? inputs.get(0).dims() : null);
    }

    @Override
    public String className() {
        // Decided by class, not by the graph field, so that the name drawn at construction is "functional".
        return getClass() == Model.class ? "Functional" : getClass().getSimpleName();
    }

    @Override
    public String module() {
        return graph != null ? "keras.src.models.functional" : "keras";
    }

    /**
     * The functional graph behind the model: its own for a functional model, the one a {@link Sequential}
     * builds once its input shape is known (as Keras's {@code Sequential._functional}).
     *
     * @param what what was asked for, for the error ("inputs", "output shape", ...)
     */
    Graph graph(String what) {
        if (graph == null) {
            throw new IllegalStateException("Model '" + name() + "' (" + className() + ") has no layer graph, so it has no defined " + what
                    + ". Subclassed models define layers() and forward(); only functional and Sequential models have symbolic inputs and outputs.");
        }
        return graph;
    }

    /** The model's layers in order (Keras's {@code model.layers}; functional models include their InputLayers). */
    public List<Layer> layers() {
        return graph("layers").layers;
    }

    /** Runs the model on concrete inputs (one tensor per model input), returning one tensor per output. */
    protected List<Tensor> forward(List<Tensor> inputs, boolean training) {
        return graph("forward pass").run(name(), inputs, training);
    }

    /**
     * The shape of every output, Keras's {@code model.output_shape} for a model with several outputs.
     *
     * @return one shape per output, printed {@code [(None, 10), (None, 1)]}
     */
    public List<Shape> outputShapes() {
        return shapesOf(graph("output shape").outputs);
    }

    /**
     * The shape of every input, Keras's {@code model.input_shape} for a model with several inputs.
     *
     * @return one shape per input, printed {@code [(None, 784), (None, 10)]}
     */
    public List<Shape> inputShapes() {
        return shapesOf(graph("input shape").inputs);
    }

    /**
     * Keras's {@code model.output_shape} of a one-output model: {@code (None, 10)}. A model with several
     * outputs has a list of shapes: {@link #outputShapes()}.
     *
     * @return the output shape, batch axis first ({@code None} = -1)
     */
    @Override
    public Shape outputShape() {
        return single(outputShapes(), "output", "outputShapes()");
    }

    /**
     * Keras's {@code model.input_shape} of a one-input model: {@code (None, 784)}. A model with several
     * inputs has a list of shapes: {@link #inputShapes()}.
     *
     * @return the input shape, batch axis first ({@code None} = -1)
     */
    @Override
    public Shape inputShape() {
        return single(inputShapes(), "input", "inputShapes()");
    }

    private static List<Shape> shapesOf(List<KerasTensor> tensors) {
        List<Shape> out = new ArrayList<>(tensors.size());
        for (KerasTensor t : tensors) out.add(t.shape());
        return List.copyOf(out);
    }

    private <T> T single(List<T> values, String what, String plural) {
        if (values.size() != 1) {
            throw new IllegalStateException("Model '" + name() + "' has " + values.size() + " " + what + "s; use " + plural + " for the list.");
        }
        return values.get(0);
    }

    /** Names of the output layers, used for per-output log names ({@code dense_loss}). */
    public List<String> outputNames() {
        List<String> out = new ArrayList<>();
        for (KerasTensor t : graph("outputs").outputs) out.add(t.layer().name());
        return out;
    }

    /** Names of the input layers, in order. */
    public List<String> inputNames() {
        List<String> out = new ArrayList<>();
        for (KerasTensor t : graph("inputs").inputs) out.add(t.layer().name());
        return out;
    }

    /**
     * Keras's {@code model.inputs}: the symbolic input tensors, for a functional model and for a
     * {@link Sequential} whose input shape is known.
     *
     * @return the inputs, in order
     */
    public List<KerasTensor> inputs() {
        return graph("inputs").inputs;
    }

    /**
     * Keras's {@code model.outputs}: the symbolic output tensors (of a functional model, or of a built
     * {@link Sequential}: its last layer's output). Feature extraction reads them, or any layer's
     * {@code output()}: {@code new Model(model.inputs(), model.getLayer("dense").output())}.
     *
     * @return the outputs, in order
     */
    public List<KerasTensor> outputs() {
        return graph("outputs").outputs;
    }

    /**
     * Keras's {@code model.input} of a one-input model (the {@code Input} it was built from).
     *
     * @return the only input tensor; a model with several inputs: {@link #inputs()}
     */
    @Override
    public KerasTensor input() {
        return single(inputs(), "input", "inputs()");
    }

    /**
     * Keras's {@code model.output} of a one-output model.
     *
     * @return the only output tensor; a model with several outputs: {@link #outputs()}
     */
    @Override
    public KerasTensor output() {
        return single(outputs(), "output", "outputs()");
    }

    /**
     * One row of data per layer (name, class, shapes, parameters, connections), in {@code layers()} order:
     * what {@link #summary()} prints and the notebook displays show.
     *
     * @return the rows
     */
    public List<LayerRow> layerRows() {
        return LayerRow.of(this);
    }

    /** Whether the model has a layer graph (functional, or a Sequential whose input shape is known). */
    boolean hasLayerGraph() {
        return graph != null;
    }

    /** The graph's nodes that belong to this model (for summaries and configs). */
    Set<Node> graphNodes() {
        return graph("layer graph").nodes;
    }

    /** Keras's rule: one node per depth, each with one input, and no layer used twice. */
    boolean graphSequentialLike() {
        return graph("layer graph").sequentialLike();
    }

    // ------------------------------------------------------------------ summary

    /** Prints Keras 3's summary table (76 columns outside a terminal, as Keras). */
    public void summary() {
        summary(SummaryStyle.KERAS3);
    }

    /** Prints the summary in the given layout. */
    public void summary(SummaryStyle style) {
        System.out.print(summaryString(style));
    }

    /** The summary text (what {@link #summary()} prints). */
    public String summaryString(SummaryStyle style) {
        SummaryTable t = summaryTable(style);
        return style == SummaryStyle.CLASSIC ? t.renderClassic() : t.render();
    }

    /** The summary as a table object, to adjust (line length, trainable column) before rendering. */
    public SummaryTable summaryTable(SummaryStyle style) {
        return ModelSummary.table(this, style);
    }

    boolean isFunctional() {
        return graph != null;
    }

    boolean inputsAsList() {
        return inputsAsList;
    }

    boolean outputsAsList() {
        return outputsAsList;
    }

    /** A functional model's config in Keras's structure ({@code layers}, {@code input_layers}, {@code output_layers}). */
    @Override
    public Map<String, Object> getConfig() {
        return graph == null ? super.getConfig() : FunctionalConfig.getConfig(this);
    }

    @Override
    public Map<String, Object> serialize() {
        Map<String, Object> m = super.serialize();
        if (graph != null) m.put("registered_name", "Functional");
        return m;
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        if (graph == null) return super.computeOutputShapes(inputShapes);
        if (inputShapes.size() != graph.inputs.size()) {
            throw new IllegalArgumentException("Model \"" + name() + "\" expects " + graph.inputs.size() + " input(s), but it received " + inputShapes.size());
        }
        for (int i = 0; i < inputShapes.size(); i++) {
            int[] expected = graph.inputs.get(i).dims(), got = inputShapes.get(i);
            boolean ok = expected.length == got.length;
            for (int d = 1; ok && d < got.length; d++) ok = expected[d] < 0 || got[d] < 0 || expected[d] == got[d];
            if (!ok) {
                throw new IllegalArgumentException("Input " + i + " of model \"" + name() + "\" is incompatible: expected shape=" + formatShape(expected)
                        + ", found shape=" + formatShape(got));
            }
        }
        List<int[]> out = new ArrayList<>();
        for (KerasTensor t : graph.outputs) {
            int[] s = t.dims();
            if (s.length > 0 && inputShapes.get(0).length > 0) s[0] = inputShapes.get(0)[0];
            out.add(s);
        }
        return out;
    }

    @Override
    protected List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        return forward(inputs, training);
    }

    /** The layer with this name (Keras's {@code get_layer(name)}). */
    public Layer getLayer(String layerName) {
        for (Layer l : layers()) if (l.name().equals(layerName)) return l;
        List<String> names = new ArrayList<>();
        for (Layer l : layers()) names.add(l.name());
        throw new IllegalArgumentException("No such layer: " + layerName + ". Existing layers are: " + names + ".");
    }

    /** The layer at this index (Keras's {@code get_layer(index=i)}). */
    public Layer getLayer(int index) {
        List<Layer> ls = layers();
        if (index < 0 || index >= ls.size()) {
            throw new IllegalArgumentException("Was asked to retrieve layer at index " + index + " but model only has " + ls.size() + " layers.");
        }
        return ls.get(index);
    }

    // ------------------------------------------------------------------ compile

    /**
     * Configures training, Keras's {@code compile(optimizer, loss, metrics)}. Each argument is a Keras name
     * ({@code "adam"}, {@code "sparse_categorical_crossentropy"}, {@code "accuracy"}) or an object.
     */
    public void compile(Object optimizer, Object loss, Object... metrics) {
        compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
    }

    /** Configures training with every compile option (loss weights, per-output losses and metrics). */
    public void compile(CompileOptions options) {
        this.trainer = new Trainer(this, options);
    }

    public boolean compiled() {
        return trainer != null;
    }

    /** The compiled optimizer, or null before {@link #compile}. */
    public Optimizer optimizer() {
        return trainer == null ? null : trainer.optimizer();
    }

    Trainer trainer() {
        if (trainer == null) {
            throw new IllegalStateException("You must call compile() before using the model for training or evaluation (model \"" + name() + "\").");
        }
        return trainer;
    }

    // ------------------------------------------------------------------ fit / evaluate / predict

    /** Trains for one epoch with batch size 32 (Keras's defaults). */
    public History fit(Tensor x, Tensor y) {
        return fit(x, y, new FitOptions());
    }

    /** Trains for {@code epochs} epochs with the given batch size. */
    public History fit(Tensor x, Tensor y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** Trains with every Keras fit option; returns the {@link History} of epoch logs. */
    public History fit(Tensor x, Tensor y, FitOptions options) {
        return trainer().fit(List.of(x), List.of(y), options);
    }

    /** Trains a model with several inputs and/or outputs; lists are in input/output order. */
    public History fit(List<Tensor> xs, List<Tensor> ys, FitOptions options) {
        return trainer().fit(xs, ys, options);
    }

    /** Trains a model with several inputs and one output, Keras's {@code fit([a, b], y)}. */
    public History fit(List<Tensor> xs, Tensor y, FitOptions options) {
        return trainer().fit(xs, List.of(y), options);
    }

    /** Trains with inputs and targets given by input/output layer names. */
    public History fit(Map<String, Tensor> xs, Map<String, Tensor> ys, FitOptions options) {
        return trainer().fit(byName(xs, inputNames(), "input"), byName(ys, outputNames(), "output"), options);
    }

    /** Loss and metrics of a model with several inputs and one output, Keras's {@code evaluate([a, b], y)}. */
    public Map<String, Double> evaluate(List<Tensor> xs, Tensor y) {
        return trainer().evaluate(xs, List.of(y), null, 32, 1, null);
    }

    public Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, int batchSize, int verbose) {
        return trainer().evaluate(xs, ys, null, batchSize, verbose, null);
    }

    /** Outputs for several inputs, one tensor per model output. */
    public List<Tensor> predict(List<Tensor> xs, int batchSize, int verbose) {
        return Trainer.predict(this, xs, batchSize, verbose);
    }

    public List<Tensor> predict(Map<String, Tensor> xs) {
        return Trainer.predict(this, byName(xs, inputNames(), "input"), 32, 0);
    }

    private static List<Tensor> byName(Map<String, Tensor> data, List<String> names, String what) {
        List<Tensor> out = new ArrayList<>();
        for (String n : names) {
            Tensor t = data.get(n);
            if (t == null) throw new IllegalArgumentException("No data for " + what + " \"" + n + "\"; the model's " + what + "s are " + names + ", received " + data.keySet());
            out.add(t);
        }
        for (String k : data.keySet()) {
            if (!names.contains(k)) throw new IllegalArgumentException("Unknown " + what + " name \"" + k + "\"; the model's " + what + "s are " + names);
        }
        return out;
    }

    /** Loss and metrics on the data, batch size 32: {@code {loss=..., accuracy=...}}. */
    public Map<String, Double> evaluate(Tensor x, Tensor y) {
        return evaluate(x, y, 32, 1);
    }

    public Map<String, Double> evaluate(Tensor x, Tensor y, int batchSize, int verbose) {
        return trainer().evaluate(List.of(x), List.of(y), null, batchSize, verbose, null);
    }

    /** Outputs for the inputs, computed in batches of 32 (Keras's {@code predict}). */
    public Tensor predict(Tensor x) {
        return predict(x, 32, 0);
    }

    public Tensor predict(Tensor x, int batchSize, int verbose) {
        return Trainer.predict(this, List.of(x), batchSize, verbose).get(0);
    }

    /** One gradient update on one batch; returns the logs ({@code loss} and metrics). */
    public Map<String, Double> trainOnBatch(Tensor x, Tensor y) {
        return trainOnBatch(x, y, true);
    }

    /**
     * One gradient update, Keras 2's {@code train_on_batch(x, y, reset_metrics=...)}: with {@code resetMetrics=false}
     * the returned logs cover every batch since the last {@link #resetMetrics()}, as in an epoch of {@code fit}.
     */
    public Map<String, Double> trainOnBatch(Tensor x, Tensor y, boolean resetMetrics) {
        return trainer().trainOnBatch(List.of(x), List.of(y), null, resetMetrics);
    }

    /** Loss and metrics on one batch, without updating weights. */
    public Map<String, Double> testOnBatch(Tensor x, Tensor y) {
        return testOnBatch(x, y, true);
    }

    /** As {@link #trainOnBatch(Tensor, Tensor, boolean)} without the update (Keras 2's {@code test_on_batch}). */
    public Map<String, Double> testOnBatch(Tensor x, Tensor y, boolean resetMetrics) {
        return trainer().testOnBatch(List.of(x), List.of(y), null, resetMetrics);
    }

    /** Zeroes the loss trackers and metrics (Keras's {@code model.reset_metrics()}). */
    public void resetMetrics() {
        trainer().resetMetrics();
    }

    /** The loss and metrics over the batches since the last reset (Keras's {@code model.get_metrics_result()}). */
    public Map<String, Double> getMetricsResult() {
        return trainer().metricsResult();
    }

    /**
     * The values of Keras 3's {@code model.metrics_variables}, flattened: total and count of the loss tracker (and of
     * each output's loss tracker), then every compiled metric's state variables in order. Keras creates all of them
     * with {@code aggregation="sum"}, so the element-wise sum of the states of several replicas, loaded with
     * {@link #setMetricsState}, makes {@link #getMetricsResult()} the metrics over all their batches exactly (not a
     * mean of means). Empty before the first batch, which builds the metrics from the data's shapes.
     */
    public double[] metricsState() {
        return trainer().metricsState();
    }

    /** Loads a state laid out as {@link #metricsState()}; the metrics must have been built by a first batch. */
    public void setMetricsState(double[] state) {
        trainer().setMetricsState(state);
    }

    /** Outputs on one batch. */
    public Tensor predictOnBatch(Tensor x) {
        return forward(List.of(x), false).get(0);
    }

    // ------------------------------------------------------------------ TrainingModel

    @Override
    public void setStopTraining(boolean stop) {
        this.stopTraining = stop;
    }

    @Override
    public boolean stopTraining() {
        return stopTraining;
    }

    @Override
    public float learningRate() {
        return trainer().optimizer().learningRate();
    }

    @Override
    public void setLearningRate(float learningRate) {
        trainer().optimizer().setLearningRate(learningRate);
    }

    @Override
    public void save(Path path) {
        ModelFiles.save(this, path);
    }

    @Override
    public void saveWeights(Path path) {
        ModelFiles.saveWeights(this, path);
    }

    /** Keras's {@code model.save("m.keras")}. */
    public void save(String path) {
        save(Path.of(path));
    }

    /** Keras's {@code model.save_weights("m.weights.h5")}. */
    public void saveWeights(String path) {
        saveWeights(Path.of(path));
    }

    /** Keras's {@code model.load_weights(path)}. */
    public void loadWeights(String path) {
        ModelFiles.loadWeights(this, Path.of(path));
    }
}
