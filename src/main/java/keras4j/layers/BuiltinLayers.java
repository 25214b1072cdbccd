package keras4j.layers;

import keras4j.layers.activations.ELU;
import keras4j.layers.activations.LeakyReLU;
import keras4j.layers.activations.PReLU;
import keras4j.layers.activations.ReLU;
import keras4j.layers.activations.Softmax;
import keras4j.layers.activations.ThresholdedReLU;
import keras4j.layers.core.Activation;
import keras4j.layers.core.Dense;
import keras4j.layers.core.Lambda;
import keras4j.layers.core.Masking;
import keras4j.layers.regularization.ActivityRegularization;
import keras4j.layers.regularization.Dropout;
import keras4j.layers.reshaping.Flatten;
import keras4j.layers.reshaping.Permute;
import keras4j.layers.reshaping.RepeatVector;
import keras4j.layers.reshaping.Reshape;

/** Registers keras4j's built-in layers with {@link Layers}; one line per layer class. */
final class BuiltinLayers {
    private BuiltinLayers() {}

    static void registerAll() {
        Layers.register("Dense", Dense::fromConfig);
        Layers.register("Activation", Activation::fromConfig);
        Layers.register("Lambda", Lambda::fromConfig);
        Layers.register("Masking", Masking::fromConfig);
        Layers.register("Dropout", Dropout::fromConfig);
        Layers.register("ActivityRegularization", ActivityRegularization::fromConfig);
        Layers.register("Flatten", Flatten::fromConfig);
        Layers.register("Reshape", Reshape::fromConfig);
        Layers.register("Permute", Permute::fromConfig);
        Layers.register("RepeatVector", RepeatVector::fromConfig);
        Layers.register("ReLU", ReLU::fromConfig);
        Layers.register("LeakyReLU", LeakyReLU::fromConfig);
        Layers.register("PReLU", PReLU::fromConfig);
        Layers.register("ELU", ELU::fromConfig);
        Layers.register("ThresholdedReLU", ThresholdedReLU::fromConfig);
        Layers.register("Softmax", Softmax::fromConfig);
        Layers.register("Add", keras4j.layers.merging.Add::fromConfig);
        Layers.register("Subtract", keras4j.layers.merging.Subtract::fromConfig);
        Layers.register("Multiply", keras4j.layers.merging.Multiply::fromConfig);
        Layers.register("Average", keras4j.layers.merging.Average::fromConfig);
        Layers.register("Maximum", keras4j.layers.merging.Maximum::fromConfig);
        Layers.register("Minimum", keras4j.layers.merging.Minimum::fromConfig);
        Layers.register("Concatenate", keras4j.layers.merging.Concatenate::fromConfig);
        Layers.register("Dot", keras4j.layers.merging.Dot::fromConfig);
        Layers.register("Embedding", keras4j.layers.core.Embedding::fromConfig);
        Layers.register("SimpleRNN", keras4j.layers.rnn.SimpleRNN::fromConfig);
        Layers.register("LSTM", keras4j.layers.rnn.LSTM::fromConfig);
        Layers.register("GRU", keras4j.layers.rnn.GRU::fromConfig);
        Layers.register("Bidirectional", keras4j.layers.rnn.Bidirectional::fromConfig);
        Layers.register("TimeDistributed", keras4j.layers.rnn.TimeDistributed::fromConfig);
    }
}
