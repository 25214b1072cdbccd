package keras4j.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import keras4j.ops.Ops;
import keras4j.tensor.Rng;
import keras4j.tensor.Tensor;
import keras4j.utils.Seeds;

/**
 * The shared body of Keras's {@code SpatialDropout1D/2D/3D}: in training, drops whole channels (one draw per
 * sample and channel, shared over the spatial axes) with probability {@code rate} and scales the kept ones by
 * {@code 1/(1 − rate)}; the identity at inference. Same shape out.
 */
public abstract class BaseSpatialDropout<T extends BaseSpatialDropout<T>> extends AbstractLayer<T> {
    private final int rank;
    private final double rate;
    private Long seed;
    private Rng rng;
    private String dataFormat = "channels_last";

    protected BaseSpatialDropout(int rank, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=" + rate);
        }
        this.rank = rank;
        this.rate = rate;
        this.inputSpec = InputSpec.ndim(rank + 2);
    }

    public T seed(long seed) {
        this.seed = seed;
        this.rng = new Rng(seed);
        return self();
    }

    protected void setDataFormat(String dataFormat) {
        this.dataFormat = DataFormats.check(dataFormat);
    }

    public double rate() {
        return rate;
    }

    public String dataFormat() {
        return dataFormat;
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        if (!training || rate == 0) return inputs;
        if (rng == null) rng = new Rng(Seeds.next());
        int[] noise = new int[inputs.rank()];
        java.util.Arrays.fill(noise, 1);
        noise[0] = inputs.dim(0);
        int channelAxis = dataFormat.equals("channels_first") ? 1 : inputs.rank() - 1;
        noise[channelAxis] = inputs.dim(channelAxis);
        float keep = (float) (1 - rate);
        float scale = rate >= 1 ? 0f : 1f / keep;
        float[] m = new float[noise[0] * noise[channelAxis]];
        for (int i = 0; i < m.length; i++) m[i] = rng.nextDouble() < keep ? scale : 0f;
        return Ops.multiply(inputs, Tensor.wrap(m, noise));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    /** Keras's config of spatial dropout: rate, seed, name, dtype (and data_format for 2-D and 3-D). */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> base = super.getConfig();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rate", rate);
        c.put("seed", seed);
        c.put("name", base.get("name"));
        c.put("dtype", base.get("dtype"));
        if (rank > 1) c.put("data_format", dataFormat);
        return c;
    }

    protected static <L extends BaseSpatialDropout<L>> L configure(L layer, Map<String, Object> c) {
        layer.applyBaseConfig(c);
        if (c.get("seed") != null) layer.seed(((Number) c.get("seed")).longValue());
        if (c.get("data_format") != null) layer.setDataFormat((String) c.get("data_format"));
        return layer;
    }

    protected static double rateOf(Map<String, Object> c) {
        Object r = c.get("rate");
        if (r == null) throw new IllegalArgumentException("SpatialDropout: the config has no `rate`, which is required.");
        return ((Number) r).doubleValue();
    }
}
