package keras4j.metrics;

import java.util.List;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.losses.Loss;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.R2Score(class_aggregation='uniform_average', num_regressors=0)}: the coefficient of
 * determination {@code 1 - SS_res / SS_tot} per output column of {@code (batch, outputs)} data, with
 * {@code SS_res = sum(w (y - y_pred)^2)} and {@code SS_tot = sum(w y^2) - sum(w y)^2 / sum(w)} accumulated over
 * batches (an infinite score becomes 0). Columns are averaged ({@code "uniform_average"}), weighted by their
 * variance ({@code "variance_weighted_average"}), or returned as a vector ({@code null}). With
 * {@code num_regressors = p > 0} the adjusted score {@code 1 - (1 - R2)(n - 1) / (n - p - 1)} is returned when
 * {@code n - 1 > p}. Default name {@code r2_score}; direction up.
 */
public final class R2Score extends Metric {
    private String classAggregation = "uniform_average";
    private int numRegressors;
    private final Variable numSamples;
    private Variable squaredSum;
    private Variable sum;
    private Variable totalMse;
    private Variable count;

    public R2Score() {
        this("r2_score");
    }

    public R2Score(String name) {
        super(name);
        setDirection("up");
        numSamples = addVariable("num_samples");
    }

    /** Keras's {@code class_aggregation=}: {@code "uniform_average"}, {@code "variance_weighted_average"} or null. */
    public R2Score classAggregation(String aggregation) {
        if (aggregation != null && !List.of("uniform_average", "variance_weighted_average").contains(aggregation)) {
            throw new IllegalArgumentException("Invalid value for argument `class_aggregation`. Expected one of [None, 'uniform_average', "
                    + "'variance_weighted_average']. Received: class_aggregation=" + aggregation);
        }
        this.classAggregation = aggregation;
        return this;
    }

    /** Keras's {@code num_regressors=}: the number of independent variables, for the adjusted R2. */
    public R2Score numRegressors(int numRegressors) {
        if (numRegressors < 0) throw new IllegalArgumentException("Invalid value for argument `num_regressors`. Expected a value >= 0. Received: num_regressors=" + numRegressors);
        this.numRegressors = numRegressors;
        return this;
    }

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        Tensor[] p = Loss.squeezeOrExpandToSameRank(yTrue, yPred, true);
        Tensor t = p[0], q = p[1];
        if (t.rank() != 2 || q.rank() != 2) {
            throw new IllegalArgumentException("R2Score expects 2D inputs with shape (batch_size, output_dim). Received input shapes: y_pred.shape="
                    + Shape.format(q.shape()) + " and y_true.shape=" + Shape.format(t.shape()) + ".");
        }
        if (squaredSum == null) {
            int c = q.dim(-1);
            squaredSum = addVariable("squared_sum", c);
            sum = addVariable("sum", c);
            totalMse = addVariable("residual", c);
            count = addVariable("count", c);
        }
        Tensor w = sampleWeight == null ? Tensor.scalar(1f) : sampleWeight;
        if (w.rank() == 1) w = w.expandDims(1);
        w = w.broadcastTo(t.shape());
        Tensor weighted = t.mul(w);
        add(sum, weighted.sum(false, 0));
        add(squaredSum, t.mul(weighted).sum(false, 0));
        add(totalMse, t.sub(q).square().mul(w).sum(false, 0));
        add(count, w.sum(false, 0));
        float[] wd = w.data();
        int cols = t.dim(1), nonZero = 0;
        for (int r = 0; r < t.dim(0); r++) {
            for (int c = 0; c < cols; c++) {
                if (wd[r * cols + c] != 0) {
                    nonZero++;
                    break;
                }
            }
        }
        numSamples.peek().data()[0] += nonZero;
    }

    private static void add(Variable v, Tensor x) {
        float[] d = v.peek().data(), s = x.data();
        for (int i = 0; i < d.length; i++) d[i] += s[i];
    }

    @Override
    public Tensor resultTensor() {
        if (sum == null) return Tensor.scalar(Float.NaN);
        float[] s = sum.peek().data(), sq = squaredSum.peek().data(), res = totalMse.peek().data(), n = count.peek().data();
        int c = s.length;
        float[] total = new float[c], raw = new float[c];
        for (int i = 0; i < c; i++) {
            float mean = s[i] / n[i];
            total[i] = sq[i] - s[i] * mean;
            raw[i] = 1 - res[i] / total[i];
            if (Float.isInfinite(raw[i])) raw[i] = 0f;
        }
        if (classAggregation == null) return adjust(Tensor.wrap(raw));
        double r2;
        if (classAggregation.equals("uniform_average")) {
            double a = 0;
            for (float v : raw) a += v;
            r2 = a / c;
        } else {
            double ws = 0, w = 0;
            for (int i = 0; i < c; i++) {
                ws += total[i] * raw[i];
                w += total[i];
            }
            r2 = ws / w;
        }
        return adjust(Tensor.scalar((float) r2));
    }

    private Tensor adjust(Tensor r2) {
        float n = numSamples.peek().item();
        if (numRegressors == 0 || numRegressors >= n - 1) return r2;
        float p = numRegressors;
        return r2.map(v -> 1f - (1f - v) * (n - 1f) / (n - p - 1f));
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("class_aggregation", classAggregation);
        c.put("num_regressors", numRegressors);
        return c;
    }

    public static R2Score fromConfig(Map<String, Object> config) {
        R2Score m = new R2Score();
        if (config.containsKey("class_aggregation")) m.classAggregation((String) config.get("class_aggregation"));
        return withName(m.numRegressors(Config.getInt(config, "num_regressors", 0)), config);
    }
}
