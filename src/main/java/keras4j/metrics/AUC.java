package keras4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/**
 * Keras's {@code keras.metrics.AUC(num_thresholds=200, curve='ROC', summation_method='interpolation', thresholds=None,
 * multi_label=False, num_labels=None, label_weights=None, from_logits=False)}: the area under the ROC (or
 * precision-recall) curve, approximated as Keras does. Predictions (clipped to [0, 1], or {@code sigmoid} of logits)
 * are counted against {@code num_thresholds} thresholds {@code -1e-7, 1/(n-1), ..., (n-2)/(n-1), 1 + 1e-7};
 * the curve through the per-threshold points is summed as a Riemann sum with trapezoid heights
 * ({@code "interpolation"}), or the lower ({@code "minoring"}) or upper ({@code "majoring"}) height. For the PR curve
 * with interpolation, Davis and Goadrich's interpolation of precision is integrated exactly.
 * With {@code multiLabel} each label column gets its own curve and the AUCs are averaged (weighted by
 * {@code labelWeights} if given); otherwise all entries are pooled. Default name {@code auc} (made unique); direction up.
 */
public final class AUC extends Metric {
    private int numThresholds;
    private float[] thresholds;
    private double[] initThresholds;
    private boolean evenly = true;
    private String curve = "ROC";
    private String summationMethod = "interpolation";
    private boolean multiLabel;
    private Integer numLabels;
    private float[] labelWeights;
    private boolean fromLogits;
    private int labels = -1;
    private Variable tp;
    private Variable fp;
    private Variable tn;
    private Variable fn;

    public AUC() {
        this(200);
    }

    /** Keras's {@code num_thresholds=} (> 1). */
    public AUC(int numThresholds) {
        super(null);
        setDirection("up");
        if (numThresholds <= 1) throw new IllegalArgumentException("Argument `num_thresholds` must be an integer > 1. Received: num_thresholds=" + numThresholds);
        this.numThresholds = numThresholds;
        float[] t = new float[numThresholds];
        for (int i = 0; i < numThresholds - 2; i++) t[i + 1] = (float) ((i + 1) * 1.0 / (numThresholds - 1));
        setThresholds(t);
    }

    private void setThresholds(float[] inner) {
        inner[0] = (float) (0.0 - 1e-7);
        inner[inner.length - 1] = (float) (1.0 + 1e-7);
        thresholds = inner;
    }

    /** Keras's {@code thresholds=}: explicit thresholds in [0, 1] (sorted; -1e-7 and 1 + 1e-7 are added). */
    public AUC thresholds(double... values) {
        checkNotBuilt("thresholds");
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        float[] t = new float[sorted.length + 2];
        float[] withEnds = new float[sorted.length + 2];
        for (int i = 0; i < sorted.length; i++) t[i + 1] = withEnds[i + 1] = (float) sorted[i];
        withEnds[withEnds.length - 1] = 1f;
        evenly = ConfusionMatrix.evenlyDistributed(withEnds);
        initThresholds = sorted;
        numThresholds = t.length;
        setThresholds(t);
        return this;
    }

    /** Keras's {@code curve=}: {@code "ROC"} (default), {@code "PR"} or {@code "PRGAIN"} (any case). */
    public AUC curve(String curve) {
        String c = curve.toUpperCase(Locale.ROOT);
        if (!List.of("ROC", "PR", "PRGAIN").contains(c)) {
            throw new IllegalArgumentException("Invalid AUC curve value: \"" + curve + "\". Expected values are [\"PR\", \"ROC\", \"PRGAIN\"]");
        }
        this.curve = c;
        return this;
    }

