package keras4j.optimizers.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.utils.Config;

/**
 * Keras's {@code PiecewiseConstantDecay(boundaries, values)}: {@code values[0]} for {@code step <= boundaries[0]},
 * {@code values[i]} for {@code boundaries[i-1] < step <= boundaries[i]}, and the last value after the last boundary.
 */
public final class PiecewiseConstantDecay extends LearningRateSchedule {
    private final long[] boundaries;
    private final double[] values;
    private String name = "PiecewiseConstant";

    public PiecewiseConstantDecay(long[] boundaries, double[] values) {
        if (boundaries.length != values.length - 1) {
            throw new IllegalArgumentException("The length of boundaries should be 1 less than the length of values. Received: boundaries of length "
                    + boundaries.length + ", and values of length " + values.length + ".");
        }
        this.boundaries = boundaries.clone();
        this.values = values.clone();
    }

    /** Keras's {@code name=}. */
    public PiecewiseConstantDecay name(String name) {
        this.name = name;
        return this;
    }

    @Override
    public float at(long step) {
        int i = 0;
        while (i < boundaries.length && step > boundaries[i]) i++;
        return (float) values[i];
    }

    @Override
    public Map<String, Object> getConfig() {
        List<Long> b = new ArrayList<>();
        for (long x : boundaries) b.add(x);
        List<Double> v = new ArrayList<>();
        for (double x : values) v.add(x);
        return Config.of("boundaries", b, "values", v, "name", name);
    }

    public static PiecewiseConstantDecay fromConfig(Map<String, Object> c) {
        List<?> b = (List<?>) c.get("boundaries"), v = (List<?>) c.get("values");
        long[] bs = new long[b.size()];
        for (int i = 0; i < bs.length; i++) bs[i] = ((Number) b.get(i)).longValue();
        double[] vs = new double[v.size()];
        for (int i = 0; i < vs.length; i++) vs[i] = ((Number) v.get(i)).doubleValue();
        return new PiecewiseConstantDecay(bs, vs).name(Config.getString(c, "name", "PiecewiseConstant"));
    }
}
