package keras4j.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Joins a list of inputs along one axis, Keras's {@code keras.layers.Concatenate(axis=-1)}.
 *
 * <p>Shapes: at least two tensors of the same rank whose sizes agree on every axis except {@code axis} (an
 * unknown size, -1, agrees with anything); the output size on {@code axis} is the sum, or -1 if any is unknown.
 * {@code axis} counts the batch axis as Keras does (negative counts from the end):
 * {@code [(b, 3, 2), (b, 3, 5)] -> (b, 3, 7)} with {@code axis=-1}, {@code -> (b, 6, 2)} for two {@code (b, 3, 2)}
 * with {@code axis=1}.
 *
 * <p>Masks as in Keras 3: an unmasked input counts as all true; each mask is broadcast over its input's last
 * axis, the masks are concatenated along {@code axis}, and the output mask is true where any entry of the last
 * axis is true. No output mask when no input has one.
 */
public class Concatenate extends Merge<Concatenate> {
    private final int axis;

    /** Concatenates along the last axis. */
    public Concatenate() {
        this(-1);
    }

    /** Concatenates along {@code axis} (counting the batch axis; negative counts from the end). */
    public Concatenate(int axis) {
        this.axis = axis;
    }

    /** Keras's {@code axis}. */
    public int axis() {
        return axis;
    }

    @Override
    protected void checkInputCount(List<int[]> inputShapes) {
        if (inputShapes.size() < 2) {
            throw error("A `Concatenate` layer should be called on a list of at least 2 inputs. Received: input_shape="
                    + formatShapes(inputShapes));
        }
    }

    /** Keras's {@code Concatenate.build} check and {@code compute_output_shape}. */
    @Override
    protected int[] outputShape(List<int[]> inputShapes) {
        String mismatch = "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape="
                + formatShapes(inputShapes);
        int rank = inputShapes.get(0).length;
        for (int[] s : inputShapes) if (s.length != rank) throw error(mismatch);
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw error("axis " + axis + " is out of bounds for inputs of rank " + rank + ". Received: input_shape=" + formatShapes(inputShapes));
        }
        for (int d = 0; d < rank; d++) {
            if (d == a) continue;
            int known = -1;
            for (int[] s : inputShapes) {
                if (s[d] < 0) continue;
                if (known >= 0 && known != s[d]) throw error(mismatch);
                known = s[d];
            }
        }
        // Keras keeps the first input's size on the non-axis dimensions (its compute_output_shape copies it).
        int[] result = inputShapes.get(0).clone();
        int total = 0;
        for (int[] s : inputShapes) {
            if (s[a] < 0) {
                total = -1;
                break;
            }
            total += s[a];
        }
        result[a] = total;
        return result;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
        return mergeFunction(inputs, masks);
    }

    @Override
    protected Tensor mergeFunction(List<Tensor> inputs, List<Tensor> masks) {
        return Ops.concatenate(axis, inputs.toArray(new Tensor[0]));
    }

    @Override
    protected Tensor outputMask(List<Tensor> inputs, List<Tensor> masks) {
        boolean any = false;
        for (Tensor m : masks) any |= m != null;
        if (!any) return null;
        List<Tensor> full = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i), m = masks.get(i);
            if (m == null) full.add(Tensor.ones(x.shape()));
            else if (m.rank() < x.rank()) full.add(maskLike(m, x));
            else full.add(bool(m));
        }
        Tensor concatenated = Tensor.concat(axis, full.toArray(new Tensor[0]));
        return concatenated.max(false, -1);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>(super.getConfig());
        c.put("axis", axis);
        return c;
    }

    /** Rebuilds from Keras's config ({@code axis}, default -1, plus the base options). */
    public static Concatenate fromConfig(Map<String, Object> config) {
        Concatenate layer = new Concatenate(Config.getInt(config, "axis", -1));
        layer.applyBaseConfig(config);
        return layer;
    }
}
