package keras4j.models;

import java.util.ArrayList;
import java.util.List;
import keras4j.autograd.Variable;
import keras4j.layers.InputLayer;
import keras4j.layers.Layer;
import keras4j.tensor.Shape;
import keras4j.utils.SummaryTable;

/** Builds the rows of {@code model.summary()} from {@link Model#layerRows()}, the way Keras's {@code summary_utils} does. */
final class ModelSummary {
    private ModelSummary() {}

    static SummaryTable table(Model model, SummaryStyle style) {
        List<SummaryTable.Row> rows = new ArrayList<>();
        // Keras: a Sequential, or a model without a graph (subclassed), is printed without "Connected to".
        boolean sequentialLike = model instanceof Sequential || !model.hasLayerGraph() || model.graphSequentialLike();
        for (LayerRow r : model.layerRows()) {
            String shape = r.nodes().isEmpty() ? "?" : shape(r.outputShapes());
            if (style == SummaryStyle.CLASSIC && r.layer() instanceof InputLayer) shape = "[" + shape + "]";
            SummaryTable.Row row = row(r.layer(), shape);
            if (!(model instanceof Sequential)) row = row.withConnectedTo(r.connectedTo().toArray(new String[0]));
            rows.add(row);
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
    private static String shape(List<Shape> shapes) {
        List<int[]> dims = new ArrayList<>(shapes.size());
        for (Shape s : shapes) dims.add(s.toArray());
        return dims.size() == 1 ? SummaryTable.formatShape(dims.get(0)) : SummaryTable.formatShapes(dims);
    }

    private static long count(List<Variable> vs) {
        long n = 0;
        for (Variable v : vs) n += v.size();
        return n;
    }
}
