package keras4j.saving;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.Locale;
import keras4j.tensor.Shape;

/**
 * The safety rules shared by the Keras file readers and writers: atomic replacement of a file, zip entry-name
 * validation, and size checks made from declared sizes before anything is allocated.
 *
 * <p>The limits follow Keras 3 ({@code keras/src/saving/saving_lib.py}): a zip member that declares more than
 * 4 GiB and more than 100 times its stored size is a decompression bomb ({@code _reject_zip_bomb}); an HDF5
 * dataset whose declared size cannot be backed by the file is a shape bomb ({@code safe_get_h5_dataset}).
 * keras4j holds every entry and tensor in one Java array, so anything above {@link #MAX_ARRAY_LENGTH} elements
 * is refused as well.
 */
public final class Safety {
    private Safety() {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Keras's {@code _ZIP_MEMBER_BOMB_FLOOR_BYTES}: members below 4 GiB are never treated as bombs. */
    public static final long ZIP_MEMBER_BOMB_FLOOR_BYTES = 1L << 32;
    /** Keras's {@code _ZIP_MEMBER_MAX_EXPANSION}: the largest accepted uncompressed/compressed ratio above the floor. */
    public static final long ZIP_MEMBER_MAX_EXPANSION = 100;
    /**
     * Keras's {@code _ZIP_EXTRACT_BOMB_FLOOR_BYTES} (256 MiB), used here for the total of an archive's members,
     * which keras4j holds in memory at once.
     */
    public static final long ZIP_TOTAL_BOMB_FLOOR_BYTES = 1L << 28;
    /** Keras's {@code _H5_DATASET_MAX_EXPANSION}: how much a compressed (filtered) HDF5 dataset may expand. */
    public static final long H5_DATASET_MAX_EXPANSION = 1000;
    /** The most elements (or bytes) one Java array can hold on common JVMs. */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** The highest tensor rank accepted from a file (Keras's {@code file_editor} uses the same bound). */
    public static final int MAX_RANK = 64;

    /** Writes the content of a file; {@link #writeAtomically} hands it a temporary file to fill. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(Path temporaryFile) throws IOException;
    }

    /**
     * Writes {@code target} atomically: {@code body} fills a temporary file in the target's directory, which is
     * flushed to disk and then renamed over the target ({@code ATOMIC_MOVE}). If anything fails, the temporary
     * file is deleted and a previous file at {@code target} is left byte-for-byte as it was. Missing parent
     * directories are created (as Keras's legacy {@code .h5} writer does).
     *
     * @throws KerasFileException naming {@code target} when the body or the I/O fails
     */
    public static void writeAtomically(Path target, ContentWriter body) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new KerasFileException(target, "cannot write the file: the path is a directory");
        }
        Path temporary = null;
        try {
            Path dir = absolute.getParent();
            Files.createDirectories(dir);
            temporary = createTemporary(dir, absolute.getFileName().toString());
            if (Files.exists(absolute)) copyPermissions(absolute, temporary);
            body.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (KerasFileException e) {
            throw e;
        } catch (AtomicMoveNotSupportedException e) {
            throw new KerasFileException(target, "cannot replace the file atomically on this file system", e);
        } catch (IOException | RuntimeException e) {
            throw new KerasFileException(target, "cannot write the file: " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed; that failure is the one worth reporting.
                }
            }
        }
    }

    /**
     * A new empty file {@code .<name>.<random>.tmp} in {@code dir}, with the default permissions of new files
     * ({@code Files.createTempFile} would make it owner-only, and the rename would give the target those).
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) throw e;
            }
        }
    }

    /** Keeps the permissions of the file being replaced, where the file system has POSIX permissions. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    /**
     * Rejects zip entry names that could escape an extraction directory or are ambiguous: empty names,
     * absolute paths ({@code /x}, {@code C:\x}), backslashes, NUL characters, empty segments and {@code .} or
     * {@code ..} segments. A trailing {@code /} (a directory entry) is allowed.
     *
     * @throws KerasFileException naming {@code archive} and the entry
     */
    public static void checkEntryName(Path archive, String name) {
        String problem = entryNameProblem(name);
        if (problem != null) {
            throw new KerasFileException(archive, "zip entry '" + name + "' is not allowed: " + problem);
        }
    }

