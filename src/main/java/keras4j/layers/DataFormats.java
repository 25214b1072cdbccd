package keras4j.layers;

/** Keras's {@code data_format} values. */
public final class DataFormats {
    private DataFormats() {}

    /** Validates a data format; null means Keras's default, {@code channels_last}. */
    public static String check(String dataFormat) {
        if (dataFormat == null) return "channels_last";
        String f = dataFormat.toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("channels_last") && !f.equals("channels_first")) {
            throw new IllegalArgumentException("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=" + dataFormat);
        }
        return f;
    }
}
