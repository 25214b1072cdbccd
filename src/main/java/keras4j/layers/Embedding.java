package keras4j.layers;

import java.util.Map;
import keras4j.autograd.Variable;
import keras4j.constraints.Constraint;
import keras4j.constraints.Constraints;
import keras4j.initializers.Initializer;
import keras4j.initializers.Initializers;
import keras4j.ops.Ops;
import keras4j.regularizers.Regularizer;
import keras4j.regularizers.Regularizers;
import keras4j.tensor.Internal;
import keras4j.tensor.Tensor;

/**
 * Keras's {@code Embedding(input_dim, output_dim)}: looks up rows of an {@code (inputDim, outputDim)} matrix.
 * Input {@code (batch, ...)} of integer indices stored as floats → output {@code (batch, ..., outputDim)}.
 * With {@code maskZero} the output mask is {@code inputs != 0}. Gradients accumulate on repeated indices.
 */
public final class Embedding extends AbstractLayer<Embedding> {
    private final int inputDim;
    private final int outputDim;
    private Initializer embeddingsInitializer = Initializers.get("uniform");
    private Regularizer embeddingsRegularizer;
    private Constraint embeddingsConstraint;
    private boolean maskZero;
    private Variable embeddings;

    public Embedding(int inputDim, int outputDim) {
        if (inputDim <= 0) throw new IllegalArgumentException("Argument `input_dim` should be a positive integer. Received: input_dim=" + inputDim);
        if (outputDim <= 0) throw new IllegalArgumentException("Argument `output_dim` should be a positive integer. Received: output_dim=" + outputDim);
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    public Embedding embeddingsInitializer(Object init) {
        this.embeddingsInitializer = Initializers.get(init);
        return this;
    }

    public Embedding embeddingsRegularizer(Object reg) {
        this.embeddingsRegularizer = Regularizers.get(reg);
        return this;
    }

    public Embedding embeddingsConstraint(Object c) {
        this.embeddingsConstraint = Constraints.get(c);
        return this;
    }

    /** Keras's {@code mask_zero=}: index 0 is padding, and the output carries the mask {@code inputs != 0}. */
    public Embedding maskZero(boolean maskZero) {
        this.maskZero = maskZero;
        return this;
    }

    public boolean maskZero() {
        return maskZero;
    }

    /** Keras 2's {@code input_length=n}: the same as {@code inputShape(n)}. */
    public Embedding inputLength(int length) {
        return inputShape(length);
    }

    @Override
    public void build(int[] inputShape) {
        embeddings = addWeight("embeddings", new int[] {inputDim, outputDim}, embeddingsInitializer::call,
                LayerOptions.fn(embeddingsRegularizer), LayerOptions.fn(embeddingsConstraint), true);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        float[] d = Internal.array(inputs);
        int[] idx = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            float v = d[i];
            if (!(v >= 0 && v < inputDim) || v != Math.floor(v)) {
                throw new IllegalArgumentException("Embedding \"" + name() + "\": index " + v + " is out of range for input_dim=" + inputDim
                        + " (indices must be integers in [0, " + (inputDim - 1) + "])");
            }
            idx[i] = (int) v;
        }
        Tensor rows = Ops.take(embeddings.value(), idx, 0);
        return Ops.reshape(rows, computeOutputShape(inputs.shape()));
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return maskZero ? inputs.ne(0f) : null;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = java.util.Arrays.copyOf(inputShape, inputShape.length + 1);
        out[inputShape.length] = outputDim;
        return out;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("input_dim", inputDim);
        c.put("output_dim", outputDim);
        c.put("embeddings_initializer", embeddingsInitializer.serialize());
        c.put("embeddings_regularizer", LayerOptions.serialize(embeddingsRegularizer));
        LayerOptions.putActivityRegularizer(this, c);
        c.put("embeddings_constraint", LayerOptions.serialize(embeddingsConstraint));
        c.put("mask_zero", maskZero);
        return c;
    }

    /** Rebuilds from a Keras 3 or Keras 2 config (Keras 2's {@code input_length} becomes the input shape). */
    public static Embedding fromConfig(Map<String, Object> c) {
        Embedding e = new Embedding(((Number) c.get("input_dim")).intValue(), ((Number) c.get("output_dim")).intValue());
        e.applyBaseConfig(c);
        if (c.get("embeddings_initializer") != null) e.embeddingsInitializer(c.get("embeddings_initializer"));
        e.embeddingsRegularizer(c.get("embeddings_regularizer"));
        e.embeddingsConstraint(c.get("embeddings_constraint"));
        if (c.get("activity_regularizer") != null) e.activityRegularizer(c.get("activity_regularizer"));
        if (c.get("mask_zero") != null) e.maskZero((Boolean) c.get("mask_zero"));
        if (c.get("input_length") != null && e.batchInputShape() == null) e.inputLength(((Number) c.get("input_length")).intValue());
        return e;
    }
}
