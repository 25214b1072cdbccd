package keras4j.display;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keras4j.models.Model;

/**
 * Draws a model's layer graph as SVG, top to bottom like Keras's {@code plot_model(show_shapes=True)}:
 * each layer sits one row below its deepest input, boxes in a row are centred, arrows join calls.
 */
final class ModelGraph {
    private static final int BOX_W = 300;
    private static final int BOX_H = 58;
    private static final int GAP_X = 30;
    private static final int GAP_Y = 36;
    private static final int MARGIN = 16;

    private ModelGraph() {}

    static Svg svg(Model model) {
        List<Display.LayerInfo> infos = Display.LayerInfo.of(model);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < infos.size(); i++) index.put(infos.get(i).layer().name(), i);
        // A Sequential's first layer may name its implicit InputLayer, which is not drawn.
        int[] level = new int[infos.size()];
        for (int i = 0; i < infos.size(); i++) {
            for (String in : infos.get(i).inbound()) {
                Integer j = index.get(in);
                if (j != null && j < i) level[i] = Math.max(level[i], level[j] + 1);
            }
        }
        int levels = 0;
        for (int l : level) levels = Math.max(levels, l + 1);
        List<List<Integer>> rows = new ArrayList<>();
        for (int l = 0; l < levels; l++) rows.add(new ArrayList<>());
        for (int i = 0; i < infos.size(); i++) rows.get(level[i]).add(i);
        int widest = 1;
        for (List<Integer> r : rows) widest = Math.max(widest, r.size());
        int width = 2 * MARGIN + widest * BOX_W + (widest - 1) * GAP_X;
        int height = 2 * MARGIN + levels * BOX_H + Math.max(0, levels - 1) * GAP_Y;
        double[] cx = new double[infos.size()];
        double[] top = new double[infos.size()];
        for (int l = 0; l < levels; l++) {
            List<Integer> r = rows.get(l);
            double rowWidth = r.size() * BOX_W + (r.size() - 1) * GAP_X;
            double x0 = (width - rowWidth) / 2.0;
            for (int k = 0; k < r.size(); k++) {
                int i = r.get(k);
                cx[i] = x0 + k * (BOX_W + GAP_X) + BOX_W / 2.0;
                top[i] = MARGIN + l * (BOX_H + GAP_Y);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n",
                width, height, width, height));
        b.append("<title>").append(Html.escape(model.name())).append("</title>\n");
        b.append("<defs><marker id=\"k4j-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        StringBuilder text = new StringBuilder(model.name()).append(":\n");
        for (int i = 0; i < infos.size(); i++) {
            for (String in : infos.get(i).inbound()) {
                Integer j = index.get(in);
                if (j == null) continue;
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#k4j-arrow)\"/>\n",
                        cx[j], top[j] + BOX_H, cx[i], top[i]));
            }
        }
        for (int i = 0; i < infos.size(); i++) {
            Display.LayerInfo info = infos.get(i);
            String cls = info.layer().className();
            boolean input = cls.equals("InputLayer");
            double x = cx[i] - BOX_W / 2.0;
            b.append(String.format(Locale.ROOT, "<g class=\"layer\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"#4a6fa5\" stroke-width=\"1.2\"/>\n",
                    x, top[i], BOX_W, BOX_H, input ? "#eef5e9" : "#eaf1fb"));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111\">%s</text>\n",
                    cx[i], top[i] + 20, Html.escape(info.layer().name() + " (" + cls + ")")));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">in: %s</text>\n",
                    cx[i], top[i] + 37, Html.escape(info.inputShapes())));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">out: %s</text></g>\n",
                    cx[i], top[i] + 51, Html.escape(info.outputShapes())));
            text.append("  ").append(info.layer().name()).append(" (").append(cls).append(") ")
                    .append(info.inputShapes()).append(" -> ").append(info.outputShapes());
            if (!info.inbound().isEmpty()) text.append("  <- ").append(String.join(", ", info.inbound()));
            text.append('\n');
        }
        b.append("</svg>\n");
        return new Svg(b.toString(), text.toString());
    }
}
