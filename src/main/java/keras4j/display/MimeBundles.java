package keras4j.display;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.callbacks.History;
import keras4j.models.Model;
import keras4j.models.SummaryStyle;
import tech.tablesaw.api.Table;

/**
 * The Jupyter MIME bundle of a displayable value: MIME type to data, as a kernel's {@code DisplayData}
 * holds it (images base64 without a {@code data:} prefix). Kernel-free, so it is tested directly.
 */
final class MimeBundles {
    static final String HTML = "text/html";
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    static final String TEXT = "text/plain";

    private MimeBundles() {}

    /** Whether {@link #of} has something richer than text for this value. */
    static boolean supports(Object o) {
        return o instanceof HasHtml || o instanceof HasPng || o instanceof HasSvg || o instanceof Model || o instanceof History
                || o instanceof Table;
    }

    /** The bundle; empty for values it does not know. */
    static Map<String, String> of(Object o) {
        Map<String, String> bundle = new LinkedHashMap<>();
        if (o instanceof Model m) {
            bundle.put(HTML, Display.summaryHtml(m).toHtml());
            bundle.put(TEXT, m.summaryString(SummaryStyle.KERAS3));
            return bundle;
        }
        if (o instanceof History h) {
            TrainingCurves curves = Display.trainingCurves(h);
            if (curves.isEmpty()) {
                bundle.put(TEXT, h.toString());
            } else {
                bundle.put(PNG, Base64.getEncoder().encodeToString(curves.toPng()));
                bundle.put(TEXT, curves.toString());
            }
            return bundle;
        }
        if (o instanceof Table t) {
            bundle.put(HTML, tableHtml(t, 100));
            bundle.put(TEXT, t.print(100));
            return bundle;
        }
        if (o instanceof HasHtml h) bundle.put(HTML, h.toHtml());
        if (o instanceof HasPng p) bundle.put(PNG, Base64.getEncoder().encodeToString(p.toPng()));
        if (o instanceof HasSvg s) bundle.put(SVG, s.toSvg());
        if (!bundle.isEmpty()) bundle.put(TEXT, String.valueOf(o));
        return bundle;
    }

    /** A Tablesaw table as HTML (Tablesaw itself prints text only), at most {@code maxRows} rows. */
    static String tableHtml(Table t, int maxRows) {
        StringBuilder b = new StringBuilder(SummaryHtml.STYLE);
        b.append("<table class=\"k4j-summary\"><caption style=\"text-align:left;font-family:monospace\">")
                .append(Html.escape(t.name() == null ? "" : t.name())).append("</caption><thead><tr>");
        for (String c : t.columnNames()) b.append("<th>").append(Html.escape(c)).append("</th>");
        b.append("</tr></thead><tbody>\n");
        int rows = Math.min(t.rowCount(), maxRows);
        for (int r = 0; r < rows; r++) {
            b.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                boolean numeric = t.column(c).type().name().matches("INTEGER|LONG|SHORT|DOUBLE|FLOAT");
                b.append(numeric ? "<td class=\"num\">" : "<td>").append(Html.escape(t.getString(r, c))).append("</td>");
            }
            b.append("</tr>\n");
        }
        if (t.rowCount() > rows) b.append("<tr><td colspan=\"").append(t.columnCount()).append("\">… ").append(t.rowCount() - rows).append(" more rows</td></tr>");
        return b.append("</tbody></table>").toString();
    }
}
