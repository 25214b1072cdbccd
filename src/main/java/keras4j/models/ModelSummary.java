package keras4j.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import keras4j.autograd.Variable;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.layers.InputLayer;
import keras4j.utils.SummaryTable;

/** Builds the rows of {@code model.summary()} the way Keras's {@code summary_utils} does. */
final class ModelSummary {
    private ModelSummary() {}

    static SummaryTable table(Model model, SummaryStyle style) {
        List<SummaryTable.Row> rows = new ArrayList<>();
        boolean sequentialLike;
        if (model instanceof Sequential seq) {
            sequentialLike = true;
            List<int[]> shapes = seq.layerOutputShapes();
            List<Layer> layers = seq.layers();
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                String shape = shapes == null ? "?" : shape(List.of(shapes.get(i)), style);
                rows.add(row(l, shape));
            }
        } else {
            sequentialLike = model.graphSequentialLike();
            Set<Node> own = model.graphNodes();
            for (Layer l : model.layers()) {
                List<int[]> outShapes = null;
                List<String> connections = new ArrayList<>();
                for (Node n : l.inboundNodes()) {
                    if (!own.contains(n)) continue;
                    outShapes = new ArrayList<>();
                    for (KerasTensor t : n.outputs()) outShapes.add(t.shape());
                    for (KerasTensor t : n.inputs()) connections.add(t.layer().name() + "[" + t.nodeIndex() + "][" + t.tensorIndex() + "]");
                }
                String shape = outShapes == null ? "?" : shape(outShapes, style);
                if (style == SummaryStyle.CLASSIC && l instanceof InputLayer) shape = "[" + shape + "]";
                rows.add(row(l, shape).withConnectedTo(connections.toArray(new String[0])));
            }
        }
        SummaryTable.Totals totals = SummaryTable.Totals.of(count(model.trainableWeights()), count(model.nonTrainableWeights()));
        if (model.compiled() && model.optimizer() != null && !model.optimizer().variables().isEmpty()) {
            long n = 0;
            double bytes = 0;
            for (Variable v : model.optimizer().variables()) {
                n += v.size();
                bytes += v.name().equals("iteration") ? 8.0 * v.size() : 4.0 * v.size();
            }
            totals = totals.withOptimizer(n, bytes);
        }
        return new SummaryTable(model.name(), rows, totals).sequentialLike(sequentialLike);
    }

    private static SummaryTable.Row row(Layer l, String shape) {
        String label = SummaryTable.layerAndType(l.name(), l.className());
        return l.built() ? SummaryTable.Row.of(label, shape, l.countParams()) : SummaryTable.Row.unbuilt(label, shape);
    }

    /** One output: its shape; several: Keras prints the list of shapes. */
    private static String shape(List<int[]> shapes, SummaryStyle style) {
        if (shapes.size() == 1) return SummaryTable.formatShape(shapes.get(0));
        List<String> parts = new ArrayList<>();
        for (int[] s : shapes) parts.add(SummaryTable.formatShape(s));
        return "[" + String.join(", ", parts) + "]";
    }

    private static long count(List<Variable> vs) {
        long n = 0;
        for (Variable v : vs) n += v.size();
        return n;
    }
}
