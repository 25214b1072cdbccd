package keras4j.display;

import java.util.List;
import java.util.Locale;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/** Tensors and confusion matrices as HTML tables shaded by value. */
final class TensorHtml {
    static final int MAX = 40;

    private TensorHtml() {}

    static Html of(Tensor t) {
        int[] shape = t.shape();
        String head = "<p style=\"font-family:monospace;margin:2px 0\">Tensor shape=" + Html.escape(Shape.format(shape)) + " float32</p>";
        float[] data = t.data();
        if (shape.length == 0) {
            return new Html(head + "<pre>" + data[0] + "</pre>", t.toString());
        }
        if (shape.length > 2) {
            StringBuilder b = new StringBuilder(head).append("<pre>[");
            int n = Math.min(data.length, MAX);
            for (int i = 0; i < n; i++) b.append(i > 0 ? ", " : "").append(fmt(data[i]));
            if (data.length > n) b.append(", ... (").append(data.length - n).append(" more)");
            return new Html(b.append("]</pre>").toString(), t.toString());
        }
        int rows = shape.length == 1 ? 1 : shape[0];
        int cols = shape.length == 1 ? shape[0] : shape[1];
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        StringBuilder b = new StringBuilder(head);
        b.append(heatmap(rows, cols, (r, c) -> data[r * cols + c], lo, hi, null, null, false));
        return new Html(b.toString(), t.toString());
    }

    static Html confusionMatrix(Tensor yTrue, Tensor yPred, List<String> classNames) {
        int n = yTrue.size();
        int[] truth = new int[n];
        int[] pred = new int[n];
        float[] yt = yTrue.data();
        for (int i = 0; i < n; i++) truth[i] = Math.round(yt[i]);
        if (yPred.size() == n) {
            float[] yp = yPred.data();
            for (int i = 0; i < n; i++) pred[i] = Math.round(yp[i]);
        } else if (yPred.rank() == 2 && yPred.dim(0) == n) {
            int k = yPred.dim(1);
            float[] yp = yPred.data();
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) if (yp[i * k + j] > yp[i * k + best]) best = j;
                pred[i] = best;
            }
        } else {
            throw new IllegalArgumentException("Argument `yPred` should hold " + n + " class indices or have shape (" + n
                    + ", num_classes). Received: shape=" + Shape.format(yPred.shape()));
        }
        int classes = classNames == null ? 0 : classNames.size();
        for (int i = 0; i < n; i++) classes = Math.max(classes, Math.max(truth[i], pred[i]) + 1);
        for (int i = 0; i < n; i++) {
            if (truth[i] < 0 || pred[i] < 0) throw new IllegalArgumentException("Class indices should be >= 0. Received: " + Math.min(truth[i], pred[i]));
        }
        int[][] m = new int[classes][classes];
        for (int i = 0; i < n; i++) m[truth[i]][pred[i]]++;
        int max = 0;
        int correct = 0;
        for (int i = 0; i < classes; i++) {
            correct += m[i][i];
            for (int j = 0; j < classes; j++) max = Math.max(max, m[i][j]);
        }
        String[] labels = new String[classes];
        for (int i = 0; i < classes; i++) labels[i] = classNames != null && i < classNames.size() ? classNames.get(i) : Integer.toString(i);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<p style=\"font-family:monospace;margin:2px 0\">Confusion matrix: %d samples, accuracy %.4f (rows: true, columns: predicted)</p>",
                n, n == 0 ? 0.0 : (double) correct / n));
        b.append(heatmap(classes, classes, (r, c) -> m[r][c], 0, max, labels, labels, true));
        StringBuilder text = new StringBuilder("Confusion matrix (rows: true, columns: predicted)\n");
        for (int[] row : m) {
            for (int v : row) text.append(String.format("%6d", v));
            text.append('\n');
        }
        return new Html(b.toString(), text.toString());
    }

    interface Cell {
        float at(int row, int col);
    }

    private static String heatmap(int rows, int cols, Cell cell, float lo, float hi, String[] rowLabels, String[] colLabels, boolean integers) {
        int shownRows = Math.min(rows, MAX);
        int shownCols = Math.min(cols, MAX);
        StringBuilder b = new StringBuilder("<table class=\"k4j-tensor\" style=\"border-collapse:collapse;font-family:monospace;font-size:11px\">");
        if (colLabels != null) {
            b.append("<tr><th></th>");
            for (int c = 0; c < shownCols; c++) b.append("<th style=\"padding:2px 5px\">").append(Html.escape(colLabels[c])).append("</th>");
            b.append("</tr>");
        }
        for (int r = 0; r < shownRows; r++) {
            b.append("<tr>");
            if (rowLabels != null) b.append("<th style=\"padding:2px 5px;text-align:right\">").append(Html.escape(rowLabels[r])).append("</th>");
            for (int c = 0; c < shownCols; c++) {
                float v = cell.at(r, c);
                double u = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                if (!Double.isFinite(u)) u = 0.5;
                int[] rgb = blues(u);
                String fg = u > 0.6 ? "#fff" : "#000";
                b.append(String.format(Locale.ROOT, "<td style=\"background:rgb(%d,%d,%d);color:%s;padding:2px 5px;text-align:right;border:1px solid #fff\">%s</td>",
                        rgb[0], rgb[1], rgb[2], fg, integers ? Integer.toString(Math.round(v)) : fmt(v)));
            }
            if (cols > shownCols) b.append("<td>…</td>");
            b.append("</tr>");
        }
        if (rows > shownRows) b.append("<tr><td colspan=\"").append(shownCols + 1).append("\">… ").append(rows - shownRows).append(" more rows</td></tr>");
        return b.append("</table>").toString();
    }

    /** White to dark blue, like matplotlib's "Blues". */
    static int[] blues(double u) {
        u = Math.max(0, Math.min(1, u));
        return new int[] {(int) Math.round(247 - u * (247 - 8)), (int) Math.round(251 - u * (251 - 48)), (int) Math.round(255 - u * (255 - 107))};
    }

    /** Four significant digits without trailing zeros: {@code 0}, {@code 10}, {@code 0.1235}, {@code 1.5e+06}. */
    static String fmt(float v) {
        if (!Float.isFinite(v)) return Float.toString(v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
