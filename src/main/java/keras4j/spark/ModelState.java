package keras4j.spark;

import keras4j.tensor.Internal;
import java.util.ArrayList;
import java.util.List;
import keras4j.autograd.Variable;
import keras4j.models.Model;
import keras4j.optimizers.Optimizer;

/**
 * The state that parameter averaging ships and averages: every weight of the model (trainable and not, in
 * {@code model.weights()} order), then the optimizer's variables (iteration, learning rate, slots such as Adam's
 * moments) once the optimizer is built for the trainable weights. Two models loaded from the same {@code .keras}
 * bytes have the same layout.
 */
final class ModelState {
    private ModelState() {}

    /** The variables in shipping order; builds the optimizer's slots when the model is compiled. */
    static List<Variable> variables(Model model, boolean withOptimizer) {
        List<Variable> vars = new ArrayList<>(model.weights());
        Optimizer optimizer = model.optimizer();
        if (withOptimizer && optimizer != null) {
            optimizer.build(model.trainableWeights());
            vars.addAll(optimizer.variables());
        }
        return vars;
    }

    static int size(List<Variable> vars) {
        int n = 0;
        for (Variable v : vars) n += v.size();
        return n;
    }

    static float[] flatten(List<Variable> vars) {
        float[] out = new float[size(vars)];
        int k = 0;
        for (Variable v : vars) {
            float[] d = Internal.array(v.peek());
            System.arraycopy(d, 0, out, k, d.length);
            k += d.length;
        }
        return out;
    }

    /** Overwrites the variables from a flat vector laid out as {@link #flatten}; a prefix is enough for weights only. */
    static void assign(List<Variable> vars, float[] values) {
        if (values.length < size(vars)) {
            throw new IllegalArgumentException("Model state has " + values.length + " values, the model needs " + size(vars));
        }
        int k = 0;
        for (Variable v : vars) {
            float[] d = Internal.array(v.peek());
            System.arraycopy(values, k, d, 0, d.length);
            k += d.length;
        }
    }
}
