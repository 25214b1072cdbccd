package keras4j.saving;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The Keras 3 {@code .keras} file: {@code model.save("x.keras")} / {@code keras.saving.load_model("x.keras")}
 * ({@code keras/src/saving/saving_lib.py}). A zip archive of:
 * <ul>
 *   <li>{@code metadata.json}: {@code {"keras_version": "3.x.y", "date_saved": "%Y-%m-%d@%H:%M:%S"}};</li>
 *   <li>{@code config.json}: the serialized model ({@code {"module", "class_name", "config", ...}});</li>
 *   <li>{@code model.weights.h5}: the weights in the {@link H5Weights} layout;</li>
 *   <li>optionally {@code assets/...}: files saved by layers such as {@code TextVectorization}.</li>
 * </ul>
 * Entries are written in that order and stored uncompressed, as Keras's {@code zipfile.ZipFile(f, "w")} does.
 */
public final class KerasArchive {
    private KerasArchive() {}

    public static final String METADATA = "metadata.json";
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "model.weights.h5";
    /** Written by Keras with {@code weights_format="npz"}; recognised but not supported. */
    public static final String WEIGHTS_NPZ = "model.weights.npz";
    public static final String ASSETS = "assets/";

    /** Keras's {@code datetime.now().strftime("%Y-%m-%d@%H:%M:%S")}. */
    static final DateTimeFormatter DATE_SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    /**
     * The contents of a {@code .keras} file.
     *
     * @param config the parsed {@code config.json}
     * @param metadata the parsed {@code metadata.json}, or an empty map when the archive has none
     * @param weights the tensors of {@code model.weights.h5}
     * @param assets the {@code assets/} files, by path below {@code assets/}, in archive order
     */
    public record Contents(Map<String, Object> config, Map<String, Object> metadata, WeightStore weights,
                           Map<String, byte[]> assets) {}

    /**
     * Writes a {@code .keras} archive without assets; see {@link #write(Path, Map, WeightStore, String, Map)}.
     */
    public static void write(Path path, Map<String, Object> config, WeightStore weights, String kerasVersion) {
        write(path, config, weights, kerasVersion, Map.of());
    }

    /**
     * Writes a {@code .keras} archive atomically (temporary file in the same directory, then renamed):
     * {@code metadata.json} with {@code kerasVersion} and the current local time, {@code config.json} as Python's
     * {@code json.dumps} writes it, {@code model.weights.h5} from {@code weights}, then {@code assets/<name>} for
     * each asset.
     *
     * @param assets files by path below {@code assets/} (for example {@code layers/text_vectorization/vocabulary.txt})
     * @throws IllegalArgumentException if the file name does not end in {@code .keras} (as in Keras)
     * @throws KerasFileException if an asset name is unsafe, the weights cannot be written (zero-size tensor) or
     *     the I/O fails; a previous file at {@code path} is then left unchanged
     */
    public static void write(Path path, Map<String, Object> config, WeightStore weights, String kerasVersion,
                             Map<String, byte[]> assets) {
        if (!path.getFileName().toString().endsWith(".keras")) {
            throw new IllegalArgumentException("Invalid `filepath` argument: expected a `.keras` extension. Received: "
                    + "filepath=" + path);
        }
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(kerasVersion, "kerasVersion");
        for (String name : assets.keySet()) {
            Safety.checkEntryName(path, ASSETS + name);
            if (name.isEmpty() || name.endsWith("/")) {
                throw new KerasFileException(path, "asset name '" + name + "' does not name a file");
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("keras_version", kerasVersion);
        metadata.put("date_saved", LocalDateTime.now().format(DATE_SAVED));
        byte[] metadataJson = KerasJson.write(metadata).getBytes(StandardCharsets.UTF_8);
        byte[] configJson = KerasJson.write(config).getBytes(StandardCharsets.UTF_8);

        Safety.writeAtomically(path, temp -> {
            Path weightsFile = Files.createTempFile(temp.getParent(), "." + path.getFileName() + ".", ".h5.tmp");
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                putStored(zip, METADATA, metadataJson);
                putStored(zip, CONFIG, configJson);
                H5Weights.build(weights).writeTo(weightsFile);
                putStored(zip, WEIGHTS, weightsFile);
                for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
                    putStored(zip, ASSETS + asset.getKey(), asset.getValue());
                }
            } finally {
                Files.deleteIfExists(weightsFile);
            }
        });
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        zip.putNextEntry(storedEntry(name, content.length, crc.getValue()));
        zip.write(content);
        zip.closeEntry();
    }

