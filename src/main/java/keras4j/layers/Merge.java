package keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * The base of the merge layers, like Keras's {@code keras.layers.Merge} ({@code merging/base_merge.py}): a layer
 * called on a list of at least two tensors that returns one tensor.
 *
 * <p>Element-wise merges ({@link Add}, {@link Subtract}, {@link Multiply}, {@link Average}, {@link Maximum},
 * {@link Minimum}) accept shapes that broadcast as Keras's {@code _compute_elemwise_op_output_shape}: the non-batch
 * shapes are aligned from the right, a size-1 axis stretches to the other size, an unknown ({@code -1}, None) size
 * makes the output size unknown, and all known batch sizes must agree. Inputs of lower rank are expanded at axis 1
 * until all ranks agree, as Keras's {@code Merge.call} does, so {@code (b, 3)} and {@code (b, 4, 3)} merge to
 * {@code (b, 4, 3)}.
 *
 * <p>Masks (one per input, nullable, 0/1 of the input shape without its last axis) follow Keras 3: the output mask
 * is the logical OR of the input masks, and there is no output mask as soon as one input has none.
 *
 * @param <T> the concrete layer class
 */
public abstract class Merge<T extends Merge<T>> extends AbstractLayer<T> {

    protected Merge() {
        supportsMasking = true;
    }

    // ------------------------------------------------------------------ the merge itself

