package keras4j.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.tensor.Shape;

/**
 * One layer of a model as data: what {@code model.summary()} prints on one line, and what the HTML summary,
 * {@code Display.shapeTable} and {@code Display.plotModel} show. {@link Model#layerRows()} gives one per layer
 * in Keras's {@code model.layers} order; it is the one walk over a model, deciding which calls of a layer
 * belong to the model (those in the model's graph, Keras's {@code model._nodes}).
 *
 * @param layer the layer
 * @param nodes the layer's calls that belong to this model, in order (empty while the model has no graph,
 *              e.g. a Sequential whose input shape is not known yet)
 */
public record LayerRow(Layer layer, List<Node> nodes) {
    public LayerRow {
        nodes = List.copyOf(nodes);
    }

    /** The rows of a model: one per layer of {@link Model#layers()}, with the calls that belong to the model. */
    static List<LayerRow> of(Model model) {
        List<LayerRow> rows = new ArrayList<>();
        Set<Node> own = model.hasLayerGraph() ? model.graphNodes() : Set.of();
        for (Layer l : model.layers()) {
            List<Node> mine = new ArrayList<>();
            for (Node n : l.inboundNodes()) if (own.contains(n)) mine.add(n);
            rows.add(new LayerRow(l, mine));
        }
        return List.copyOf(rows);
    }

    /** @return the layer's name ({@code dense_1}) */
    public String name() {
        return layer.name();
    }

    /** @return Keras's class name ({@code Dense}, {@code InputLayer}, {@code Functional}) */
    public String className() {
        return layer.className();
    }

    /** @return the number of scalars in the layer's weights (0 while unbuilt) */
    public long params() {
        return layer.built() ? layer.countParams() : 0;
    }

    /** @return whether the layer has been built (Keras prints {@code 0 (unbuilt)} otherwise) */
    public boolean built() {
        return layer.built();
    }

    /** @return whether the layer's weights are trained */
    public boolean trainable() {
        return layer.trainable();
    }

    /**
     * The output shapes of the layer's last call in the model (Keras's summary rule), or an empty list
     * when the model has no graph yet (Keras prints {@code ?}).
     *
     * @return one shape per output tensor
     */
    public List<Shape> outputShapes() {
        return nodes.isEmpty() ? List.of() : shapes(nodes.get(nodes.size() - 1).outputs());
    }

    /**
     * The input shapes of the layer's last call in the model (an InputLayer: its own shape), or an empty list
     * when the model has no graph yet.
     *
     * @return one shape per input tensor
     */
    public List<Shape> inputShapes() {
        if (nodes.isEmpty()) return List.of();
        Node last = nodes.get(nodes.size() - 1);
        return shapes(last.inputs().isEmpty() ? last.outputs() : last.inputs());
    }

    /**
     * Keras's "Connected to" column: for every call in the model, each input as
     * {@code layer_name[node_index][tensor_index]}.
     *
     * @return the connections, in call order
     */
    public List<String> connectedTo() {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            for (KerasTensor t : n.inputs()) out.add(t.layer().name() + "[" + t.nodeIndex() + "][" + t.tensorIndex() + "]");
        }
        return out;
    }

    /** @return the names of the layers feeding this one, each once, in call order */
    public List<String> inboundLayers() {
        Set<String> out = new LinkedHashSet<>();
        for (Node n : nodes) for (KerasTensor t : n.inputs()) out.add(t.layer().name());
        return List.copyOf(out);
    }

    private static List<Shape> shapes(List<KerasTensor> tensors) {
        List<Shape> out = new ArrayList<>(tensors.size());
        for (KerasTensor t : tensors) out.add(t.shape());
        return out;
    }
}
