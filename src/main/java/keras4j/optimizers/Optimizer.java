package keras4j.optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import keras4j.autograd.Variable;
import keras4j.optimizers.schedules.LearningRateSchedule;
import keras4j.tensor.OptimizerKernels;
import keras4j.tensor.Shape;
import keras4j.tensor.Tensor;
import keras4j.utils.Config;
import keras4j.utils.KerasObject;
import keras4j.utils.Names;

/**
 * Base class of optimizers, Keras 3's {@code keras.optimizers.Optimizer} ({@code base_optimizer.py}).
 *
 * <p>{@link #applyGradients} performs one training step, in Keras's order: build the slot variables on the
 * first call; divide by {@code loss_scale_factor}; accumulate when {@code gradient_accumulation_steps} is set
 * (updating every that many calls with the mean gradient); clip ({@code clipnorm} per tensor:
 * {@code g * c / max(||g||, c)}; {@code global_clipnorm}: all gradients scaled by {@code c / max(global norm, c)};
 * {@code clipvalue}: {@code clip(g, -c, c)}); apply decoupled weight decay {@code w -= w * wd * lr}; run each
 * variable's update rule; update the moving averages when {@code use_ema}; apply each variable's
 * {@code constraint()}; and increment {@link #iterations()}.
 *
 * <p>{@link #variables()} lists the optimizer's state in Keras's order (iteration, learning rate unless a
 * schedule is used, then slots), which is how Keras saves optimizer state.
 */
public abstract class Optimizer implements KerasObject {
    private String name;
    private final Variable iterations = new Variable("iteration", Tensor.scalar(0f), false);
    private final Variable learningRateVariable;
    private final LearningRateSchedule schedule;
    private Double weightDecay;
    private Double clipnorm;
    private Double clipvalue;
    private Double globalClipnorm;
    private boolean useEma;
    private double emaMomentum = 0.99;
    private Integer emaOverwriteFrequency;
    private Double lossScaleFactor;
    private Integer gradientAccumulationSteps;

    private final List<Variable> variables = new ArrayList<>();
    private final Map<Variable, Integer> index = new IdentityHashMap<>();
    private List<Variable> trainable = List.of();
    private List<Variable> averages = List.of();
    private List<Variable> accumulators = List.of();
    private Set<Variable> excludedFromDecay = Collections.newSetFromMap(new IdentityHashMap<>());
    private Pattern excludedNames;
    private boolean built;

    protected Optimizer(double learningRate) {
        this.schedule = null;
        this.learningRateVariable = new Variable("learning_rate", Tensor.scalar((float) learningRate), false);
        variables.add(iterations);
        variables.add(learningRateVariable);
    }

    protected Optimizer(LearningRateSchedule schedule) {
        if (schedule == null) throw new IllegalArgumentException(className() + ": learning_rate must be a number or a LearningRateSchedule, not null");
        this.schedule = schedule;
        this.learningRateVariable = null;
        variables.add(iterations);
    }

    // ------------------------------------------------------------------ state

    /** The name, by default Keras's unique snake_case class name ({@code adam}, {@code adam_1}, {@code adam_w}, ...). */
    public String name() {
        if (name == null) name = Names.unique(Config.snakeCase(className()));
        return name;
    }

    /**
     * Number of updates applied so far (Keras's {@code optimizer.iterations}); with gradient accumulation, of real
     * updates. Kept in the float32 variable {@code iteration}, so it is exact up to 2^24 (16.7 million) steps.
     */
    public long iterations() {
        long raw = rawIterations();
        return gradientAccumulationSteps == null ? raw : raw / gradientAccumulationSteps;
    }

    private long rawIterations() {
        return Math.round(iterations.peek().item());
    }

    /** The learning rate of the next update: the variable's value, or the schedule at the current step. */
    public float learningRate() {
        return schedule != null ? schedule.at(rawIterations()) : learningRateVariable.peek().item();
    }

    /** Sets the learning rate (Keras's {@code optimizer.learning_rate = x}); not allowed with a schedule. */
    public void setLearningRate(double learningRate) {
        if (schedule != null) {
            throw new IllegalStateException("This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` constructor "
                    + "argument, hence its learning rate is not settable. If you need the learning rate to be settable, you should instantiate "
                    + "the optimizer with a float `learning_rate` argument.");
        }
        learningRateVariable.assign(Tensor.scalar((float) learningRate));
    }

