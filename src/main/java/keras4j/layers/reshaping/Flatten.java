package keras4j.layers.reshaping;

import java.util.Map;
import keras4j.layers.AbstractLayer;
import keras4j.layers.InputSpec;
import keras4j.ops.Ops;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code Flatten(data_format=None)}: {@code (batch, d1, ..., dn) → (batch, d1·...·dn)}. With
 * {@code channels_first} the channels axis is first moved last, so weights match channels_last models.
 */
public final class Flatten extends AbstractLayer<Flatten> {
    private final String dataFormat;

    public Flatten() {
        this("channels_last");
    }

    public Flatten(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
        this.inputSpec = InputSpec.minNdim(1);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = inputs;
        if (dataFormat.equals("channels_first") && x.rank() > 2) {
            int[] perm = new int[x.rank()];
            perm[0] = 0;
            for (int i = 1; i < x.rank() - 1; i++) perm[i] = i + 1;
            perm[x.rank() - 1] = 1;
            x = Ops.transpose(x, perm);
        }
        return Ops.reshape(x, x.dim(0), x.rank() == 1 ? 1 : -1);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        long n = 1;
        for (int i = 1; i < inputShape.length; i++) {
            if (inputShape[i] < 0) return new int[] {inputShape[0], -1};
            n *= inputShape[i];
        }
        return new int[] {inputShape[0], (int) n};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("data_format", dataFormat);
        return c;
    }

    public static Flatten fromConfig(Map<String, Object> c) {
        Flatten f = new Flatten(Config.getString(c, "data_format", "channels_last"));
        f.applyBaseConfig(c);
        return f;
    }
}
