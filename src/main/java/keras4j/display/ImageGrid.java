package keras4j.display;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/** Grey-scale images in a grid, each scaled up and optionally captioned; a PNG in a notebook. */
public final class ImageGrid implements HasPng {
    static {
        NotebookBridge.enable();
    }

    private static final int CAPTION = 16;
    private static final int PAD = 4;

    private final BufferedImage image;
    private final String text;

    ImageGrid(Tensor images, int columns, int scale, List<String> captions) {
        int[] s = images.shape();
        boolean ok = s.length == 3 || (s.length == 4 && s[3] == 1);
        if (!ok) {
            throw new IllegalArgumentException("Argument `images` should have shape (n, h, w) or (n, h, w, 1). Received: shape=" + Shape.format(s));
        }
        if (columns < 1) throw new IllegalArgumentException("Argument `columns` should be a positive integer. Received: columns=" + columns);
        if (scale < 1) throw new IllegalArgumentException("Argument `scale` should be a positive integer. Received: scale=" + scale);
        int n = s[0], h = s[1], w = s[2];
        int cols = Math.max(1, Math.min(columns, n));
        int rows = (n + cols - 1) / cols;
        int cellW = w * scale + PAD;
        int cellH = h * scale + PAD + (captions == null ? 0 : CAPTION);
        image = new BufferedImage(Math.max(1, cols * cellW + PAD), Math.max(1, rows * cellH + PAD), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            float[] d = images.data();
            for (int k = 0; k < n; k++) {
                float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
                for (int p = 0; p < h * w; p++) {
                    lo = Math.min(lo, d[k * h * w + p]);
                    hi = Math.max(hi, d[k * h * w + p]);
                }
                int x0 = PAD + (k % cols) * cellW;
                int y0 = PAD + (k / cols) * cellH;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float v = d[k * h * w + y * w + x];
                        int grey = hi > lo ? Math.round(255 * (v - lo) / (hi - lo)) : 0;
                        // dark ink on white paper, as digits and clothes are usually shown
                        int ink = 255 - Math.max(0, Math.min(255, grey));
                        g.setColor(new Color(ink, ink, ink));
                        g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                    }
                }
                if (captions != null && k < captions.size()) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(captions.get(k), x0, y0 + h * scale + CAPTION - 3);
                }
            }
        } finally {
            g.dispose();
        }
        text = "ImageGrid(" + n + " images of " + h + "x" + w + ", " + rows + "x" + cols + ")";
    }

    /** The picture. */
    public BufferedImage toImage() {
        return image;
    }

    @Override
    public byte[] toPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return text;
    }
}
