package keras4j.tensor;

/**
 * keras4j's own access to a tensor's live backing array, for the packages above {@code keras4j.tensor} that run their
 * loops over it (optimizers updating weights in place, metrics, saving, datasets). Not for notebooks or user code: a
 * tensor's values are {@link Tensor#toFloatArray()} (a copy), and writing into the live array would change every tensor
 * sharing it, behind the back of the tape.
 */
public final class Internal {
    private Internal() {}

    /** The live backing array of {@code t}, row-major; writing to it changes {@code t} and every tensor sharing it. */
    public static float[] array(Tensor t) {
        return t.data;
    }
}