    /** As {@link #setLearningRate(double)}. */
    public void setLearningRate(float learningRate) {
        setLearningRate((double) learningRate);
    }

    /** The schedule given as learning rate, or null. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** The optimizer's variables in Keras's order: iteration, learning_rate (unless scheduled), then slots. */
    public List<Variable> variables() {
        return List.copyOf(variables);
    }

    public boolean built() {
        return built;
    }

    public Double weightDecay() {
        return weightDecay;
    }

    public Double clipnorm() {
        return clipnorm;
    }

    public Double clipvalue() {
        return clipvalue;
    }

    public Double globalClipnorm() {
        return globalClipnorm;
    }

    public boolean useEma() {
        return useEma;
    }

    public double emaMomentum() {
        return emaMomentum;
    }

    public Integer emaOverwriteFrequency() {
        return emaOverwriteFrequency;
    }

    public Double lossScaleFactor() {
        return lossScaleFactor;
    }

    public Integer gradientAccumulationSteps() {
        return gradientAccumulationSteps;
    }

    // ------------------------------------------------------------------ options (set through AbstractOptimizer)

    void setName(String name) {
        this.name = name;
    }

    void setWeightDecay(Double weightDecay) {
        this.weightDecay = weightDecay;
    }

    void setClip(String which, Double value) {
        Double cn = which.equals("clipnorm") ? value : clipnorm;
        Double cv = which.equals("clipvalue") ? value : clipvalue;
        Double gc = which.equals("global_clipnorm") ? value : globalClipnorm;
        int set = (cn != null ? 1 : 0) + (cv != null ? 1 : 0) + (gc != null ? 1 : 0);
        if (set > 1) {
            throw new IllegalArgumentException("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=" + cn
                    + ", clipvalue=" + cv + ", global_clipnorm=" + gc);
        }
        clipnorm = cn;
        clipvalue = cv;
        globalClipnorm = gc;
    }

    void setEma(boolean use, double momentum, Integer overwriteFrequency) {
        if (use && (momentum > 1 || momentum < 0)) throw new IllegalArgumentException("`ema_momentum` must be in the range [0, 1]. Received: ema_momentum=" + momentum);
        if (use && overwriteFrequency != null && overwriteFrequency < 1) {
            throw new IllegalArgumentException("`ema_overwrite_frequency` must be an integer >= 1 or None. Received: ema_overwrite_frequency=" + overwriteFrequency);
        }
        checkNotBuilt("use_ema");
        useEma = use;
        emaMomentum = momentum;
        emaOverwriteFrequency = overwriteFrequency;
    }

    void setLossScaleFactor(Double factor) {
        lossScaleFactor = factor;
    }

    void setGradientAccumulationSteps(Integer steps) {
        if (steps != null && steps < 2) {
            throw new IllegalArgumentException("`gradient_accumulation_steps` must be an integer >= 2. Received: gradient_accumulation_steps=" + steps);
        }
        checkNotBuilt("gradient_accumulation_steps");
        gradientAccumulationSteps = steps;
    }

    /**
     * Keras's {@code exclude_from_weight_decay(var_list, var_names)}: these variables, and those whose name
     * contains a match of one of the regular expressions in {@code varNames}, get no weight decay.
     */
    public void excludeFromWeightDecay(List<Variable> varList, List<String> varNames) {
        checkNotBuilt("exclude_from_weight_decay");
        excludedFromDecay = Collections.newSetFromMap(new IdentityHashMap<>());
        if (varList != null) excludedFromDecay.addAll(varList);
        excludedNames = varNames == null || varNames.isEmpty() ? null : Pattern.compile(String.join("|", varNames));
    }

    private void checkNotBuilt(String what) {
        if (built) throw new IllegalStateException("`" + what + "` can only be configured before the optimizer is built.");
    }

    // ------------------------------------------------------------------ building

    /**
     * Creates the optimizer's variables for these trainable variables (Keras's {@code optimizer.build}); called by
     * the first {@link #applyGradients}, or explicitly before loading saved optimizer state.
     */
    public final void build(List<Variable> vars) {
        if (built) return;
        trainable = List.copyOf(vars);
        for (int i = 0; i < trainable.size(); i++) index.put(trainable.get(i), i);
        if (useEma) averages = addOptimizerVariables(trainable, "average", 0f);
        if (gradientAccumulationSteps != null) accumulators = addOptimizerVariables(trainable, "gradient_accumulator", 0f);
        buildSlots(trainable);
        built = true;
    }

