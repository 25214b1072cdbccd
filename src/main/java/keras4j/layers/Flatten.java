package keras4j.layers;

import java.util.Locale;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Flattens every axis but the batch axis, Keras's {@code keras.layers.Flatten(data_format=None)}.
 *
 * <p>Shapes: {@code (batch, d1, ..., dn) → (batch, d1·...·dn)}; a rank-1 input {@code (batch,)} becomes
 * {@code (batch, 1)}; an unknown size ({@code None}) makes the flattened size unknown. With
 * {@code "channels_first"} the input is first transposed to channels-last ({@code (0, 2, ..., n, 1)}), so a
 * following Dense sees features in the same order as in a channels-last model, as in Keras.
 *
 * <p>Not mask-aware: an incoming mask is dropped ({@code supports_masking=False} in Keras 3).
 */
public final class Flatten extends AbstractLayer<Flatten> {
    private final String dataFormat;

    /** {@code Flatten()} with the default {@code "channels_last"} data format. */
    public Flatten() {
        this(null);
    }

    /** {@code Flatten(data_format)}: {@code "channels_last"} or {@code "channels_first"} (case-insensitive); null means channels_last. */
    public Flatten(String dataFormat) {
        this.dataFormat = standardizeDataFormat(dataFormat);
        this.inputSpec = InputSpec.minNdim(1);
    }

    static String standardizeDataFormat(String dataFormat) {
        if (dataFormat == null) return "channels_last";
        String f = dataFormat.toLowerCase(Locale.ROOT);
        if (!f.equals("channels_first") && !f.equals("channels_last")) {
            throw new IllegalArgumentException("The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=" + f);
        }
        return f;
    }

    public String dataFormat() {
        return dataFormat;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        int rank = x.rank();
        if (dataFormat.equals("channels_first") && rank > 2) {
            int[] perm = new int[rank];
            for (int i = 1; i < rank - 1; i++) perm[i] = i + 1;
            perm[rank - 1] = 1;
            x = Ops.transpose(x, perm);
        }
        int features = 1;
        for (int i = 1; i < rank; i++) features *= x.dim(i);
        return Ops.reshape(x, x.dim(0), features);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        long n = 1;
        for (int i = 1; i < inputShape.length; i++) {
            if (inputShape[i] < 0) return new int[] {inputShape[0], -1};
            n *= inputShape[i];
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": flattening " + formatShape(inputShape) + " gives " + n + " features, more than a Java array holds");
        }
        return new int[] {inputShape[0], (int) n};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", dataFormat);
        return c;
    }

    /** Rebuilds from Keras's config (Keras 2 and 3 use the same {@code data_format} key). */
    public static Flatten fromConfig(Map<String, Object> config) {
        Flatten f = new Flatten(Config.getString(config, "data_format", null));
        f.applyBaseConfig(config);
        return f;
    }
}
