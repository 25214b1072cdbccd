package keras4j.display;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves: one XChart panel per metric ({@code loss}, {@code accuracy}, ...), the training series
 * and its {@code val_} twin on the same axes, panels side by side. What Keras users draw with matplotlib
 * from {@code history.history}. Shown as a PNG in a notebook (a few dozen KB, where the SVG of the
 * same picture is hundreds); {@link #toSvg()} for documents.
 */
public final class TrainingCurves implements HasPng {
    static {
        NotebookBridge.enable();
    }

    static final Color TRAIN = new Color(31, 119, 180);
    static final Color VALIDATION = new Color(255, 127, 14);

    private final List<XYChart> panels;
    private final List<String> metrics;
    private final int panelWidth;
    private final int panelHeight;

    TrainingCurves(Map<String, List<Double>> history, List<Integer> epochs, int panelWidth, int panelHeight) {
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
        Map<String, List<Double>> byMetric = new LinkedHashMap<>();
        for (String name : history.keySet()) {
            String metric = name.startsWith("val_") ? name.substring(4) : name;
            byMetric.putIfAbsent(metric, null);
        }
        panels = new ArrayList<>();
        metrics = new ArrayList<>(byMetric.keySet());
        // Keras logs metrics in name order; the loss panel comes first, as people read it.
        if (metrics.remove("loss")) metrics.add(0, "loss");
        for (String metric : metrics) {
            XYChart chart = new XYChartBuilder().width(panelWidth).height(panelHeight)
                    .title(metric).xAxisTitle("epoch").yAxisTitle(metric).build();
            style(chart);
            addSeries(chart, "train", history.get(metric), epochs, TRAIN);
            addSeries(chart, "validation", history.get("val_" + metric), epochs, VALIDATION);
            chart.getStyler().setLegendPosition(falling(history.get(metric)) ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
            panels.add(chart);
        }
    }

    private static void style(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(true);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setAntiAlias(true);
        chart.getStyler().setDecimalPattern("0.###");
        chart.getStyler().setXAxisDecimalPattern("0");
    }

    /** A falling curve leaves the top right corner free for the legend; a rising one the bottom right. */
    private static boolean falling(List<Double> values) {
        if (values == null || values.size() < 2) return true;
        Double first = values.get(0), last = values.get(values.size() - 1);
        return first == null || last == null || last <= first;
    }

    private static void addSeries(XYChart chart, String name, List<Double> values, List<Integer> epochs, Color color) {
        if (values == null || values.isEmpty()) return;
        int n = values.size();
        double[] x = new double[n];
        double[] y = new double[n];
        // Keras numbers epochs from 1 in its progress lines; the plot follows.
        int offset = epochs.size() >= n ? epochs.size() - n : 0;
        for (int i = 0; i < n; i++) {
            x[i] = (epochs.size() > i + offset ? epochs.get(i + offset) : i) + 1;
            Double v = values.get(i);
            y[i] = v == null ? Double.NaN : v;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(n > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }

    /** The metric names, one per panel ({@code loss} first, as in the history). */
    public List<String> metrics() {
        return List.copyOf(metrics);
    }

    /** The XChart panels, to restyle or save with XChart's own encoders. */
    public List<XYChart> charts() {
        return List.copyOf(panels);
    }

    public boolean isEmpty() {
        return panels.isEmpty();
    }

    /** All panels side by side in one image. */
    public BufferedImage toImage() {
        int count = Math.max(1, panels.size());
        BufferedImage image = new BufferedImage(panelWidth * count, panelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                Graphics2D panel = (Graphics2D) g.create(i * panelWidth, 0, panelWidth, panelHeight);
                try {
                    panels.get(i).paint(panel, panelWidth, panelHeight);
                } finally {
                    panel.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(toImage(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** All panels side by side: XChart's SVG of each panel nested in one {@code <svg>}. */
    public String toSvg() {
        int count = Math.max(1, panels.size());
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
                .append(panelWidth * count).append("\" height=\"").append(panelHeight).append("\">\n");
        for (int i = 0; i < panels.size(); i++) {
            String svg = panelSvg(panels.get(i));
            int start = svg.indexOf("<svg");
            String inner = svg.substring(start);
            b.append("<g transform=\"translate(").append(i * panelWidth).append(",0)\">\n").append(inner).append("</g>\n");
        }
        return b.append("</svg>\n").toString();
    }

    private static String panelSvg(XYChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TrainingCurves" + metrics;
    }
}