    /** Creates the optimizer-specific slot variables (Keras's {@code build} override). */
    protected abstract void buildSlots(List<Variable> vars);

    /**
     * Keras's {@code add_optimizer_variables}: for each trainable variable (in order) one new variable per name,
     * shaped like it and filled with {@code initial}, named {@code <variable>_<name>}.
     */
    protected final List<Variable> addOptimizerVariables(List<Variable> vars, String name, float initial) {
        return addOptimizerVariables(vars, new String[] {name}, initial).get(0);
    }

    /** As {@link #addOptimizerVariables(List, String, float)} for several names, interleaved per variable as Keras does. */
    protected final List<List<Variable>> addOptimizerVariables(List<Variable> vars, String[] names, float initial) {
        List<List<Variable>> out = new ArrayList<>();
        for (int k = 0; k < names.length; k++) out.add(new ArrayList<>());
        for (Variable v : vars) {
            for (int k = 0; k < names.length; k++) {
                Variable slot = new Variable(v.name().replace('/', '_').replace(':', '_') + "_" + names[k], Tensor.full(initial, v.shape()), false);
                variables.add(slot);
                out.get(k).add(slot);
            }
        }
        return out;
    }

    /** Adds a scalar optimizer variable (e.g. Nadam's momentum-schedule product). */
    protected final Variable addScalarVariable(String name, float initial) {
        Variable v = new Variable(name, Tensor.scalar(initial), false);
        variables.add(v);
        return v;
    }

    // ------------------------------------------------------------------ stepping

