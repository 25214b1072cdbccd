package keras4j.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code _ConfusionMatrixConditionCount}: the (weighted) count of one confusion-matrix cell at each threshold
 * (default 0.5). The result is a scalar for one threshold and a vector for several.
 */
abstract class ConfusionMatrixConditionCount extends Metric {
    private final double[] initThresholds;
    private final boolean initIsList;
    final float[] thresholds;
    private final boolean evenly;
    private final Variable accumulator;

    ConfusionMatrixConditionCount(String name, double[] thresholds) {
        super(name);
        this.initIsList = thresholds != null && thresholds.length != 1;
        this.initThresholds = thresholds == null ? null : thresholds.clone();
        this.thresholds = parseThresholds(thresholds, 0.5f);
        this.evenly = ConfusionMatrix.evenlyDistributed(this.thresholds);
        this.accumulator = addVariable("accumulator", this.thresholds.length);
    }

    /** Keras's {@code parse_init_thresholds}: values must lie in [0, 1]; none given means {@code defaultThreshold}. */
    static float[] parseThresholds(double[] thresholds, float defaultThreshold) {
        if (thresholds == null || thresholds.length == 0) return new float[] {defaultThreshold};
        float[] t = new float[thresholds.length];
        for (int i = 0; i < t.length; i++) {
            if (!(thresholds[i] >= 0 && thresholds[i] <= 1)) throw new IllegalArgumentException("Threshold values must be in [0, 1]. Received: " + thresholds[i]);
            t[i] = (float) thresholds[i];
        }
        return t;
    }

    /** The config value of the thresholds as Keras keeps them: null, a number, or a list. */
    static Object thresholdsConfig(double[] init, boolean isList) {
        if (init == null) return null;
        if (!isList) return init[0];
        List<Double> l = new ArrayList<>();
        for (double d : init) l.add(d);
        return l;
    }

    static double[] thresholdsFromConfig(Object o) {
        if (o == null) return null;
        if (o instanceof Number n) return new double[] {n.doubleValue()};
        List<?> l = (List<?>) o;
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) d[i] = ((Number) l.get(i)).doubleValue();
        return d;
    }

    /** Which cell this metric counts. */
    abstract ConfusionMatrix.Counts counts(float[] accumulator);

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        ConfusionMatrix.update(counts(Internal.array(accumulator.peek())), yTrue, yPred, thresholds, evenly, null, null, sampleWeight, false, null);
    }

    @Override
    public Tensor resultTensor() {
        Tensor a = accumulator.peek().copy();
        return thresholds.length == 1 ? a.reshape() : a;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("thresholds", thresholdsConfig(initThresholds, initIsList));
        return c;
    }
}