    /** Keras's {@code summation_method=}: {@code "interpolation"} (default), {@code "minoring"} or {@code "majoring"}. */
    public AUC summationMethod(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("interpolation", "minoring", "majoring").contains(m)) {
            throw new IllegalArgumentException("Invalid AUC summation method value: \"" + method + "\". Expected values are [\"interpolation\", \"majoring\", \"minoring\"]");
        }
        this.summationMethod = m;
        return this;
    }

    /** Keras's {@code multi_label=}: one curve per label column of {@code (batch, labels)} predictions. */
    public AUC multiLabel(boolean multiLabel) {
        checkNotBuilt("multi_label");
        this.multiLabel = multiLabel;
        return this;
    }

    /** Keras's {@code num_labels=}: the number of label columns with {@code multi_label} (else taken from the first batch). */
    public AUC numLabels(int numLabels) {
        checkNotBuilt("num_labels");
        this.numLabels = numLabels;
        return this;
    }

    /** Keras's {@code label_weights=}: per-label weights (of the averaging with multi_label, of the counts otherwise). */
    public AUC labelWeights(double... weights) {
        labelWeights = new float[weights.length];
        for (int i = 0; i < weights.length; i++) labelWeights[i] = (float) weights[i];
        return this;
    }

    /** Keras's {@code from_logits=}: apply a sigmoid to the predictions first. */
    public AUC fromLogits(boolean fromLogits) {
        this.fromLogits = fromLogits;
        return this;
    }

    /** The thresholds used, including the two end points. */
    public float[] thresholdValues() {
        return thresholds.clone();
    }

    private void checkNotBuilt(String what) {
        if (tp != null) throw new IllegalStateException("AUC: " + what + " can only be set before the first update");
    }

    private void build(int labelCount) {
        if (tp != null) return;
        if (multiLabel && numLabels == null && labelCount < 0) return;
        labels = multiLabel ? (numLabels != null ? numLabels : labelCount) : 1;
        int[] shape = multiLabel ? new int[] {numThresholds, labels} : new int[] {numThresholds};
        tp = addVariable("true_positives", shape);
        fp = addVariable("false_positives", shape);
        tn = addVariable("true_negatives", shape);
        fn = addVariable("false_negatives", shape);
    }

    /** The four count variables (built on first use; with multi_label and no num_labels, at the first update). */
    @Override
    public List<Variable> variables() {
        build(-1);
        return super.variables();
    }

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (multiLabel && yPred.rank() != 2) {
            throw new IllegalArgumentException("`y_pred` must have rank 2 when `multi_label=True`. Found rank " + yPred.rank()
                    + ". Full shape received for `y_pred`: " + Shape.format(yPred.shape()));
        }
        build(yPred.dim(-1));
        Tensor pred = fromLogits ? yPred.sigmoid() : yPred;
        ConfusionMatrix.update(new ConfusionMatrix.Counts(tp.peek().data(), fp.peek().data(), tn.peek().data(), fn.peek().data()),
                yTrue, pred, thresholds, evenly, null, null, sampleWeight, multiLabel, multiLabel ? null : labelWeights);
    }

    @Override
    public Tensor resultTensor() {
        build(-1);
        if (tp == null) return Tensor.scalar(0f);
        int n = numThresholds, l = labels;
        float[] TP = tp.peek().data(), FP = fp.peek().data(), TN = tn.peek().data(), FN = fn.peek().data();
        double[] byLabel = new double[l];
        for (int j = 0; j < l; j++) {
            double[] a = new double[n], b = new double[n], c = new double[n], d = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = TP[i * l + j];
                b[i] = FP[i * l + j];
                c[i] = TN[i * l + j];
                d[i] = FN[i * l + j];
            }
            byLabel[j] = curve.equals("PR") && summationMethod.equals("interpolation") ? interpolatePrAuc(a, b, d) : riemann(a, b, c, d);
        }
        if (!multiLabel) return Tensor.scalar((float) byLabel[0]);
        double s = 0, ws = 0;
        for (int j = 0; j < l; j++) {
            double w = labelWeights == null ? 1 : labelWeights[j];
            s += w * byLabel[j];
            ws += w;
        }
        return Tensor.scalar((float) (labelWeights == null ? s / l : dnn(s, ws)));
    }

    private static double dnn(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private double riemann(double[] tp, double[] fp, double[] tn, double[] fn) {
        int n = tp.length;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double recall = dnn(tp[i], tp[i] + fn[i]);
            if (curve.equals("ROC")) {
                x[i] = dnn(fp[i], fp[i] + tn[i]);
                y[i] = recall;
            } else if (curve.equals("PR")) {
                x[i] = recall;
                y[i] = dnn(tp[i], tp[i] + fp[i]);
            } else {
                double scaling = dnn(tp[i] + fn[i], tn[i] + fp[i]);
                double recallGain = tp[i] == 0 ? 0 : 1 - scaling * dnn(fn[i], tp[i]);
                double precisionGain = tp[i] == 0 ? 1 : 1 - scaling * dnn(fp[i], tp[i]);
                x[i] = Math.max(recallGain, 0);
                y[i] = precisionGain;
            }
        }
        double area = 0;
        for (int i = 0; i < n - 1; i++) {
            double h = switch (summationMethod) {
                case "interpolation" -> (y[i] + y[i + 1]) / 2;
                case "minoring" -> Math.min(y[i], y[i + 1]);
                default -> Math.max(y[i], y[i + 1]);
            };
            area += (x[i] - x[i + 1]) * h;
        }
        return area;
    }

    /** Keras's {@code interpolate_pr_auc} (Davis and Goadrich 2006): precision interpolated between thresholds. */
    private static double interpolatePrAuc(double[] tp, double[] fp, double[] fn) {
        int n = tp.length;
        double area = 0;
        for (int i = 0; i < n - 1; i++) {
            double dtp = tp[i] - tp[i + 1];
            double p0 = tp[i] + fp[i], p1 = tp[i + 1] + fp[i + 1];
            double slope = dnn(dtp, Math.max(p0 - p1, 0));
            double intercept = tp[i + 1] - slope * p1;
            double ratio = p0 > 0 && p1 > 0 ? dnn(p0, Math.max(p1, 0)) : 1;
            area += dnn(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fn[i + 1], 0));
        }
        return area;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("num_thresholds", numThresholds);
        c.put("curve", curve);
        c.put("summation_method", summationMethod);
        c.put("multi_label", multiLabel);
        c.put("num_labels", numLabels);
        List<Double> lw = null;
        if (labelWeights != null) {
            lw = new ArrayList<>();
            for (float w : labelWeights) lw.add((double) w);
        }
        c.put("label_weights", lw);
        c.put("from_logits", fromLogits);
        if (initThresholds != null) {
            List<Double> t = new ArrayList<>();
            for (double v : initThresholds) t.add(v);
            c.put("thresholds", t);
        }
        return c;
    }

    public static AUC fromConfig(Map<String, Object> config) {
        AUC m = new AUC(Config.getInt(config, "num_thresholds", 200));
        if (config.get("thresholds") != null) m.thresholds(ConfusionMatrixConditionCount.thresholdsFromConfig(config.get("thresholds")));
        m.curve(Config.getString(config, "curve", "ROC")).summationMethod(Config.getString(config, "summation_method", "interpolation"))
                .multiLabel(Config.getBool(config, "multi_label", false)).fromLogits(Config.getBool(config, "from_logits", false));
        if (config.get("num_labels") != null) m.numLabels(Config.getInt(config, "num_labels", 1));
        if (config.get("label_weights") != null) m.labelWeights(ConfusionMatrixConditionCount.thresholdsFromConfig(config.get("label_weights")));
        return withName(m, config);
    }
}