    /**
     * One optimizer step (Keras's {@code apply_gradients(zip(grads, vars))}); a null gradient skips its
     * variable. The first call builds the optimizer for {@code vars}; later calls must pass variables it
     * was built with.
     */
    public void applyGradients(List<Tensor> grads, List<Variable> vars) {
        if (grads.size() != vars.size()) {
            throw new IllegalArgumentException("applyGradients: " + grads.size() + " gradients for " + vars.size() + " variables");
        }
        if (grads.isEmpty()) return;
        if (!built) build(vars);
        List<float[]> g = new ArrayList<>();
        List<Variable> v = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Variable var = vars.get(i);
            if (!index.containsKey(var)) {
                throw new IllegalArgumentException("Unknown variable: " + var + ". This optimizer can only be called for the variables it was "
                        + "originally built with. When working with a new set of variables, you should recreate a new optimizer instance.");
            }
            Tensor grad = grads.get(i);
            if (grad == null) continue;
            if (grad.size() != var.size()) {
                throw new IllegalArgumentException("applyGradients: gradient of shape " + Shape.format(grad.shape())
                        + " for variable " + var.name() + " of shape " + Shape.format(var.shape()));
            }
            g.add(grad.data());
            v.add(var);
        }
        if (g.isEmpty()) throw new IllegalArgumentException("No gradients provided for any variable.");
        if (lossScaleFactor != null) {
            for (int i = 0; i < g.size(); i++) {
                float[] s = new float[g.get(i).length];
                OptimizerKernels.divide(g.get(i), lossScaleFactor.floatValue(), s);
                g.set(i, s);
            }
        }
        if (gradientAccumulationSteps != null) {
            boolean updateStep = (rawIterations() + 1) % gradientAccumulationSteps == 0;
            for (int i = 0; i < g.size(); i++) {
                float[] acc = accumulators.get(index.get(v.get(i))).peek().data();
                if (updateStep) {
                    float[] mean = new float[acc.length];
                    OptimizerKernels.accumulatedMean(g.get(i), acc, gradientAccumulationSteps, mean);
                    g.set(i, mean);
                    java.util.Arrays.fill(acc, 0f);
                } else {
                    OptimizerKernels.accumulate(acc, g.get(i));
                }
            }
            if (updateStep) update(g, v);
        } else {
            update(g, v);
        }
        if (useEma) updateMovingAverages();
        for (Variable var : v) {
            if (var.constraint() != null) var.assign(var.constraint().apply(var.peek()));
        }
        iterations.assign(Tensor.scalar(rawIterations() + 1));
    }

    private void update(List<float[]> grads, List<Variable> vars) {
        List<float[]> clipped = clipGradients(grads);
        float lr = learningRate();
        if (weightDecay != null) {
            float wd = weightDecay.floatValue();
            for (Variable var : vars) if (useWeightDecay(var)) OptimizerKernels.weightDecay(var.peek().data(), wd, lr);
        }
        beforeUpdateSteps();
        for (int i = 0; i < vars.size(); i++) updateStep(clipped.get(i), vars.get(i), index.get(vars.get(i)), lr);
    }

    /** Keras's moving-average step, run on every call (also between accumulated updates), before the counter moves. */
    private void updateMovingAverages() {
        long it = iterations();
        float momentum = it != 0 ? (float) emaMomentum : 0f;
        for (int i = 0; i < trainable.size(); i++) OptimizerKernels.movingAverage(averages.get(i).peek().data(), trainable.get(i).peek().data(), momentum);
        if (emaOverwriteFrequency != null && (it + 1) % emaOverwriteFrequency == 0) finalizeVariableValues(trainable);
    }

    private boolean useWeightDecay(Variable var) {
        if (excludedFromDecay.contains(var)) return false;
        return excludedNames == null || !excludedNames.matcher(var.name()).find();
    }

    private List<float[]> clipGradients(List<float[]> grads) {
        List<float[]> out = new ArrayList<>(grads.size());
        if (clipnorm != null && clipnorm > 0) {
            float c = clipnorm.floatValue();
            for (float[] g : grads) {
                float norm = (float) Math.sqrt(OptimizerKernels.sumOfSquares(g));
                float[] d = new float[g.length];
                for (int i = 0; i < g.length; i++) d[i] = g[i] * c / Math.max(norm, c);
                out.add(d);
            }
        } else if (globalClipnorm != null && globalClipnorm > 0) {
            double sq = 0;
            for (float[] g : grads) sq += OptimizerKernels.sumOfSquares(g);
            float norm = (float) Math.sqrt(sq), c = globalClipnorm.floatValue();
            float scale = c * Math.min(1f / norm, 1f / c) + (norm - norm);
            for (float[] g : grads) {
                float[] d = new float[g.length];
                OptimizerKernels.scale(g, scale, d);
                out.add(d);
            }
        } else if (clipvalue != null && clipvalue > 0) {
            for (float[] g : grads) {
                float[] d = new float[g.length];
                OptimizerKernels.clipByValue(g, clipvalue.floatValue(), d);
                out.add(d);
            }
        } else {
            out.addAll(grads);
        }
        return out;
    }

    /** Called once per update before the per-variable steps (Nadam updates its momentum-schedule product here). */
    protected void beforeUpdateSteps() {}

    /**
     * Updates one variable in place from its (clipped) gradient: Keras's {@code update_step}. {@code index} is the
     * variable's position in the list the optimizer was built with (to find its slots).
     */
    protected abstract void updateStep(float[] gradient, Variable variable, int index, float learningRate);

    /** Keras's {@code finalize_variable_values}: with {@code use_ema}, overwrites the variables with their averages. */
    public void finalizeVariableValues(List<Variable> vars) {
        if (!useEma) return;
        if (vars.size() != averages.size()) {
            throw new IllegalArgumentException("The length of model variables (" + vars.size() + ") to override does not match the length of model "
                    + "variables stored in the optimizer (" + averages.size() + "). Please check if the optimizer was called on your model.");
        }
        for (int i = 0; i < vars.size(); i++) vars.get(i).assign(averages.get(i).peek());
    }

    // ------------------------------------------------------------------ config

    @Override
    public String module() {
        return "keras.optimizers";
    }

    /** Keras's base config keys in Keras's order; subclasses append theirs. */
    @Override
    public Map<String, Object> getConfig() {
        Object lr = schedule != null ? schedule.serialize() : (Object) (double) learningRateVariable.peek().item();
        return Config.of("name", name(), "learning_rate", lr, "weight_decay", weightDecay, "clipnorm", clipnorm,
                "global_clipnorm", globalClipnorm, "clipvalue", clipvalue, "use_ema", useEma, "ema_momentum", emaMomentum,
                "ema_overwrite_frequency", emaOverwriteFrequency, "loss_scale_factor", lossScaleFactor,
                "gradient_accumulation_steps", gradientAccumulationSteps);
    }

    @Override
    public String toString() {
        return "<" + className() + " name=" + name() + ", learning_rate=" + learningRate() + ">";
    }
}
