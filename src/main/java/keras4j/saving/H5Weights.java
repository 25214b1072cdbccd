package keras4j.saving;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.Map;
import keras4j.tensor.Tensor;

/**
 * Keras 3's HDF5 weights file: {@code model.save_weights("x.weights.h5")} / {@code model.load_weights(...)}, and
 * the {@code model.weights.h5} member of a {@code .keras} archive ({@code H5IOStore} in
 * {@code keras/src/saving/saving_lib.py}).
 *
 * <p>Layout: one HDF5 group per path component and one float32 dataset per tensor, exactly the paths of the
 * {@link WeightStore} ({@code layers/dense/vars/0}); group string attributes (Keras's {@code name} metadata on
 * {@code vars} groups) are kept. Like Keras's {@code H5IOStore}, nothing is written at the root. Strings are
 * stored as fixed-length UTF-8 (h5py reads them as {@code bytes}; Keras only displays this metadata).
 */
public final class H5Weights {
    static {
        QuietSlf4j.ensure();
    }

    private H5Weights() {}

    /**
     * Writes {@code weights} to {@code path} atomically (temporary file in the same directory, then renamed).
     * Like Keras's {@code save_weights}, the file name must end in {@code .weights.h5}.
     *
     * @throws IllegalArgumentException if the file name does not end in {@code .weights.h5}
     * @throws KerasFileException if the store cannot be written (zero-size tensor, I/O failure); a previous file
     *     at {@code path} is then left unchanged
     */
    public static void write(WeightStore weights, Path path) {
        if (!path.getFileName().toString().endsWith(".weights.h5")) {
            throw new IllegalArgumentException("The filename must end in `.weights.h5`. Received: filepath=" + path);
        }
        Safety.writeAtomically(path, temp -> build(weights).writeTo(temp));
    }

    /**
     * Reads a Keras 3 {@code .weights.h5} file. Numeric datasets of any type are converted to float32; groups,
     * empty groups included, and their string attributes are kept; children are listed in natural name order.
     *
     * @throws KerasFileException if the file is missing, not HDF5, truncated or corrupted, or unsafe (links, a
     *     declared dataset size the file cannot hold)
     */
    public static WeightStore read(Path path) {
        return read(Hdf5Reader.open(path));
    }

    /** Reads the weights of an opened HDF5 file (used for the member of a .keras archive). */
    static WeightStore read(Hdf5Reader reader) {
        return Hdf5Reader.read(reader, r -> {
            WeightStore store = new WeightStore();
            walk(r, r.root(), "", store);
            return store;
        });
    }

    private static void walk(Hdf5Reader reader, Group group, String prefix, WeightStore store) {
        reader.visit(group, prefix.isEmpty() ? "/" : prefix);
        for (Map.Entry<String, String> a : reader.stringAttributes(group).entrySet()) {
            store.setAttribute(prefix, a.getKey(), a.getValue());
        }
        for (String name : Hdf5Reader.sortedNames(group)) {
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            checkName(reader, name, path);
            Node node = reader.child(group, name, path);
            if (node instanceof Group g) {
                store.putGroup(path);
                walk(reader, g, path, store);
            } else if (node instanceof Dataset ds) {
                store.put(path, reader.tensor(ds, path));
            } else {
                throw reader.fail("'" + path + "' is neither a group nor a dataset");
            }
        }
    }

    private static void checkName(Hdf5Reader reader, String name, String path) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            throw reader.fail("invalid HDF5 link name at '" + path + "'");
        }
    }

    /** The jHDF tree of a store: groups in store order, datasets, then group attributes. */
    static Hdf5Writer build(WeightStore weights) {
        Hdf5Writer writer = new Hdf5Writer();
        WritableGroup root = writer.root();
        for (String g : weights.groups()) Hdf5Writer.groupPath(root, g);
        for (String path : weights.paths()) {
            WritableGroup parent = Hdf5Writer.groupPath(root, WeightStore.parentOf(path));
            Tensor value = weights.get(path);
            Hdf5Writer.putTensor(parent, WeightStore.nameOf(path), value, path);
        }
        for (String g : weights.groups()) putAttributes(weights, g, Hdf5Writer.groupPath(root, g));
        putAttributes(weights, "", root);
        return writer;
    }

    private static void putAttributes(WeightStore weights, String groupPath, WritableGroup group) {
        for (Map.Entry<String, String> a : weights.attributes(groupPath).entrySet()) {
            Hdf5Writer.putString(group, a.getKey(), a.getValue());
        }
    }
}
