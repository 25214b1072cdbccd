package keras4j.saving;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;

/**
 * An ordered, path-addressed store of float32 tensors: the in-memory form of Keras 3's {@code model.weights.h5}
 * ({@code H5IOStore} in {@code keras/src/saving/saving_lib.py}).
 *
 * <p>Paths are HDF5 paths without the leading slash. A tensor lives at a dataset path such as
 * {@code layers/dense/vars/0}; every prefix ({@code layers}, {@code layers/dense}, {@code layers/dense/vars}) is a
 * group, created on demand. Keras stores each object's variables under {@code <object path>/vars} as datasets
 * {@code "0"}, {@code "1"}, … in the order trainable then non-trainable ({@link #putVars}, {@link #vars}), and
 * since Keras 3.6 gives every named object a {@code vars} group carrying a string attribute {@code name}, even
 * when it has no variables ({@link #putGroup}, {@link #setAttribute}).
 *
 * <pre>{@code
 * WeightStore store = new WeightStore();
 * store.putVars("layers/dense", List.of(kernel, bias));      // layers/dense/vars/0, layers/dense/vars/1
 * store.setAttribute("layers/dense/vars", "name", "dense");
 * H5Weights.write(store, Path.of("model.weights.h5"));
 * }</pre>
 *
 * <p>Tensors are held by reference: their values are read when the store is written. Iteration follows
 * insertion order; a store read from a file lists children in natural name order ({@code dense},
 * {@code dense_2}, {@code dense_10}), because HDF5 files written by h5py or jHDF do not record creation order.
 * Not thread-safe.
 */
