package keras4j.display;

import java.util.ArrayList;
import java.util.List;
import keras4j.callbacks.History;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Node;
import keras4j.models.LayerRow;
import keras4j.models.Model;
import keras4j.models.SummaryStyle;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.SummaryTable;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Pictures and tables of models, histories and tensors, for notebooks and {@code jshell}. Each method
 * returns a small object that a notebook shows richly (HTML, PNG or SVG, see {@link NotebookBridge}) and
 * whose {@code toString()} is a plain-text view.
 *
 * <pre>{@code
 * Display.summaryHtml(model)        // model.summary() as an HTML table
 * Display.shapeTable(model)         // a Tablesaw Table: one row per layer
 * Display.trainingCurves(history)   // loss and metrics per epoch, train vs validation
 * Display.plotModel(model)          // keras.utils.plot_model, as SVG
 * }</pre>
 */
public final class Display {
    static {
        NotebookBridge.enable();
    }

    private Display() {}

    /** Registers the rich renderers with the running notebook kernel (see {@link NotebookBridge#enable()}). */
    public static boolean enable() {
        return NotebookBridge.enable();
    }

    /**
     * {@code model.summary()} as an HTML table: the Keras 3 columns (Layer (type), Output Shape, Param #,
     * and Connected to for functional graphs) and the parameter totals. {@code toString()} is the text summary.
     */
    public static Html summaryHtml(Model model) {
        return SummaryHtml.of(model);
    }

    /**
     * One row per layer as a Tablesaw {@link Table}: {@code layer}, {@code type}, {@code input shape},
     * {@code output shape}, {@code params}, {@code trainable}, {@code connected to}. Shapes are printed
     * as in Keras ({@code (None, 64)}); a shared layer lists every call, separated by {@code "; "}.
     */
    public static Table shapeTable(Model model) {
        StringColumn layer = StringColumn.create("layer");
        StringColumn type = StringColumn.create("type");
        StringColumn in = StringColumn.create("input shape");
        StringColumn out = StringColumn.create("output shape");
        LongColumn params = LongColumn.create("params");
        BooleanColumn trainable = BooleanColumn.create("trainable");
        StringColumn connected = StringColumn.create("connected to");
        for (LayerInfo info : LayerInfo.of(model)) {
            layer.append(info.layer().name());
            type.append(info.layer().className());
            in.append(info.inputShapes());
            out.append(info.outputShapes());
            params.append(info.layer().built() ? info.layer().countParams() : 0);
            trainable.append(info.layer().trainable());
            connected.append(String.join(", ", info.inbound()));
        }
        return Table.create(model.name(), layer, type, in, out, params, trainable, connected);
    }

    /**
     * Training curves of a {@link History}: one panel per metric, the training values and their
     * {@code val_} twins. {@code toPng()}/{@code toSvg()} give the picture's bytes.
     */
    public static TrainingCurves trainingCurves(History history) {
        return new TrainingCurves(history.history(), history.epoch(), 480, 340);
    }

    /** As {@link #trainingCurves(History)} with each panel {@code width} × {@code height} pixels. */
    public static TrainingCurves trainingCurves(History history, int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("Arguments `width` and `height` should be >= 100. Received: width=" + width + ", height=" + height);
        }
        return new TrainingCurves(history.history(), history.epoch(), width, height);
    }

    /**
     * The layer graph (Keras's {@code plot_model(show_shapes=True)}) as SVG, drawn without graphviz:
     * one box per layer with its class and input/output shapes, arrows for the connections.
     */
    public static Svg plotModel(Model model) {
        return ModelGraph.svg(model);
    }

    /**
     * A tensor as HTML: its shape and, for 1-D and 2-D tensors, its values in a table whose cells are
     * shaded by value (a heatmap); larger ranks show their first values. At most 40 rows and columns are shown.
     */
    public static Html tensor(Tensor t) {
        return TensorHtml.of(t);
    }

    /**
     * A confusion-matrix heatmap: rows are true classes, columns predicted classes. {@code yTrue} holds
     * class indices; {@code yPred} class indices or per-class scores (the arg-max is taken).
     */
    public static Html confusionMatrix(Tensor yTrue, Tensor yPred, List<String> classNames) {
        return TensorHtml.confusionMatrix(yTrue, yPred, classNames);
    }

    /**
     * Grey-scale images ({@code (n, h, w)} or {@code (n, h, w, 1)}) in a grid of {@code columns},
     * each scaled up by {@code scale}, optionally captioned: a PNG picture.
     */
    public static ImageGrid imageGrid(Tensor images, int columns, int scale, List<String> captions) {
        return new ImageGrid(images, columns, scale, captions);
    }

    /** The text summary's columns, for tests and other front ends. */
    static SummaryTable summaryTable(Model model) {
        return model.summaryTable(SummaryStyle.KERAS3);
    }

    /**
     * Per-layer facts shared by the shape table and the graph plot, read from {@link Model#layerRows()} (the
     * walk the text summary reads too): a shared layer lists each of its calls in the model.
     */
    record LayerInfo(Layer layer, String inputShapes, String outputShapes, List<String> inbound) {
        static List<LayerInfo> of(Model model) {
            List<LayerInfo> infos = new ArrayList<>();
            for (LayerRow row : model.layerRows()) {
                List<String> ins = new ArrayList<>();
                List<String> outs = new ArrayList<>();
                for (Node n : row.nodes()) {
                    if (!n.inputs().isEmpty()) ins.add(shapes(n.inputs()));
                    outs.add(shapes(n.outputs()));
                }
                String in = ins.isEmpty() ? (outs.isEmpty() ? "?" : outs.get(0)) : String.join("; ", ins);
                String out = outs.isEmpty() ? "?" : String.join("; ", outs);
                infos.add(new LayerInfo(row.layer(), in, out, row.inboundLayers()));
            }
            return infos;
        }

        private static String shapes(List<KerasTensor> tensors) {
            List<int[]> dims = new ArrayList<>(tensors.size());
            for (KerasTensor t : tensors) dims.add(t.dims());
            return dims.size() == 1 ? Shape.format(dims.get(0)) : Shape.formatList(dims);
        }
    }
}
