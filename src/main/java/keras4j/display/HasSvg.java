package keras4j.display;

/** Something that renders itself as SVG ({@code image/svg+xml} in a notebook). */
public interface HasSvg {
    /** An SVG document ({@code <svg ...>...</svg>}, without an XML prolog). */
    String toSvg();
}
