package keras4j.display;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** An SVG picture (such as {@link Display#plotModel}'s layer graph) with a plain-text description. */
public final class Svg implements HasSvg {
    static {
        NotebookBridge.enable();
    }

    private final String svg;
    private final String text;

    public Svg(String svg, String text) {
        this.svg = Objects.requireNonNull(svg, "svg");
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    public String toSvg() {
        return svg;
    }

    /** The SVG document's UTF-8 bytes (to write an {@code .svg} file). */
    public byte[] bytes() {
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text;
    }
}
