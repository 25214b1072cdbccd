package keras4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import keras4j.layers.Layer;
import keras4j.models.Model;
import keras4j.saving.KerasArchive;
import keras4j.tensor.Shape;

/**
 * What the Spark stages need to know of a model, read once on the driver: the shape of its one input and one output
 * (without the batch axis), whether it is compiled, and whether it is a classifier. A classifier is a model compiled
 * with a crossentropy or hinge loss, or, uncompiled, one whose last layer ends in softmax or sigmoid; its prediction is
 * a class index and its outputs are also given as the probability vector.
 */
record ModelInfo(String name, int[] inputShape, int[] outputShape, boolean compiled, boolean classifier, String loss)
        implements Serializable {

    int inputSize() {
        return product(inputShape);
    }

    int outputSize() {
        return product(outputShape);
    }

    /** Class count of a classifier: the output size, or 2 for a single sigmoid unit. */
    int numClasses() {
        return outputSize() == 1 ? 2 : outputSize();
    }

    /** A class-index label (one number per row) for a multi-class output: sparse categorical targets. */
    boolean sparseLabels(int labelSize) {
        return labelSize == 1 && outputSize() > 1;
    }

    static String shape(int[] withoutBatch) {
        int[] s = new int[withoutBatch.length + 1];
        s[0] = -1;
        System.arraycopy(withoutBatch, 0, s, 1, withoutBatch.length);
        return Shape.format(s);
    }

    static int product(int[] shape) {
        int p = 1;
        for (int d : shape) p *= d;
        return p;
    }

    /** Reads the model's facts, or fails naming the stage and what it supports. */
    static ModelInfo of(String stage, byte[] kerasBytes) {
        java.nio.file.Path dir = KerasBytes.tempDir();
        try {
            java.nio.file.Path file = KerasBytes.write(kerasBytes, dir);
            Model model = keras4j.models.Models.load(file);
            Object compileConfig = KerasArchive.read(file).config().get("compile_config");
            Object loss = compileConfig instanceof Map<?, ?> cc ? cc.get("loss") : null;
            return of(stage, model, loss);
        } finally {
            KerasBytes.deleteTree(dir);
        }
    }

    static ModelInfo of(String stage, Model model, Object loss) {
        List<Shape> inputs, outputs;
        try {
            inputs = model.inputShapes();
            outputs = model.outputShapes();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(stage + ": model \"" + model.name() + "\" has no input shape yet; give its first layer an "
                    + "input shape (e.g. Input.of(64) or .inputShape(64)) so the feature size can be checked (" + e.getMessage() + ")", e);
        }
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(stage + " supports models with one input; model \"" + model.name() + "\" has "
                    + inputs.size() + " inputs " + inputs);
        }
        if (outputs.size() != 1) {
            throw new IllegalArgumentException(stage + " supports models with one output; model \"" + model.name() + "\" has "
                    + outputs.size() + " outputs " + outputs);
        }
        int[] in = inputs.get(0).toArray(), out = outputs.get(0).toArray();
        int[] inputShape = Arrays.copyOfRange(in, 1, in.length);
        int[] outputShape = Arrays.copyOfRange(out, 1, out.length);
        for (int d : inputShape) {
            if (d < 0) {
                throw new IllegalArgumentException(stage + ": model \"" + model.name() + "\" has input shape " + inputs.get(0)
                        + "; rows become fixed-size tensors, so every axis but the batch axis must be known");
            }
        }
        String lossName = lossName(loss);
        boolean classifier = lossName != null ? lossName.contains("crossentropy") || lossName.contains("hinge") : endsInProbabilities(model);
        return new ModelInfo(model.name(), inputShape, outputShape, model.compiled(), classifier, lossName);
    }

    private static String lossName(Object loss) {
        if (loss instanceof List<?> l && !l.isEmpty()) loss = l.get(0);
        if (loss instanceof String s) return s.toLowerCase(java.util.Locale.ROOT);
        if (loss instanceof Map<?, ?> m && m.get("class_name") != null) {
            return keras4j.utils.Config.snakeCase(m.get("class_name").toString());
        }
        return null;
    }

    private static boolean endsInProbabilities(Model model) {
        List<Layer> layers = model.layers();
        if (layers.isEmpty()) return false;
        Object activation = layers.get(layers.size() - 1).getConfig().get("activation");
        return "softmax".equals(activation) || "sigmoid".equals(activation);
    }
}
