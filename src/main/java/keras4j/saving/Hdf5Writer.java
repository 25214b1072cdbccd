package keras4j.saving;

import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.DataSpace;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import keras4j.tensor.Internal;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * Builds an HDF5 file with jHDF's writable node tree and writes it. Three jHDF 0.9.4 defects are avoided here:
 * <ul>
 *   <li>{@code WritableHdfFile.close()} writes its "jHDF - version" marker at the channel position left by the
 *       last dataset, overwriting any group header laid out after it (an empty group last in the tree corrupts
 *       the file). This class lays out the same tree itself and writes no marker (h5py writes none either).</li>
 *   <li>A scalar string attribute is encoded from the whole backing array of {@code Charset.encode}, about 10%
 *       longer than the string, which overflows the 16-bit message size near 59.5 KB; scalar strings are
 *       handed to jHDF as a one-element array (encoded exactly) behind a scalar dataspace.</li>
 *   <li>Empty arrays and zero-length dimensions cannot be written (jHDF infers shapes from Java arrays), so
 *       zero-size tensors are refused with a clear message.</li>
 * </ul>
 */
final class Hdf5Writer {
    static {
        QuietSlf4j.ensure();
    }

    /** Keras's {@code HDF5_OBJECT_HEADER_LIMIT}: the largest attribute payload written inline. */
    static final int ATTRIBUTE_LIMIT = 64512;

    private final WritableGroupImpl root = new WritableGroupImpl(null, "/");

    WritableGroup root() {
        return root;
    }

    /** The child group {@code name} of {@code parent}, created if missing. */
    static WritableGroup group(WritableGroup parent, String name) {
        Node existing = parent.getChild(name);
        if (existing == null) return parent.putGroup(name);
        if (existing instanceof WritableGroup g) return g;
        throw new IllegalArgumentException("'" + name + "' is both a weight and a group in " + parent.getPath());
    }

    /** The group at a '/'-separated path below {@code parent}, created with its parents if missing. */
    static WritableGroup groupPath(WritableGroup parent, String path) {
        WritableGroup g = parent;
        if (path.isEmpty()) return g;
        for (String segment : path.split("/")) g = group(g, segment);
        return g;
    }

    /** Adds a float32 dataset holding {@code value}, shaped like it (rank 0 is an HDF5 scalar). */
    static void putTensor(WritableGroup parent, String name, Tensor value, String pathForErrors) {
        if (parent.getChild(name) != null) {
            throw new IllegalArgumentException("Weight '" + pathForErrors + "' is written twice");
        }
        parent.putDataset(name, nested(value, pathForErrors));
    }

    /** A flat row-major tensor as the nested Java array jHDF infers the dataset shape from. */
    static Object nested(Tensor value, String pathForErrors) {
        int[] shape = value.shape();
        float[] flat = Internal.array(value);
        if (shape.length == 0) return flat[0];
        for (int d : shape) {
            if (d == 0) {
                throw new IllegalArgumentException("Weight '" + pathForErrors + "' has shape " + Shape.formatInts(shape)
                        + "; zero-size tensors cannot be written to HDF5 by keras4j");
            }
        }
        Object out = Array.newInstance(float.class, shape);
        fill(out, flat, 0);
        return out;
    }

    private static int fill(Object array, float[] flat, int offset) {
        if (array instanceof float[] row) {
            System.arraycopy(flat, offset, row, 0, row.length);
            return offset + row.length;
        }
        for (Object sub : (Object[]) array) offset = fill(sub, flat, offset);
        return offset;
    }

    /** A scalar fixed-length UTF-8 string attribute (h5py reads it as {@code bytes}, like Keras 2's attributes). */
    static void putString(WritableNode node, String name, String value) {
        int size = value.getBytes(StandardCharsets.UTF_8).length + 1;
        if (size > ATTRIBUTE_LIMIT) {
            throw new IllegalArgumentException("Attribute '" + name + "' is " + size + " bytes; HDF5 attributes are"
                    + " limited to " + ATTRIBUTE_LIMIT + " bytes (Keras's h5py writer has the same limit)");
        }
        node.getAttributes().put(name, new ScalarString(name, node, value));
    }

    /**
     * A 1-D fixed-length string attribute, split like Keras's {@code save_attributes_to_hdf5_group}: when the
     * array is larger than {@link #ATTRIBUTE_LIMIT} bytes it is stored as {@code name0}, {@code name1}, … in
     * {@code numpy.array_split} chunks. An empty list writes no attribute, which Keras reads as an empty list.
     */
    static void putStrings(WritableNode node, String name, List<String> values) {
        if (values.isEmpty()) return;
        int itemSize = 1;
        for (String v : values) {
            int n = v.getBytes(StandardCharsets.UTF_8).length + 1;
            if (n > ATTRIBUTE_LIMIT) {
                throw new IllegalArgumentException("The following attributes cannot be saved to HDF5 file because"
                        + " they are larger than " + ATTRIBUTE_LIMIT + " bytes: " + v);
            }
            itemSize = Math.max(itemSize, n);
        }
        List<List<String>> chunks = arraySplit(values, 1);
        for (int k = 2; maxChunk(chunks) * (long) itemSize > ATTRIBUTE_LIMIT; k++) chunks = arraySplit(values, k);
        if (chunks.size() == 1) {
            node.putAttribute(name, values.toArray(new String[0]));
        } else {
            for (int i = 0; i < chunks.size(); i++) node.putAttribute(name + i, chunks.get(i).toArray(new String[0]));
        }
    }

    /** {@code numpy.array_split}: k nearly equal parts, the first {@code n % k} one element longer. */
    private static List<List<String>> arraySplit(List<String> values, int k) {
        List<List<String>> out = new ArrayList<>(k);
        int n = values.size(), base = n / k, extra = n % k, start = 0;
        for (int i = 0; i < k; i++) {
            int len = base + (i < extra ? 1 : 0);
            out.add(values.subList(start, start + len));
            start += len;
        }
        return out;
    }

    private static int maxChunk(List<List<String>> chunks) {
        int m = 0;
        for (List<String> c : chunks) m = Math.max(m, c.size());
        return m;
    }

    /** Lays out the tree at {@code file} (superblock v2, root group at byte 64) and flushes it to disk. */
    void writeTo(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
            HdfFileChannel hdf = new HdfFileChannel(channel, superblock);
            root.write(hdf, WritableHdfFile.ROOT_GROUP_ADDRESS);
            hdf.write(superblock.toBuffer(channel.size()), 0L);
            channel.force(true);
        }
    }

    /** A scalar string attribute whose data jHDF encodes exactly (see the class comment). */
    private static final class ScalarString implements Attribute {
        private final String name;
        private final Node node;
        private final String[] data;
        private final DataType type;
        private final DataSpace space;

        ScalarString(String name, Node node, String value) {
            this.name = name;
            this.node = node;
            this.data = new String[] {value};
            this.type = DataType.fromObject(data);
            this.space = DataSpace.fromObject(value);
        }

        @Override public Node getNode() { return node; }
        @Override public String getName() { return name; }
        @Override public long getSize() { return 1; }
        @Override public long getSizeInBytes() { return type.getSize(); }
        @Override public int[] getDimensions() { return new int[0]; }
        @Override public Object getData() { return data; }
        @Override public Class<?> getJavaType() { return String.class; }
        @Override public boolean isScalar() { return true; }
        @Override public boolean isEmpty() { return false; }
        @Override public ByteBuffer getBuffer() { return type.encodeData(data); }
        @Override public DataSpace getDataSpace() { return space; }
        @Override public DataType getDataType() { return type; }
    }
}
