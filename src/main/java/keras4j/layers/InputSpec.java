package keras4j.layers;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a layer accepts, checked when it is built or called (Keras's {@code InputSpec}): an exact rank,
 * a minimum or maximum rank, and fixed sizes for some axes (negative axes count from the end).
 */
public final class InputSpec {
    private Integer ndim;
    private Integer minNdim;
    private Integer maxNdim;
    private final Map<Integer, Integer> axes = new TreeMap<>();

    public static InputSpec ndim(int ndim) {
        InputSpec s = new InputSpec();
        s.ndim = ndim;
        return s;
    }

    public static InputSpec minNdim(int minNdim) {
        InputSpec s = new InputSpec();
        s.minNdim = minNdim;
        return s;
    }

    public InputSpec maxNdim(int maxNdim) {
        this.maxNdim = maxNdim;
        return this;
    }

    /** Requires {@code shape[axis] == value}. */
    public InputSpec axis(int axis, int value) {
        axes.put(axis, value);
        return this;
    }

    /** Throws Keras's error when {@code shape} (with batch axis, -1 for unknown) does not fit. */
    public void check(String layerName, int inputIndex, int[] shape) {
        String head = "Input " + inputIndex + " of layer \"" + layerName + "\" is incompatible with the layer: ";
        int rank = shape.length;
        if (ndim != null && rank != ndim) {
            throw new IllegalArgumentException(head + "expected ndim=" + ndim + ", found ndim=" + rank + ". Full shape received: " + Layer.formatShape(shape));
        }
        if (minNdim != null && rank < minNdim) {
            throw new IllegalArgumentException(head + "expected min_ndim=" + minNdim + ", found ndim=" + rank + ". Full shape received: " + Layer.formatShape(shape));
        }
        if (maxNdim != null && rank > maxNdim) {
            throw new IllegalArgumentException(head + "expected max_ndim=" + maxNdim + ", found ndim=" + rank + ". Full shape received: " + Layer.formatShape(shape));
        }
        for (Map.Entry<Integer, Integer> e : axes.entrySet()) {
            int a = e.getKey() < 0 ? e.getKey() + rank : e.getKey();
            if (a < 0 || a >= rank) continue;
            int d = shape[a];
            if (d >= 0 && d != e.getValue()) {
                throw new IllegalArgumentException(head + "expected axis " + e.getKey() + " of input shape to have value " + e.getValue()
                        + ", but received input with shape " + Layer.formatShape(shape));
            }
        }
    }
}