    private static void putStored(ZipOutputStream zip, String name, Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
        }
        zip.putNextEntry(storedEntry(name, Files.size(file), crc.getValue()));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static ZipEntry storedEntry(String name, long size, long crc) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        return e;
    }

    /**
     * Reads a {@code .keras} archive. Before anything is decompressed, every entry name is checked (no
     * {@code ..}, no absolute path, only {@code metadata.json}, {@code config.json}, {@code model.weights.h5} and
     * {@code assets/...}) and every declared size is checked (Keras's decompression-bomb rule per entry, and
     * {@link Safety#checkZipTotalSize} for their total); each entry's CRC is verified, and the weights are read
     * with {@link H5Weights}'s checks.
     *
     * @throws KerasFileException naming the file and the reason if it is missing, not a zip archive, truncated,
     *     corrupted, unsafe, or lacks {@code config.json} or {@code model.weights.h5}
     */
    public static Contents read(Path path) {
        checkSignature(path);
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            long total = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                Safety.checkEntryName(path, name);
                if (!isKnown(name)) {
                    throw new KerasFileException(path, "zip entry '" + name + "' is not part of a .keras archive"
                            + " (expected metadata.json, config.json, model.weights.h5 and assets/...)");
                }
                if (entries.put(name, entry) != null) {
                    throw new KerasFileException(path, "zip entry '" + name + "' appears twice");
                }
                if (!entry.isDirectory()) {
                    Safety.checkZipEntrySize(path, name, entry.getSize(), entry.getCompressedSize());
                    total += entry.getSize();
                }
            }
            Safety.checkZipTotalSize(path, total, Files.size(path));
            if (!entries.containsKey(CONFIG)) {
                throw new KerasFileException(path, "not a .keras archive: it has no config.json");
            }
            Map<String, Object> config = KerasJson.readObject(text(zip, entries.get(CONFIG), path), path, CONFIG);
            Map<String, Object> metadata = entries.containsKey(METADATA)
                    ? KerasJson.readObject(text(zip, entries.get(METADATA), path), path, METADATA)
                    : new LinkedHashMap<>();
            if (!entries.containsKey(WEIGHTS)) {
                throw new KerasFileException(path, entries.containsKey(WEIGHTS_NPZ)
                        ? "weights stored as model.weights.npz (weights_format=\"npz\") are not supported"
                        : "Expected a model.weights.h5 or model.weights.npz file");
            }
            byte[] weightsBytes = bytes(zip, entries.get(WEIGHTS), path);
            WeightStore weights = H5Weights.read(Hdf5Reader.open(weightsBytes, path, "entry '" + WEIGHTS + "': "));
            Map<String, byte[]> assets = new LinkedHashMap<>();
            for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
                if (e.getKey().startsWith(ASSETS) && !e.getValue().isDirectory()) {
                    assets.put(e.getKey().substring(ASSETS.length()), bytes(zip, e.getValue(), path));
                }
            }
            return new Contents(config, metadata, weights, Collections.unmodifiableMap(assets));
        } catch (ZipException e) {
            throw new KerasFileException(path, "the zip archive is truncated or corrupted (" + Safety.describe(e) + ")", e);
        } catch (IOException e) {
            throw new KerasFileException(path, "cannot read the file: " + Safety.describe(e), e);
        }
    }

    private static boolean isKnown(String name) {
        return name.equals(METADATA) || name.equals(CONFIG) || name.equals(WEIGHTS) || name.equals(WEIGHTS_NPZ)
                || name.startsWith(ASSETS);
    }

    private static void checkSignature(Path path) {
        byte[] head = new byte[ZIP_SIGNATURE.length];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new KerasFileException(path, "no such file", e);
        } catch (IOException e) {
            throw new KerasFileException(path, "cannot read the file: " + Safety.describe(e), e);
        }
        if (n < head.length || !Arrays.equals(head, ZIP_SIGNATURE)) {
            throw new KerasFileException(path, "not a .keras archive: the zip signature is missing");
        }
    }

    private static String text(ZipFile zip, ZipEntry entry, Path path) throws IOException {
        return new String(bytes(zip, entry, path), StandardCharsets.UTF_8);
    }

    /** The entry's bytes: exactly its declared size (already checked), CRC verified. */
    private static byte[] bytes(ZipFile zip, ZipEntry entry, Path path) throws IOException {
        int size = (int) entry.getSize();
        byte[] out = new byte[size];
        try (InputStream in = zip.getInputStream(entry)) {
            int offset = 0;
            while (offset < size) {
                int n = in.read(out, offset, size - offset);
                if (n < 0) throw new KerasFileException(path, "zip entry '" + entry.getName() + "' is truncated");
                offset += n;
            }
            if (in.read() != -1) {
                throw new KerasFileException(path, "zip entry '" + entry.getName() + "' is longer than its declared size");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw new KerasFileException(path, "zip entry '" + entry.getName() + "' is corrupted (CRC mismatch)");
        }
        return out;
    }
}
