package keras4j.display;

/** Something that renders itself as a PNG picture ({@code image/png} in a notebook). */
public interface HasPng {
    /** The PNG file's bytes. */
    byte[] toPng();
}
