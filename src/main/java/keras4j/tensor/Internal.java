package keras4j.tensor;

import java.util.function.Predicate;

/**
 * keras4j's own access to tensors' internals from the packages above {@code keras4j.tensor}: the live backing array,
 * for the code that runs its loops over it (optimizers updating weights in place, metrics, saving, datasets). Not for notebooks or user code: a
 * tensor's values are {@link Tensor#toFloatArray()} (a copy), and writing into the live array would change every tensor
 * sharing it, behind the back of the tape.
 */
public final class Internal {
    private Internal() {}

    /**
     * For {@code keras4j.autograd.GradientTape} only, when it loads: {@code probe} tells whether a tape recording on the
     * calling thread tracks a tensor, and the tensor math that records nothing ({@code Tensor.add}, {@code mul},
     * {@code permute}, ...) then refuses such a tensor, naming the {@code Ops} method to use. Installed once; a second
     * call throws.
     */
    public static void installTapeProbe(Predicate<Tensor> probe) {
        Tensor.installTapeProbe(probe);
    }

    /** The live backing array of {@code t}, row-major; writing to it changes {@code t} and every tensor sharing it. */
    public static float[] array(Tensor t) {
        return t.data;
    }
}
