package keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Safe reading of an HDF5 file with jHDF. The whole file is held in memory, so every structure jHDF decodes is
 * a bounds-checked slice of it (a corrupt length cannot make it allocate), links are refused (Keras refuses soft
 * and external links), no object may be reached twice, and a dataset's declared size is checked against the
 * file size before its data is read. Every failure becomes a {@link KerasFileException} naming the file.
 */
final class Hdf5Reader implements AutoCloseable {
    static {
        QuietSlf4j.ensure();
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** The file (or archive) named in error messages. */
    final Path origin;
    /** Prepended to reasons, e.g. "entry 'model.weights.h5': " for the weights inside a .keras archive. */
    private final String context;
    private final HdfFile file;
    private final long size;
    private final Set<Long> visited = new HashSet<>();

    private Hdf5Reader(Path origin, String context, HdfFile file, long size) {
        this.origin = origin;
        this.context = context;
        this.file = file;
        this.size = size;
    }

    /** Opens an HDF5 file from disk. */
    static Hdf5Reader open(Path path) {
        byte[] bytes;
        try {
            long n = Files.size(path);
            if (n > Safety.MAX_ARRAY_LENGTH) {
                throw new KerasFileException(path, "the file is " + Safety.bytes(n)
                        + "; HDF5 files larger than 2 GiB are not supported");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KerasFileException(path, "no such file", e);
        } catch (IOException e) {
            throw new KerasFileException(path, "cannot read the file: " + Safety.describe(e), e);
        }
        return open(bytes, path, "");
    }

    /** Opens an HDF5 file held in memory; {@code context} prefixes error reasons. */
    static Hdf5Reader open(byte[] bytes, Path origin, String context) {
        if (!hasSignature(bytes)) {
            throw new KerasFileException(origin, context + "not an HDF5 file: the HDF5 signature is missing");
        }
        try {
            HdfFile file = HdfFile.fromBytes(bytes);
            return new Hdf5Reader(origin, context, file, bytes.length);
        } catch (RuntimeException e) {
            throw new KerasFileException(origin, context + "the HDF5 file is truncated or corrupted ("
                    + Safety.describe(e) + ")", e);
        }
    }

    /** HDF5 allows the superblock at byte 0, 512, 1024, 2048, … (after a user block). */
    private static boolean hasSignature(byte[] bytes) {
        for (long offset = 0; offset + SIGNATURE.length <= bytes.length; offset = offset == 0 ? 512 : offset * 2) {
            if (Arrays.equals(bytes, (int) offset, (int) offset + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code body} on an opened file and turns any jHDF failure into a {@link KerasFileException}; the
     * file is closed either way.
     */
    static <T> T read(Hdf5Reader reader, Function<Hdf5Reader, T> body) {
        try (reader) {
            return body.apply(reader);
        } catch (KerasFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw reader.fail("the HDF5 file is truncated or corrupted (" + Safety.describe(e) + ")", e);
        }
    }

    Group root() {
        return file;
    }

    KerasFileException fail(String reason) {
        return new KerasFileException(origin, context + reason);
    }

    KerasFileException fail(String reason, Throwable cause) {
        return new KerasFileException(origin, context + reason, cause);
    }

    /** The child {@code name} of {@code group}, or null; links are refused. */
    Node child(Group group, String name, String pathForErrors) {
        Node node = group.getChildren().get(name);
        if (node != null && node.isLink()) {
            throw fail("'" + pathForErrors + "' is an HDF5 soft or external link; links are not allowed");
        }
        return node;
    }

    /** The names of a group's children in natural order ({@code 0, 1, 2, 10}; {@code dense, dense_1, dense_10}). */
    static List<String> sortedNames(Group group) {
        List<String> names = new ArrayList<>(group.getChildren().keySet());
        names.sort(NATURAL);
        return names;
    }

    /** Follows a '/'-separated path of groups and returns the node at its end, or null if a part is missing. */
    Node node(Group start, String relativePath, String prefixForErrors) {
        Node node = start;
        StringBuilder walked = new StringBuilder(prefixForErrors);
        for (String segment : relativePath.split("/")) {
            if (!(node instanceof Group g)) {
                throw fail("'" + walked + "' is a dataset, not a group");
            }
            if (walked.length() > 0) walked.append('/');
            walked.append(segment);
            node = child(g, segment, walked.toString());
            if (node == null) return null;
        }
        return node;
    }

    /** Marks an object as read; an object reached twice (through hard links) is refused. */
    void visit(Node node, String path) {
        if (!visited.add(node.getAddress())) {
            throw fail("'" + path + "' is reached twice in the file (hard link or cycle); not allowed");
        }
    }

    /** Reads a numeric dataset as a float32 tensor, after checking its declared size. */
    Tensor tensor(Dataset ds, String path) {
        visit(ds, path);
        if (ds.isEmpty()) throw fail("HDF5 dataset '" + path + "' has no data (null dataspace)");
        if (ds.isCompound() || ds.isVariableLength()) {
            throw fail("HDF5 dataset '" + path + "' is not numeric (" + ds.getDataType().getClass().getSimpleName() + ")");
        }
        DataType type = ds.getDataType();
        boolean bfloat16 = "bfloat16".equals(stringAttribute(ds, "dtype"));
        boolean numeric = type instanceof FloatingPoint || type instanceof FixedPoint || type instanceof BitField;
        if (!numeric && !(bfloat16 && type instanceof OpaqueDataType)) {
            throw fail("HDF5 dataset '" + path + "' is not numeric (" + type.getClass().getSimpleName() + ")");
        }
        int[] dims = ds.getDimensions();
        boolean compressed = !ds.getFilters().isEmpty();
        int count;
        try {
            count = Safety.checkDatasetSize(origin, path, dims, type.getSize(), size, compressed);
        } catch (KerasFileException e) {
            throw fail(e.reason());
        }
        float[] values = count == 0 ? new float[0] : floats(ds.getDataFlat(), bfloat16, path);
        if (values.length != count) {
            throw fail("HDF5 dataset '" + path + "' holds " + values.length + " values for shape " + Shape.formatInts(dims));
        }
        return dims.length == 0 ? Tensor.scalar(values[0]) : Tensor.wrap(values, dims);
    }

    /** Converts jHDF's flat primitive array to float32 (Keras casts on assignment the same way). */
    private float[] floats(Object flat, boolean bfloat16, String path) {
        if (bfloat16) return bfloat16(flat, path);
        if (flat instanceof float[] f) return f;
        int n = Array.getLength(flat);
        float[] out = new float[n];
        if (flat instanceof double[] d) {
            for (int i = 0; i < n; i++) out[i] = (float) d[i];
        } else if (flat instanceof long[] l) {
            for (int i = 0; i < n; i++) out[i] = l[i];
        } else if (flat instanceof int[] a) {
            for (int i = 0; i < n; i++) out[i] = a[i];
        } else if (flat instanceof short[] s) {
            for (int i = 0; i < n; i++) out[i] = s[i];
        } else if (flat instanceof byte[] b) {
            for (int i = 0; i < n; i++) out[i] = b[i];
        } else if (flat instanceof boolean[] z) {
            for (int i = 0; i < n; i++) out[i] = z[i] ? 1f : 0f;
        } else {
            throw fail("HDF5 dataset '" + path + "' has values of an unsupported Java type "
                    + flat.getClass().getSimpleName());
        }
        return out;
    }

    /** Keras stores bfloat16 as 2-byte values with attribute dtype="bfloat16": the top half of a float32. */
    private float[] bfloat16(Object flat, String path) {
        if (flat instanceof short[] s) {
            float[] out = new float[s.length];
            for (int i = 0; i < s.length; i++) out[i] = Float.intBitsToFloat((s[i] & 0xffff) << 16);
            return out;
        }
        byte[] b = flat instanceof byte[] bytes ? bytes : flattenBytes(flat);
        if (b == null || b.length % 2 != 0) {
            throw fail("HDF5 dataset '" + path + "' is marked bfloat16 but does not hold 2-byte values");
        }
        float[] out = new float[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            int bits = (b[2 * i] & 0xff) | (b[2 * i + 1] & 0xff) << 8;
            out[i] = Float.intBitsToFloat(bits << 16);
        }
        return out;
    }

    private static byte[] flattenBytes(Object flat) {
        if (!(flat instanceof Object[] parts)) return null;
        ByteBuffer buffer = ByteBuffer.allocate(parts.length * 2);
        for (Object p : parts) {
            if (!(p instanceof byte[] b) || b.length != 2) return null;
            buffer.put(b);
        }
        return buffer.array();
    }

    /** A scalar string attribute (fixed-length bytes or variable-length string), or null if absent. */
    String stringAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) return null;
        Object data = a.isEmpty() ? null : a.getData();
        if (data instanceof String s) return s;
        if (data instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        if (data instanceof String[] arr && arr.length == 1) return arr[0];
        throw fail("attribute '" + name + "' of '" + node.getPath() + "' is not a string");
    }

    /**
     * A string-array attribute as Keras's {@code load_attributes_from_hdf5_group} reads it: the attribute
     * {@code name}, or else the chunks {@code name0}, {@code name1}, … concatenated; empty when absent. Fixed-length
     * bytes and variable-length strings read alike; an empty numeric array (what Keras writes for a layer
     * without weights) is an empty list.
     */
    List<String> stringListAttribute(Node node, String name) {
        Map<String, Attribute> attributes = node.getAttributes();
        List<String> out = new ArrayList<>();
        if (attributes.containsKey(name)) {
            addStrings(attributes.get(name), out, name, node);
        } else {
            for (int i = 0; attributes.containsKey(name + i); i++) addStrings(attributes.get(name + i), out, name + i, node);
        }
        return out;
    }

    private void addStrings(Attribute a, List<String> out, String name, Node node) {
        if (a.isEmpty()) return;
        Object data = a.getData();
        if (data instanceof String s) {
            out.add(s);
        } else if (data instanceof String[] arr) {
            out.addAll(Arrays.asList(arr));
        } else if (data != null && data.getClass().isArray() && Array.getLength(data) == 0) {
            return;
        } else {
            throw fail("attribute '" + name + "' of '" + node.getPath() + "' is not a list of strings");
        }
    }

    /** All scalar string attributes of a node, by name; attributes of other types are skipped. */
    Map<String, String> stringAttributes(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(node.getAttributes().keySet());
        names.sort(NATURAL);
        for (String name : names) {
            Attribute a = node.getAttributes().get(name);
            if (a.isEmpty() || !a.isScalar()) continue;
            Object data = a.getData();
            if (data instanceof String s) out.put(name, s);
        }
        return out;
    }

    @Override
    public void close() {
        file.close();
    }

    /** Natural order: digit runs compare as numbers, everything else as text. */
    static final Comparator<String> NATURAL = Hdf5Reader::compareNatural;

    private static int compareNatural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String da = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String db = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (c != 0) return c;
            } else {
                if (ca != cb) return Character.compare(ca, cb);
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
