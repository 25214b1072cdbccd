package keras4j.metrics;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.FBetaScore(average=None, beta=1.0, threshold=None)} for {@code (batch, classes)}
 * multi-label or one-hot data: {@code (1 + beta^2) P R / (beta^2 P + R)} with precision {@code P = tp / (tp + fp + eps)}
 * and recall {@code R = tp / (tp + fn + eps)} (eps = 1e-7, also added to the denominator). A prediction counts as
 * positive above {@code threshold}, or, when it is null, where it is the row's maximum (and non-zero). With
 * {@code average} null the result is a vector of per-class scores; {@code "micro"} pools all classes; {@code "macro"}
 * averages the per-class scores; {@code "weighted"} weights them by each class's (weighted) number of positives.
 * Default name {@code fbeta_score}; direction up.
 */
public class FBetaScore extends Metric {
    private static final float EPS = 1e-7f;
    private String average;
    private final double beta;
    private Double threshold;
    private Variable truePositives;
    private Variable falsePositives;
    private Variable falseNegatives;
    private Variable intermediateWeights;

    public FBetaScore() {
        this(1.0, "fbeta_score");
    }

    /** Keras's {@code beta=} (> 0): recall is beta times as important as precision. */
    public FBetaScore(double beta) {
        this(beta, "fbeta_score");
    }

    protected FBetaScore(double beta, String name) {
        super(name);
        if (!(beta > 0)) throw new IllegalArgumentException("Invalid `beta` argument value. It should be > 0. Received: beta=" + beta);
        this.beta = beta;
        setDirection("up");
    }

    /** Keras's {@code average=}: null, {@code "micro"}, {@code "macro"} or {@code "weighted"}. */
    public FBetaScore average(String average) {
        if (average != null && !List.of("micro", "macro", "weighted").contains(average)) {
            throw new IllegalArgumentException("Invalid `average` argument value. Expected one of: {None, 'micro', 'macro', 'weighted'}. Received: average=" + average);
        }
        if (truePositives != null) throw new IllegalStateException(className() + ": average can only be set before the first update");
        this.average = average;
        return this;
    }

    /** Keras's {@code threshold=} in (0, 1]; null means "the row's highest score". */
    public FBetaScore threshold(Double threshold) {
        if (threshold != null && (threshold > 1.0 || threshold <= 0.0)) {
            throw new IllegalArgumentException("Invalid `threshold` argument value. It should verify 0 < threshold <= 1. Received: threshold=" + threshold);
        }
        this.threshold = threshold;
        return this;
    }

    public double beta() {
        return beta;
    }

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (yTrue.rank() != 2 || yPred.rank() != 2) {
            throw new IllegalArgumentException(className() + " expects 2D inputs with shape (batch_size, output_dim). Received input shapes: y_pred.shape="
                    + Shape.format(yPred.shape()) + " and y_true.shape=" + Shape.format(yTrue.shape()) + ".");
        }
        boolean micro = "micro".equals(average);
        if (truePositives == null) {
            int[] shape = micro ? new int[0] : new int[] {yPred.dim(-1)};
            truePositives = addVariable("true_positives", shape);
            falsePositives = addVariable("false_positives", shape);
            falseNegatives = addVariable("false_negatives", shape);
            intermediateWeights = addVariable("intermediate_weights", shape);
        }
        Tensor pred;
        if (threshold == null) {
            Tensor max = yPred.max(true, -1);
            pred = yPred.ge(max).mul(yPred.abs().gt(1e-9f));
        } else {
            pred = yPred.gt(threshold.floatValue());
        }
        Tensor w = sampleWeight;
        if (w != null) while (w.rank() < yTrue.rank()) w = w.expandDims(w.rank());
        Tensor notTrue = yTrue.neg().add(1f), notPred = pred.neg().add(1f);
        add(truePositives, pred.mul(yTrue), w, micro);
        add(falsePositives, pred.mul(notTrue), w, micro);
        add(falseNegatives, notPred.mul(yTrue), w, micro);
        add(intermediateWeights, yTrue, w, micro);
    }

    private static void add(Variable v, Tensor x, Tensor w, boolean micro) {
        Tensor weighted = w == null ? x : x.mul(w);
        Tensor s = micro ? weighted.sum() : weighted.sum(false, 0);
        float[] d = v.peek().data(), a = s.data();
        for (int i = 0; i < d.length; i++) d[i] += a[i];
    }

    @Override
    public Tensor resultTensor() {
        if (truePositives == null) return Tensor.scalar(0f);
        float[] tp = truePositives.peek().data(), fp = falsePositives.peek().data(), fn = falseNegatives.peek().data();
        float[] iw = intermediateWeights.peek().data();
        float b2 = (float) (beta * beta);
        float[] f = new float[tp.length];
        for (int i = 0; i < f.length; i++) {
            float precision = tp[i] / (tp[i] + fp[i] + EPS);
            float recall = tp[i] / (tp[i] + fn[i] + EPS);
            f[i] = precision * recall / (b2 * precision + recall + EPS) * (1 + b2);
        }
        if (average == null) return Tensor.wrap(f);
        if (average.equals("weighted")) {
            float total = 0;
            for (float v : iw) total += v;
            double s = 0;
            for (int i = 0; i < f.length; i++) s += f[i] * (iw[i] / (total + EPS));
            return Tensor.scalar((float) s);
        }
        double s = 0;
        for (float v : f) s += v;
        return Tensor.scalar((float) (s / f.length));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("average", average);
        c.put("beta", beta);
        c.put("threshold", threshold);
        return c;
    }

    public static FBetaScore fromConfig(Map<String, Object> config) {
        FBetaScore m = new FBetaScore(Config.getDouble(config, "beta", 1.0), Config.getString(config, "name", "fbeta_score"));
        Object t = config.get("threshold");
        return m.average((String) config.get("average")).threshold(t == null ? null : ((Number) t).doubleValue());
    }
}
