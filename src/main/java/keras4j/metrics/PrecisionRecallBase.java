package keras4j.metrics;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;

/** The state and options shared by {@link Precision} and {@link Recall}: thresholds, {@code top_k}, {@code class_id}. */
abstract class PrecisionRecallBase extends Metric {
    private final double[] initThresholds;
    private final boolean initIsList;
    private final float[] thresholds;
    private final boolean evenly;
    private Integer topK;
    private Integer classId;
    final Variable truePositives;
    final Variable other;

    PrecisionRecallBase(double[] thresholds, String otherName) {
        super(null);
        setDirection("up");
        this.initIsList = thresholds != null && thresholds.length != 1;
        this.initThresholds = thresholds == null ? null : thresholds.clone();
        this.thresholds = ConfusionMatrixConditionCount.parseThresholds(thresholds, 0.5f);
        this.evenly = ConfusionMatrix.evenlyDistributed(this.thresholds);
        truePositives = addVariable("true_positives", this.thresholds.length);
        other = addVariable(otherName, this.thresholds.length);
    }

    void setTopK(Integer topK) {
        this.topK = topK;
    }

    void setClassId(Integer classId) {
        this.classId = classId;
    }

    /** The counts to add to: true positives and the metric's other cell. */
    abstract ConfusionMatrix.Counts counts();

    @Override
    protected void update(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        // With top_k and no explicit thresholds every kept score counts as positive (Keras's NEG_INF default).
        float[] th = initThresholds == null && topK != null ? new float[] {ConfusionMatrix.NEG_INF} : thresholds;
        ConfusionMatrix.update(counts(), yTrue, yPred, th, evenly, topK, classId, sampleWeight, false, null);
    }

    /** {@code divide_no_nan(tp, tp + other)} per threshold; a scalar for one threshold. */
    @Override
    public Tensor resultTensor() {
        float[] tp = Internal.array(truePositives.peek()), o = Internal.array(other.peek());
        float[] r = new float[tp.length];
        for (int i = 0; i < r.length; i++) r[i] = divideNoNan(tp[i], tp[i] + o[i]);
        return r.length == 1 ? Tensor.scalar(r[0]) : Tensor.wrap(r);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("thresholds", ConfusionMatrixConditionCount.thresholdsConfig(initThresholds, initIsList));
        c.put("top_k", topK);
        c.put("class_id", classId);
        return c;
    }

    static <T extends PrecisionRecallBase> T fromConfig(T m, Map<String, Object> config) {
        if (config.get("top_k") != null) m.setTopK(Config.getInt(config, "top_k", 1));
        if (config.get("class_id") != null) m.setClassId(Config.getInt(config, "class_id", 0));
        return withName(m, config);
    }
}
