package keras4j.display;

import java.util.Objects;

/**
 * An HTML fragment with a plain-text twin: a notebook shows the HTML, {@code jshell} and logs the text.
 */
public final class Html implements HasHtml {
    static {
        NotebookBridge.enable();
    }

    private final String html;
    private final String text;

    public Html(String html, String text) {
        this.html = Objects.requireNonNull(html, "html");
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    public String toHtml() {
        return html;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Escapes {@code & < > "} for HTML text and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