    /**
     * Merges inputs that already have the same rank (Keras's {@code _merge_function}). {@code masks} has one entry
     * per input, null where the input has no mask.
     */
    protected abstract Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks);

    /** Brings the inputs to one rank (expanding at axis 1) and merges them, as Keras's {@code Merge.call}. */
    protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
        int maxRank = 0;
        for (Tensor x : inputs) maxRank = Math.max(maxRank, x.rank());
        List<Tensor> reshaped = new ArrayList<>(inputs.size());
        List<Tensor> reshapedMasks = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            Tensor mask = masks.get(i);
            if (x.rank() < maxRank) {
                // Keras's expanded tensor is a new tensor without the input's mask.
                while (x.rank() < maxRank) x = Ops.expandDims(x, 1);
                mask = null;
            }
            reshaped.add(x);
            reshapedMasks.add(mask);
        }
        return mergeFunction(reshaped, reshapedMasks);
    }

    // ------------------------------------------------------------------ shapes

    /** Checks the number of inputs; Keras's message for fewer than two. */
    protected void checkInputCount(List<int[]> inputShapes) {
        if (inputShapes.size() < 2) {
            throw new IllegalArgumentException("A merge layer should be called on a list of at least 2 inputs. Received "
                    + inputShapes.size() + " inputs. Full input_shape received: " + formatShapes(inputShapes));
        }
    }

    /**
     * Validates the input shapes and returns the output shape (batch axis first, -1 for None): Keras's
     * {@code Merge.build} checks and {@code compute_output_shape}. Errors name the layer and the shapes.
     */
    protected int[] outputShape(List<int[]> inputShapes) {
        Set<Integer> batchSizes = new LinkedHashSet<>();
        for (int[] s : inputShapes) {
            if (s.length == 0) {
                throw error("merge inputs need a batch axis. Received: input_shape=" + formatShapes(inputShapes));
            }
            if (s[0] >= 0) batchSizes.add(s[0]);
        }
        if (batchSizes.size() > 1) {
            throw error("Cannot merge tensors with different batch sizes. Received tensors with shapes " + formatShapes(inputShapes));
        }
        int[] out = nonBatch(inputShapes.get(0));
        for (int i = 1; i < inputShapes.size(); i++) {
            out = elementwiseShape(out, nonBatch(inputShapes.get(i)), inputShapes);
        }
        int[] withBatch = new int[out.length + 1];
        withBatch[0] = batchSizes.size() == 1 ? batchSizes.iterator().next() : -1;
        System.arraycopy(out, 0, withBatch, 1, out.length);
        return withBatch;
    }

    /** Keras's {@code _compute_elemwise_op_output_shape} on shapes without the batch axis. */
    private int[] elementwiseShape(int[] shape1, int[] shape2, List<int[]> all) {
        if (shape1.length < shape2.length) return elementwiseShape(shape2, shape1, all);
        int lead = shape1.length - shape2.length;
        int[] out = shape1.clone();
        for (int k = 0; k < shape2.length; k++) {
            int i = shape1[lead + k], j = shape2[k];
            if (i < 0 || j < 0) out[lead + k] = -1;
            else if (i == 1) out[lead + k] = j;
            else if (j == 1) out[lead + k] = i;
            else if (i != j) {
                throw error("Inputs have incompatible shapes. Received shapes " + formatShape(shape1) + " and " + formatShape(shape2)
                        + ". Full input shapes: " + formatShapes(all));
            } else out[lead + k] = i;
        }
        return out;
    }

    private static int[] nonBatch(int[] shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    /** An {@link IllegalArgumentException} naming this layer. */
    protected IllegalArgumentException error(String message) {
        return new IllegalArgumentException("Layer \"" + name() + "\" (" + className() + "): " + message);
    }

    /** A list of shapes as Keras prints it: {@code [(None, 3), (None, 3)]}. */
    protected static String formatShapes(List<int[]> shapes) {
        return keras4j.tensor.Shape.formatList(shapes);
    }

    private static List<int[]> shapesOf(List<Tensor> tensors) {
        List<int[]> shapes = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) shapes.add(t.shape());
        return shapes;
    }

    // ------------------------------------------------------------------ Layer contract

    /** Validates the shapes (a merge layer has no weights). */
    @Override
    public void build(List<int[]> inputShapes) {
        checkInputCount(inputShapes);
        outputShape(inputShapes);
    }

    /** A merge layer needs a list of shapes; a single shape is Keras's "not a list" error. */
    @Override
    public void build(int[] inputShape) {
        throw notAListOfShapes(inputShape);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        checkInputCount(inputShapes);
        return List.of(outputShape(inputShapes));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        throw notAListOfShapes(inputShape);
    }

    @Override
    protected List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        List<int[]> shapes = shapesOf(inputs);
        checkInputCount(shapes);
        outputShape(shapes);
        return List.of(merge(inputs, checkMasks(inputs, masks)));
    }

    /** A list of nulls when {@code masks} is null; otherwise Keras's check that there is one mask per input. */
    private List<Tensor> checkMasks(List<Tensor> inputs, List<Tensor> masks) {
        if (masks == null) return Collections.nCopies(inputs.size(), null);
        if (masks.size() != inputs.size()) {
            throw error("The lists `inputs` and `mask` should have the same length. Received: inputs of length " + inputs.size()
                    + ", and mask of length " + masks.size());
        }
        return masks;
    }

    /** A merge layer is called on a list of tensors; a single tensor is Keras's "not a list" error. */
    @Override
    public Tensor apply(Tensor inputs) {
        throw notAListOfTensors(inputs);
    }

    @Override
    public Tensor apply(Tensor inputs, boolean training) {
        throw notAListOfTensors(inputs);
    }

    @Override
    public KerasTensor apply(KerasTensor input) {
        throw notAListOfTensors(input);
    }

    /** Calls the layer on concrete tensors in inference mode (Keras's {@code layer([x1, x2])}). */
    public Tensor apply(Tensor... inputs) {
        return apply(List.of(inputs), false).get(0);
    }

    /** Calls the layer on symbolic tensors (Keras's {@code layer([x1, x2])} in the functional API). */
    public KerasTensor apply(KerasTensor... inputs) {
        return apply(List.of(inputs)).get(0);
    }

    // ------------------------------------------------------------------ masks

    /** The output mask: one entry, null when there is none (Keras's {@code compute_mask}). */
    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        if (masks == null) return Collections.singletonList(null);
        return Collections.singletonList(outputMask(inputs, checkMasks(inputs, masks)));
    }

    /** A merge layer's mask is computed from lists; a single input is Keras's "`inputs` should be a list" error. */
    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        throw error("`inputs` should be a list. Received: inputs=" + describe(inputs));
    }

    /** Keras 3's rule for element-wise merges: OR of all masks, none if any input is unmasked. */
    protected Tensor outputMask(List<Tensor> inputs, List<Tensor> masks) {
        for (Tensor m : masks) if (m == null) return null;
        Tensor out = bool(masks.get(0));
        for (int i = 1; i < masks.size(); i++) out = or(out, masks.get(i));
        return out;
    }

    /** A mask as 0/1 floats (any nonzero value counts as true). */
    protected static Tensor bool(Tensor mask) {
        return mask.ne(0f);
    }

    protected static Tensor or(Tensor a, Tensor b) {
        return a.ne(0f).add(b.ne(0f)).ne(0f);
    }

    /** A {@code (..., )} mask expanded on a new last axis and broadcast to {@code x}'s shape, as Keras does. */
    protected Tensor maskLike(Tensor mask, Tensor x) {
        Tensor expanded = bool(mask).expandDims(-1);
        try {
            return expanded.broadcastTo(x.shape());
        } catch (IllegalArgumentException e) {
            throw error("a mask of shape " + formatShape(mask.shape()) + " does not fit an input of shape " + formatShape(x.shape())
                    + " (a mask has the input's shape without the last axis)");
        }
    }

    /**
     * Merges with {@code op} where masked-out entries are taken from the other operand, and, when every input is
     * masked, the running output mask is the OR of the masks (Keras's {@code _apply_merge_op_and_or_mask}, used by
     * {@link Maximum} and {@link Minimum}, which have no identity element).
     */
    protected Tensor applyMergeOpAndOrMask(BinaryOperator<Tensor> op, List<Tensor> inputs, List<Tensor> masks) {
        Tensor output = null;
        Tensor outputMask = null;
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            Tensor mask = masks.get(i) == null ? null : maskLike(masks.get(i), x);
            if (output == null) {
                output = x;
                outputMask = mask;
                continue;
            }
            if (mask != null) x = Ops.where(mask, x, output);
            if (outputMask != null) output = Ops.where(outputMask, output, x);
            outputMask = mask != null && outputMask != null ? or(outputMask, mask) : null;
            output = op.apply(output, x);
        }
        return output;
    }

    // ------------------------------------------------------------------ errors for non-list calls

    private IllegalArgumentException notAListOfShapes(int[] inputShape) {
        return error("A merge layer should be called on a list of inputs. Received: input_shape=" + formatShape(inputShape)
                + " (not a list of shapes)");
    }

    private IllegalArgumentException notAListOfTensors(Object input) {
        return error("A merge layer should be called on a list of inputs. Received: inputs=" + describe(input) + " (not a list of tensors)");
    }

    private static String describe(Object input) {
        if (input instanceof Tensor t) return "<Tensor shape=" + formatShape(t.shape()) + ">";
        return String.valueOf(input);
    }

    // ------------------------------------------------------------------ config

    /** Keras's serialized form, with {@code build_config = {"input_shape": [shape, shape, ...]}} once built. */
    @Override
    public Map<String, Object> serialize() {
        Map<String, Object> m = super.serialize();
        List<int[]> shapes = buildInputShapes();
        if (built() && shapes != null && shapes.size() > 1) {
            List<Object> list = new ArrayList<>();
            for (int[] s : shapes) list.add(Config.shape(s));
            m.put("build_config", Config.of("input_shape", list));
        }
        return m;
    }
}
