package keras4j.display;

/**
 * Something that renders itself as HTML. keras4j's own display contract: a notebook kernel shows it as
 * {@code text/html} once {@link NotebookBridge} has registered with the kernel's renderer; elsewhere its
 * {@code toString()} is the plain-text view. No kernel class is referenced, so it loads in any JVM.
 */
public interface HasHtml {
    /** An HTML fragment (no {@code <html>}/{@code <body>}). */
    String toHtml();
}
