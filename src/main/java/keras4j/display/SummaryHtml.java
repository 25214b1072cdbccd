package keras4j.display;

import keras4j.models.Model;
import keras4j.models.SummaryStyle;
import keras4j.utils.SummaryTable;

/** {@code model.summary()} as an HTML table, with the columns and totals of the Keras 3 text. */
final class SummaryHtml {
    private SummaryHtml() {}

    static final String STYLE = "<style>"
            + ".k4j-summary{border-collapse:collapse;font-family:monospace;font-size:13px}"
            + ".k4j-summary th,.k4j-summary td{border:1px solid #ccc;padding:3px 10px;text-align:left}"
            + ".k4j-summary th{background:#f0f0f0}.k4j-summary td.num{text-align:right}"
            + ".k4j-totals{font-family:monospace;font-size:13px;margin:4px 0}"
            + "</style>";

    static Html of(Model model) {
        String text = model.summaryString(SummaryStyle.KERAS3);
        SummaryTable table = model.summaryTable(SummaryStyle.KERAS3);
        boolean connected = text.contains("Connected to");
        StringBuilder b = new StringBuilder(STYLE);
        b.append("<div class=\"k4j-model\"><p class=\"k4j-title\">Model: <b>&quot;")
                .append(Html.escape(table.modelName())).append("&quot;</b></p>\n");
        b.append("<table class=\"k4j-summary\"><thead><tr><th>Layer (type)</th><th>Output Shape</th><th>Param #</th>");
        if (connected) b.append("<th>Connected to</th>");
        b.append("</tr></thead><tbody>\n");
        for (SummaryTable.Row row : table.rows()) {
            b.append("<tr><td>").append("&nbsp;".repeat(2 * row.depth())).append(Html.escape(row.layerAndType()))
                    .append("</td><td>").append(Html.escape(row.outputShape()))
                    .append("</td><td class=\"num\">").append(row.built() ? String.format("%,d", row.params()) : "0 (unbuilt)")
                    .append("</td>");
            if (connected) {
                b.append("<td>").append(row.connectedTo().isEmpty() ? "-" : Html.escape(String.join(", ", row.connectedTo()))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        SummaryTable.Totals t = table.totals();
        b.append("<p class=\"k4j-totals\">Total params: ").append(count(t.total(), t.totalBytes()))
                .append("<br>Trainable params: ").append(count(t.trainable(), t.trainableBytes()))
                .append("<br>Non-trainable params: ").append(count(t.nonTrainable(), t.nonTrainableBytes()));
        if (t.optimizerBuilt()) b.append("<br>Optimizer params: ").append(count(t.optimizer(), t.optimizerBytes()));
        b.append("</p></div>");
        return new Html(b.toString(), text);
    }

    private static String count(long n, double bytes) {
        return String.format("%,d (%s)", n, SummaryTable.readableMemorySize(bytes));
    }
}
