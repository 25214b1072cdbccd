package keras4j.layers.reshaping;

/** Python's repr of integer tuples, for error messages that read like Keras's ({@code (3, 2)}, {@code (6,)}, {@code (-1, 3)}). */
final class Tuples {
    private Tuples() {}

    /** The values as written ({@code -1} stays {@code -1}). */
    static String repr(int[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(values[i]);
        }
        if (values.length == 1) sb.append(',');
        return sb.append(')').toString();
    }
}
