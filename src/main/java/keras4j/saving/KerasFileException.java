package keras4j.saving;

import java.nio.file.Path;

/**
 * A Keras file could not be read or written: wrong format, truncated or corrupted content, an unsafe entry
 * (zip-slip, decompression or shape bomb, HDF5 link), or an I/O failure. The message names the file and the
 * reason; the low-level cause, when there is one, is attached.
 *
 * <p>Keras raises {@code ValueError} (or {@code OSError} from h5py/zipfile) in the same situations. Reading
 * either returns a complete result or throws this exception, never a partial result; a failed write leaves
 * any previous file at the target untouched.
 */
public class KerasFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    public KerasFileException(Path path, String reason) {
        this(path, reason, null);
    }

    public KerasFileException(Path path, String reason, Throwable cause) {
        super((path == null ? "<no file>" : path.toString()) + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** The file that could not be read or written (for an archive member, the archive). */
    public Path path() {
        return path;
    }

    /** Why, without the file name. */
    public String reason() {
        return reason;
    }
}