    private static String entryNameProblem(String name) {
        if (name.isEmpty()) return "the name is empty";
        if (name.indexOf('\0') >= 0) return "the name contains a NUL character";
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) return "it is an absolute path";
        if (name.indexOf('\\') >= 0) return "the name contains a backslash";
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) return "it points outside the archive (zip-slip)";
            if (s.equals(".")) return "it contains a '.' segment";
            if (s.isEmpty() && i < segments.length - 1) return "it contains an empty path segment";
        }
        return null;
    }

    /**
     * Checks a zip entry's declared sizes before it is read into memory: Keras's decompression-bomb rule
     * ({@code size > 4 GiB} and {@code size > 100 × compressedSize}), then the Java array limit.
     *
     * @throws KerasFileException naming {@code archive} and the entry
     */
    public static void checkZipEntrySize(Path archive, String name, long size, long compressedSize) {
        if (size < 0 || compressedSize < 0) {
            throw new KerasFileException(archive, "zip entry '" + name + "' does not declare its size");
        }
        if (size > ZIP_MEMBER_BOMB_FLOOR_BYTES && size > saturatedMultiply(compressedSize, ZIP_MEMBER_MAX_EXPANSION)) {
            throw new KerasFileException(archive, "zip entry '" + name + "' declares " + bytes(size) + " but only "
                    + bytes(compressedSize) + " are stored; refusing to load a potential decompression bomb");
        }
        if (size > MAX_ARRAY_LENGTH) {
            throw new KerasFileException(archive, "zip entry '" + name + "' declares " + bytes(size)
                    + "; entries larger than 2 GiB cannot be read");
        }
    }

    /**
     * Checks the total declared size of the members read from one archive: above 256 MiB it must stay within
     * 100 times the archive's size. Keras checks each member alone with a 4 GiB floor; a JVM holding every member
     * at once needs the total bounded too, or many members of just under 4 GiB each would exhaust the heap.
     *
     * @throws KerasFileException naming {@code archive}
     */
    public static void checkZipTotalSize(Path archive, long totalSize, long archiveSize) {
        if (totalSize > ZIP_TOTAL_BOMB_FLOOR_BYTES
                && totalSize > saturatedMultiply(archiveSize, ZIP_MEMBER_MAX_EXPANSION)) {
            throw new KerasFileException(archive, "the zip entries declare " + bytes(totalSize) + " in total but the"
                    + " archive holds only " + bytes(archiveSize) + "; refusing to load a potential decompression bomb");
        }
    }

    /**
     * Checks an HDF5 dataset's declared shape before its data is allocated and returns its element count.
     * The byte size ({@code product(dims) × elementSize}) must not overflow and must fit in the file, or, for a
     * compressed (filtered) dataset, in {@link #H5_DATASET_MAX_EXPANSION} times the file.
     *
     * @param fileSize the size of the whole HDF5 file in bytes
     * @throws KerasFileException naming {@code file} and the dataset
     */
    public static int checkDatasetSize(Path file, String dataset, int[] dims, int elementSize, long fileSize,
                                       boolean compressed) {
        if (dims.length > MAX_RANK) {
            throw new KerasFileException(file, "HDF5 dataset '" + dataset + "' has rank " + dims.length
                    + "; ranks above " + MAX_RANK + " are not accepted");
        }
        long count = 1;
        long byteSize;
        try {
            for (int d : dims) {
                if (d < 0) {
                    throw new KerasFileException(file, "HDF5 dataset '" + dataset + "' declares a negative dimension "
                            + Shape.formatInts(dims));
                }
                count = Math.multiplyExact(count, d);
            }
            byteSize = Math.multiplyExact(count, (long) elementSize);
        } catch (ArithmeticException e) {
            throw new KerasFileException(file, "HDF5 dataset '" + dataset + "' declares shape " + Shape.formatInts(dims)
                    + " whose size overflows; refusing to allocate it (shape bomb)");
        }
        long limit = compressed ? saturatedMultiply(fileSize, H5_DATASET_MAX_EXPANSION) : fileSize;
        if (byteSize > limit) {
            throw new KerasFileException(file, "HDF5 dataset '" + dataset + "' declares shape " + Shape.formatInts(dims) + " ("
                    + bytes(byteSize) + ") but the file holds only " + bytes(fileSize)
                    + "; refusing to allocate it (shape bomb)");
        }
        if (count > MAX_ARRAY_LENGTH) {
            throw new KerasFileException(file, "HDF5 dataset '" + dataset + "' declares shape " + Shape.formatInts(dims)
                    + "; tensors of more than " + MAX_ARRAY_LENGTH + " elements are not supported");
        }
        return (int) count;
    }



    static String bytes(long n) {
        if (n < 1024) return n + " bytes";
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) return lo;
        return Long.MAX_VALUE;
    }
}