public final class WeightStore {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        final Set<String> children = new LinkedHashSet<>();
        final Map<String, String> attributes = new LinkedHashMap<>();
    }

    public WeightStore() {
        groups.put("", new Group());
    }

    /**
     * Stores {@code value} at the dataset path {@code path} (for example {@code layers/dense/vars/0}), creating
     * its parent groups. Storing again at the same path replaces the tensor and keeps its position.
     *
     * @throws IllegalArgumentException if the path is malformed, is a group, or passes through a tensor
     */
    public WeightStore put(String path, Tensor value) {
        checkPath(path, "path");
        if (value == null) throw new IllegalArgumentException("Argument `value` must not be null. Received: path=" + path);
        if (groups.containsKey(path)) {
            throw new IllegalArgumentException("Cannot store a tensor at '" + path + "': it is a group");
        }
        String parent = parentOf(path);
        ensureGroup(parent);
        tensors.put(path, value);
        groups.get(parent).children.add(nameOf(path));
        return this;
    }

    /**
     * Stores an object's variables as Keras's {@code save_own_variables} does:
     * {@code <objectPath>/vars/0}, {@code <objectPath>/vars/1}, …; an empty list still creates the
     * {@code vars} group. {@code objectPath} is {@code ""} for the model itself.
     */
    public WeightStore putVars(String objectPath, List<Tensor> variables) {
        String vars = objectPath.isEmpty() ? "vars" : objectPath + "/vars";
        putGroup(vars);
        for (int i = 0; i < variables.size(); i++) put(vars + "/" + i, variables.get(i));
        return this;
    }

    /**
     * The tensor at {@code path}.
     *
     * @throws IllegalArgumentException if there is no tensor at that path (Keras raises {@code KeyError})
     */
    public Tensor get(String path) {
        Tensor t = tensors.get(path);
        if (t == null) {
            String what = groups.containsKey(path) ? "it is a group" : "the store has no such path";
            throw new IllegalArgumentException("No tensor at path '" + path + "': " + what + " (" + tensors.size()
                    + " tensors stored)");
        }
        return t;
    }

    /**
     * The variables of one object, as Keras's {@code load_own_variables} sees them: the tensors
     * {@code <objectPath>/vars/0}, {@code /1}, … in index order; empty if the object has no {@code vars} group.
     *
     * @throws IllegalArgumentException if the {@code vars} group holds anything but consecutive indices 0..n-1
     */
    public List<Tensor> vars(String objectPath) {
        String vars = objectPath.isEmpty() ? "vars" : objectPath + "/vars";
        Group g = groups.get(vars);
        if (g == null) return List.of();
        List<Tensor> out = new ArrayList<>(g.children.size());
        for (int i = 0; i < g.children.size(); i++) {
            Tensor t = tensors.get(vars + "/" + i);
            if (t == null) {
                throw new IllegalArgumentException("Group '" + vars + "' does not hold variables 0.."
                        + (g.children.size() - 1) + ": it contains " + g.children);
            }
            out.add(t);
        }
        return out;
    }

    /** Whether a tensor is stored at {@code path}. */
    public boolean contains(String path) {
        return tensors.containsKey(path);
    }

    /** Whether {@code path} is a group ({@code ""} is the root group). */
    public boolean isGroup(String path) {
        return groups.containsKey(path);
    }

    /** The dataset paths of all tensors, in order. */
    public List<String> paths() {
        return List.copyOf(tensors.keySet());
    }

    /** The paths of all groups except the root, in order of creation (parents before children). */
    public List<String> groups() {
        List<String> out = new ArrayList<>(groups.keySet());
        out.remove("");
        return Collections.unmodifiableList(out);
    }

    /** Creates the (possibly empty) group {@code groupPath} and its parents; {@code ""} is the root. */
    public WeightStore putGroup(String groupPath) {
        if (!groupPath.isEmpty()) checkPath(groupPath, "groupPath");
        ensureGroup(groupPath);
        return this;
    }

    /**
     * The names of the direct children (groups and tensors) of a group, in order; {@code ""} is the root.
     *
     * @throws IllegalArgumentException if {@code groupPath} is not a group
     */
    public List<String> children(String groupPath) {
        return List.copyOf(group(groupPath).children);
    }

    /**
     * Sets a string attribute on a group, creating the group; Keras sets {@code name} (the object's name) on
     * each {@code vars} group.
     */
    public WeightStore setAttribute(String groupPath, String name, String value) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("Argument `name` must not be empty");
        if (value == null) throw new IllegalArgumentException("Argument `value` must not be null. Received: name=" + name);
        putGroup(groupPath);
        groups.get(groupPath).attributes.put(name, value);
        return this;
    }

    /**
     * The string attributes of a group, in order.
     *
     * @throws IllegalArgumentException if {@code groupPath} is not a group
     */
    public Map<String, String> attributes(String groupPath) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(group(groupPath).attributes));
    }

    /** The number of tensors. */
    public int size() {
        return tensors.size();
    }

    public boolean isEmpty() {
        return tensors.isEmpty();
    }

    /** One line per tensor: its path and shape. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("WeightStore(").append(tensors.size()).append(" tensors, ")
                .append(groups.size() - 1).append(" groups)");
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            sb.append("\n  ").append(e.getKey()).append("  ").append(Shape.formatInts(e.getValue().shape()));
        }
        return sb.toString();
    }

    private Group group(String groupPath) {
        Group g = groups.get(groupPath);
        if (g == null) {
            String what = tensors.containsKey(groupPath) ? "it is a tensor" : "there is no such group";
            throw new IllegalArgumentException("'" + groupPath + "' is not a group of this store: " + what);
        }
        return g;
    }

    private void ensureGroup(String path) {
        if (groups.containsKey(path)) return;
        if (tensors.containsKey(path)) {
            throw new IllegalArgumentException("Cannot make a group at '" + path + "': a tensor is stored there");
        }
        String parent = parentOf(path);
        ensureGroup(parent);
        groups.put(path, new Group());
        groups.get(parent).children.add(nameOf(path));
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** HDF5 path rules: non-empty segments separated by '/', none of them '.' or '..'. */
    static void checkPath(String path, String argument) {
        String problem = null;
        if (path == null || path.isEmpty()) {
            problem = "it is empty";
        } else if (path.indexOf('\0') >= 0) {
            problem = "it contains a NUL character";
        } else {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty()) {
                    problem = "it has an empty segment (leading, trailing or double '/')";
                } else if (segment.equals(".") || segment.equals("..")) {
                    problem = "it has a '" + segment + "' segment";
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("Invalid weight path: " + problem + ". Received: " + argument + "="
                    + (path == null ? "null" : "'" + path + "'"));
        }
    }
}
